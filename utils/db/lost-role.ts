import { NETWORKS } from '../networks/catalog';
import type { GrantRecord, WardenDb } from './schema';
import { recordHistory } from './history-writes';

/** The grant a profile is moved to when the login lost its role on it: dead, without a token. */
const lostRoleGrantId = (grantId: string, nativeId: string) => `${grantId}/lost/${nativeId}`;

/**
 * The login still works, but its identity lost the role a profile needs (a LinkedIn member no
 * longer Super Admin of a page): that profile alone leaves the login for a grant of its own,
 * dead since now, with no token (renewing it takes a sign-in by someone who has the role). The
 * identity is recorded as unable to renew it, the permission named. One transaction.
 */
export async function detachLostRoles(db: WardenDb, grant: GrantRecord, nativeIds: string[], now: number): Promise<void> {
  if (nativeIds.length === 0) return;
  const permission = NETWORKS[grant.network].permissionNeeded;
  await db.transaction('rw', [db.grants, db.profiles, db.identities, db.history], async () => {
    const identity = await db.identities.get(grant.identityId);
    const who = identity?.name ?? 'The login';
    for (const nativeId of nativeIds) {
      const profileId = `${grant.network}:${nativeId}`;
      const profile = await db.profiles.get(profileId);
      if (!profile || profile.grantId !== grant.id) continue;
      const orphan: GrantRecord = {
        ...grant,
        id: lostRoleGrantId(grant.id, nativeId),
        invalidSince: now,
        invalidReason: `${who} lost the role this page needs (${permission})`,
        invalidCode: 'permission',
        refreshable: false,
        lastCheckAt: now,
        lastCheckResult: 'invalid',
        lastError: `Missing: ${permission}`,
        failures: 0,
        renewal: null,
        refreshStartedAt: null,
        leasedUntil: 0,
        leasedBy: undefined,
      };
      await db.grants.put(orphan);
      await db.profiles.update(profileId, { grantId: orphan.id });
      if (identity) identity.access[profileId] = { can: 'no', reason: `Missing: ${permission}`, at: now };
      await recordHistory(db, [
        {
          profileId,
          at: now,
          kind: 'status',
          fact: { code: 'lostRole', who, permission },
        },
      ]);
    }
    if (identity) await db.identities.put(identity);
  });
}
