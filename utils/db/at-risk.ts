import { grantStatus } from '../status';
import { readProfileRows, type ProfileRow } from './profile-rows';
import type { WardenDb } from './schema';

/**
 * Expired and expiring profiles that this person can renew: those whose
 * current identity is not known to lack the permission (SPEC §5 startup warning).
 */
export async function renewableAtRisk(db: WardenDb, now: number): Promise<ProfileRow[]> {
  const rows = await readProfileRows(db);
  const identities = new Map((await db.identities.toArray()).map((i) => [i.id, i]));
  return rows.filter(({ profile, grant }) => {
    if (!grant) return false;
    const status = grantStatus(grant, now).status;
    if (status !== 'expired' && status !== 'expiring') return false;
    return identities.get(grant.identityId)?.access[profile.id]?.can !== 'no';
  });
}
