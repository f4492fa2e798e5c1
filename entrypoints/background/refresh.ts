import { journalRefresh, storeRefreshed } from '@/utils/db/grant-writes';
import type { GrantRecord } from '@/utils/db/schema';
import type { SecretTokens } from '@/utils/db/vault';
import type { AdapterContext, CheckResult, NetworkAdapter } from '@/utils/networks/types';
import type { Deps } from './deps';

export type RefreshResult = { ok: true } | { ok: false; result: Exclude<CheckResult, { kind: 'valid' }> } | { ok: false; result: null };

const INTERRUPTED = 'A renewal was interrupted before its new token could be saved; sign in again to resume';

/** Whether this grant can be refreshed now (a refresh token, and the network's window: Threads ≥ 24 h old, unexpired). */
export function canRefresh(adapter: NetworkAdapter, grant: GrantRecord, tokens: SecretTokens, now: number): boolean {
  return Boolean(adapter.refresh && tokens.refreshToken) && (adapter.canRefresh?.(grant, now) ?? true);
}

/**
 * Refreshes a grant silently and stores the answer at once, in one
 * transaction (a rotated refresh token replaces the old atomically).
 * `result: null` = no refresh possible here.
 */
export async function refreshGrant(
  deps: Deps,
  ctx: AdapterContext,
  adapter: NetworkAdapter,
  grant: GrantRecord,
  tokens: SecretTokens,
): Promise<RefreshResult> {
  if (!adapter.refresh || !canRefresh(adapter, grant, tokens, ctx.now)) return { ok: false, result: null };
  const interrupted = Boolean(grant.refreshStartedAt);
  await journalRefresh(deps.db, grant.id, deps.now());
  const refreshed = await adapter.refresh(ctx, { ...tokens, accessExpiresAt: grant.accessExpiresAt, scopes: grant.scopes });
  if (!refreshed.ok) {
    await journalRefresh(deps.db, grant.id, null);
    const r = refreshed.result;
    return { ok: false, result: r.kind === 'invalid' && interrupted ? { ...r, reason: INTERRUPTED } : r };
  }
  await storeRefreshed(deps.db, grant.id, refreshed.tokens, deps.now());
  return { ok: true };
}
