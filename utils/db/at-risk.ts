import { isAtRisk, profileStatus, renewRule } from '../at-risk';
import { readProfileRows, type ProfileRow } from './profile-rows';
import type { WardenDb } from './schema';

/** Expired and expiring profiles that this person can renew (SPEC §5 startup warning), by the one rule of ../at-risk. */
export async function renewableAtRisk(db: WardenDb, now: number): Promise<ProfileRow[]> {
  const [rows, identities, hub] = await Promise.all([readProfileRows(db), db.identities.toArray(), db.hub.get('hub')]);
  const canRenew = renewRule(identities, hub?.memberEmail ?? null);
  return rows.filter(({ profile, grant }) => isAtRisk(profileStatus(grant, now).status) && canRenew(profile, grant));
}
