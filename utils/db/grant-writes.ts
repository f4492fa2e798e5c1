import { applyCheck, applyRefresh } from '../apply-check';
import type { HistoryFact } from '../history-facts';
import { recordHistory } from './history-writes';
import type { CheckResult, TokenSet } from '../networks/types';
import type { FlowOutcome } from '../outcomes';
import { grantStatus } from '../status';
import type { CanRenew, GrantRecord, HistoryRecord, RenewalState, SecretRecord, WardenDb } from './schema';
import { sealTokens, secretPart, vaultKey } from './vault';

/**
 * Stores refreshed tokens. With rotation (TikTok) the new refresh token
 * replaces the old in the same transaction as the grant update: there is no
 * instant at which neither is stored.
 */
export async function storeRefreshed(db: WardenDb, grantId: string, tokens: TokenSet, now: number): Promise<GrantRecord | undefined> {
  const secret = await sealTokens(await vaultKey(db), grantId, secretPart(tokens));
  return db.transaction('rw', db.grants, db.secrets, async () => {
    const grant = await db.grants.get(grantId);
    if (!grant) return undefined;
    const refreshed = applyRefresh(grant, tokens, now);
    await db.secrets.put(secret);
    await db.grants.put(refreshed);
    return refreshed;
  });
}

/** A check's answer, or a refresh's new tokens (already sealed) where the refresh token never rotates. */
export type CheckToApply = { grantId: string; result: CheckResult } | { grantId: string; refreshed: TokenSet; secret: SecretRecord };

/**
 * Applies a batch of check results in ONE write transaction, and records a
 * history entry on each covered profile whose status changed.
 */
export async function applyChecks(db: WardenDb, checks: CheckToApply[], now: number): Promise<void> {
  if (checks.length === 0) return;
  await db.transaction('rw', [db.grants, db.profiles, db.history, db.identities, db.secrets], async () => {
    const grants = await db.grants.bulkGet(checks.map((c) => c.grantId));
    const updated: GrantRecord[] = [];
    const secrets: SecretRecord[] = [];
    const history: HistoryRecord[] = [];
    for (const [i, check] of checks.entries()) {
      const before = grants[i];
      if (!before) continue; // disconnected while the check was in flight
      if ('refreshed' in check) {
        updated.push(applyRefresh(before, check.refreshed, now));
        secrets.push(check.secret);
        continue;
      }
      const after = applyCheck(before, check.result, now);
      updated.push(after);
      if (check.result.kind === 'invalid' && check.result.code === 'permission') {
        await markNoPermission(
          db,
          before.identityId,
          await db.profiles.where('grantId').equals(before.id).primaryKeys(),
          check.result.reason,
          now,
        );
      }
      const was = grantStatus(before, now).status;
      const is = grantStatus(after, now).status;
      if (was !== is) {
        const reason = check.result.kind === 'invalid' ? check.result.reason : undefined;
        const fact: HistoryFact = { code: 'statusChanged', from: was, to: is, ...(reason ? { reason } : {}) };
        const profiles = await db.profiles.where('grantId').equals(before.id).primaryKeys();
        for (const profileId of profiles) history.push({ profileId, at: now, kind: 'status', fact });
      }
    }
    await db.grants.bulkPut(updated);
    if (secrets.length) await db.secrets.bulkPut(secrets);
    await recordHistory(db, history);
  });
}

export async function setRenewal(db: WardenDb, grantId: string, renewal: RenewalState): Promise<void> {
  await db.grants.update(grantId, { renewal });
}

export function finishedRenewal(startedAt: number, outcome: FlowOutcome, now: number): RenewalState {
  return { state: 'done', startedAt, finishedAt: now, outcome };
}

/** Records whether an identity can renew a profile (SPEC §4). */
export async function markAccess(
  db: WardenDb,
  identity: { id: string; network: GrantRecord['network']; name: string },
  profileId: string,
  can: CanRenew,
  reason: string | undefined,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.identities, async () => {
    const known = await db.identities.get(identity.id);
    const access = { ...(known?.access ?? {}), [profileId]: { can, reason, at: now } };
    await db.identities.put({ id: identity.id, network: identity.network, name: identity.name, access });
  });
}

/** A check refused for missing permission: this identity can no longer renew these profiles. */
async function markNoPermission(db: WardenDb, identityId: string, profileIds: string[], reason: string, now: number): Promise<void> {
  const identity = await db.identities.get(identityId);
  if (!identity) return;
  for (const id of profileIds) identity.access[id] = { can: 'no', reason, at: now };
  await db.identities.put(identity);
}

/**
 * The refresh journal: set before a refresh that may rotate the refresh token is sent, cleared
 * when its answer is stored or refused. Still set later = the answer was lost (the worker stopped).
 */
export async function journalRefresh(db: WardenDb, grantId: string, startedAt: number | null): Promise<void> {
  await db.grants.update(grantId, { refreshStartedAt: startedAt });
}
