import { applyChecks, type CheckToApply } from '@/utils/db/grant-writes';
import { pauseNetwork } from '@/utils/db/network-pauses';
import { abandonedCount, leaseDueGrants, releaseLeases } from '@/utils/db/poll-leases';
import type { GrantRecord, SecretRecord } from '@/utils/db/schema';
import { openTokens, sealTokens, secretPart, vaultKey, vaultMode } from '@/utils/db/vault';
import { adapterFor } from '@/utils/networks/index';
import type { AdapterContext, CheckResult, TokenSet } from '@/utils/networks/types';
import { refreshDue } from '@/utils/poll-schedule';
import { batchWriter, groupBy, runPool } from '@/utils/pool';
import { isQuotaError } from '@/utils/storage-problem';
import { MINUTE } from '@/utils/time';
import type { Deps } from './deps';
import { syncFromHub } from './hub-sync';
import { adapterContext } from './oauth-login';
import { canRefresh, refreshGrant } from './refresh';
import { stateChanged } from './state-changed';
import { checkRoles } from './role-check';

export const PER_NETWORK_CONCURRENCY = 4;
const WRITE_BATCH = 100;
/** A partial batch waits at most this long (a worker stopped mid-poll keeps what it learned). */
const WRITE_WAIT_MS = 1000;
/** A grant picked by a poll is leased so an overlapping poll does not check it twice. */
const LEASE_MS = 2 * MINUTE;
/**
 * This life of the service worker. The browser runs one worker per extension at a time, so a
 * lease held by another life belongs to a worker that was stopped in the middle of a poll.
 */
const WORKER_LIFE = crypto.randomUUID();
const HOLDER = { life: WORKER_LIFE, leaseMs: LEASE_MS };

/**
 * Checks every due grant (all live ones when forced) through its network's
 * adapter, networks in parallel, a few requests per network at a time,
 * writing results in batches. One failing grant or network never stops the others.
 */
export async function pollGrants(deps: Deps, { force, fresh }: { force: boolean; fresh?: boolean }): Promise<number> {
  // Locked vault: checks need tokens, so they wait for Unlock; the badge and reminders go on from stored expiries.
  if ((await vaultMode(deps.db)) === 'locked') return (await stateChanged(deps), 0);
  // Hub mode: one request brings what the hub's checks found; this browser's own logins (if any) are still checked here.
  // Check now (fresh): in hub mode the hub checks this member's logins first.
  const synced = await syncFromHub(deps, fresh);
  // The sync's rows as committed, used at once (no second read of every row): any later writer
  // (a disconnect, a renewal, another poll) runs its own step after them, never before.
  if (synced.rows) await stateChanged(deps, synced.rows);
  const now = deps.now();
  const due = await leaseDueGrants(deps.db, now, force, HOLDER);
  if (due.length === 0) {
    if (!synced.rows) await stateChanged(deps);
    return synced.grants;
  }
  const key = await vaultKey(deps.db);
  // Leased and not yet written: released at the end whatever happens, so nothing waits out a lease.
  const unwritten = new Set(due.map((g) => g.id));
  // Results are written in batches, one transaction at a time, while the requests go on.
  const writer = batchWriter<CheckToApply>(
    WRITE_BATCH,
    async (batch) => {
      await applyChecks(deps.db, batch, deps.now());
      for (const c of batch) unwritten.delete(c.grantId);
    },
    WRITE_WAIT_MS,
  );
  await Promise.all(
    [...groupBy(due, (g) => g.network)].map(async ([network, grants]) => {
      const ctx = await adapterContext(deps, network);
      const secrets = await deps.db.secrets.bulkGet(grants.map((g) => g.id));
      let rateLimited = false;
      await runPool([...grants.entries()], PER_NETWORK_CONCURRENCY, async ([i, grant]) => {
        if (rateLimited) return; // stays due: checked after the pause
        const answer = 'kind' in ctx ? notConfigured(ctx) : await checkGrant(deps, { ...ctx, now: deps.now() }, grant, secrets[i], key);
        const result = answer && 'refreshed' in answer ? null : answer;
        if (result?.kind === 'unknown' && result.retryAfterMs !== undefined) {
          rateLimited = true;
          await pauseNetwork(deps.db, network, deps.now() + result.retryAfterMs, result.reason);
        }
        if (answer) writer.push('refreshed' in answer ? { grantId: grant.id, ...answer } : { grantId: grant.id, result: answer });
        else unwritten.delete(grant.id); // a rotating refresh stored its answer itself
      });
    }),
  );
  try {
    await writer.close();
    await deps.storageProblem(null);
  } catch (error) {
    // A refused transaction writes nothing of its batch: those grants stay due and are checked again.
    if (isQuotaError(error)) await deps.storageProblem({ at: deps.now(), error: 'QuotaExceededError' });
    throw error;
  } finally {
    await releaseLeases(deps.db, [...unwritten], deps.now());
  }
  await stateChanged(deps);
  return due.length + synced.grants;
}

/**
 * On worker start: when an earlier life of the worker was stopped in the middle of a poll, its
 * grants are checked now rather than when their leases would have run out. Returns how many.
 */
export async function resumeInterruptedPoll(deps: Deps): Promise<number> {
  const now = deps.now();
  const left = await abandonedCount(deps.db, now, HOLDER);
  if (left > 0) await pollGrants(deps, { force: false });
  return left;
}

function notConfigured(outcome: { kind: string }): CheckResult {
  return { kind: 'unknown', reason: 'reason' in outcome ? String(outcome.reason) : 'Not configured' };
}

type Answer = CheckResult | { refreshed: TokenSet; secret: SecretRecord };

/** One grant's check; null when a silent refresh already stored the new state. */
async function checkGrant(
  deps: Deps,
  ctx: AdapterContext,
  grant: GrantRecord,
  record: SecretRecord | undefined,
  key: CryptoKey,
): Promise<Answer | null> {
  try {
    const adapter = adapterFor(grant.network);
    if (!adapter) return { kind: 'unknown', reason: 'This network is not supported yet' };
    if (!record) return { kind: 'invalid', reason: 'No token is stored for this login' };
    const tokens = await openTokens(key, record);
    const refreshable = canRefresh(adapter, grant, tokens, ctx.now);
    const refresh = async (): Promise<Answer | null> => {
      if (adapter.keepsRefreshToken && adapter.refresh) {
        // Nothing rotates: the answer joins the batched write (no journal needed, nothing to lose).
        const r = await adapter.refresh(ctx, { ...tokens, accessExpiresAt: grant.accessExpiresAt, scopes: grant.scopes });
        return r.ok ? { refreshed: r.tokens, secret: await sealTokens(key, grant.id, secretPart(r.tokens)) } : r.result;
      }
      const r = await refreshGrant(deps, ctx, adapter, grant, tokens);
      return r.ok ? null : r.result;
    };
    if (refreshable && refreshDue(grant, ctx.now)) return await refresh();
    const result =
      (await checkRoles(deps, ctx, adapter, grant, tokens.accessToken)) ??
      (await adapter.inspect(ctx, { ...tokens, accessExpiresAt: grant.accessExpiresAt, scopes: grant.scopes }));
    // A dead access token is not a dead grant while a refresh token lives: the refresh gives the verdict.
    if (result.kind === 'invalid' && result.code !== 'permission' && refreshable) return await refresh();
    return result;
  } catch (error) {
    return { kind: 'unknown', reason: `The check could not run (${error instanceof Error ? error.name : 'error'})` };
  }
}
