import { renewableByMember } from '../renewable';
import { grantStatus } from '../status';
import { readProfileRows, type ProfileRow } from './profile-rows';
import type { WardenDb } from './schema';

/**
 * Expired and expiring profiles that this person can renew: those whose
 * current identity is not known to lack the permission (SPEC §5 startup warning).
 */
export async function renewableAtRisk(db: WardenDb, now: number): Promise<ProfileRow[]> {
  const rows = await readProfileRows(db);
  const all = await db.identities.toArray();
  const identities = new Map(all.map((i) => [i.id, i]));
  // In an organisation hub: what this member's own native identities can renew.
  const hub = await db.hub.get('hub');
  const mine = hub ? renewableByMember(all, hub.memberEmail) : null;
  return rows.filter(({ profile, grant }) => {
    if (!grant) return false;
    const status = grantStatus(grant, now).status;
    if (status !== 'expired' && status !== 'expiring') return false;
    if (mine) return mine.has(profile.id);
    return identities.get(grant.identityId)?.access[profile.id]?.can !== 'no';
  });
}
