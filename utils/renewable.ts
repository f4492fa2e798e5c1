import type { IdentityRecord } from './db/schema';

/**
 * Profiles this member can renew (SPEC §10: their reminders): those a native identity they used
 * is not known to lack the permission for.
 */
export function renewableByMember(identities: readonly IdentityRecord[], memberEmail: string): Set<string> {
  const mine = new Set<string>();
  for (const identity of identities) {
    if (identity.memberEmail !== memberEmail) continue;
    for (const [profileId, access] of Object.entries(identity.access)) if (access.can !== 'no') mine.add(profileId);
  }
  return mine;
}
