import type pg from 'pg';
import type { GrantRecord } from '../../utils/db/schema';
import { adapterFor } from '../../utils/networks/index';
import type { AdapterContext, CheckResult } from '../../utils/networks/types';
import { refreshDue } from '../../utils/poll-schedule';
import type { TokenKeys } from '../crypto';
import { canRefresh, refreshGrant, storeCheck, tokensOf } from '../custody';
import { toGrantRecord, type GrantRow } from '../store/grant-rows';

/**
 * One grant's check, as the extension runs it in personal mode: the inspection call, or the
 * refresh where one is due (or where the access token died but a refresh token lives: the
 * refresh gives the verdict). The result is stored (an inspection's through `store`: the runner
 * writes many in one transaction); what it was is returned.
 */
export async function checkGrant(
  pool: pg.Pool,
  key: TokenKeys,
  ctx: AdapterContext,
  row: GrantRow,
  store: (grant: GrantRecord, result: CheckResult) => Promise<void> = (grant, result) => storeCheck(pool, grant, result, ctx.now),
): Promise<CheckResult> {
  const grant = toGrantRecord(row);
  let result: CheckResult;
  try {
    const adapter = adapterFor(grant.network);
    if (!adapter) result = { kind: 'unknown', reason: 'This network is not supported yet' };
    else {
      const tokens = tokensOf(key, row);
      const refreshable = canRefresh(grant, tokens, ctx.now);
      if (refreshable && refreshDue(grant, ctx.now)) return await refreshed(pool, key, ctx, grant.id);
      result = await adapter.inspect(ctx, { ...tokens, accessExpiresAt: grant.accessExpiresAt, scopes: grant.scopes });
      if (result.kind === 'invalid' && result.code !== 'permission' && refreshable) return await refreshed(pool, key, ctx, grant.id);
    }
  } catch (error) {
    result = { kind: 'unknown', reason: `The check could not run (${error instanceof Error ? error.name : 'error'})` };
  }
  await store(grant, result);
  return result;
}

async function refreshed(pool: pg.Pool, key: TokenKeys, ctx: AdapterContext, grantId: string): Promise<CheckResult> {
  const r = await refreshGrant(pool, key, ctx, grantId);
  if (r.ok) return { kind: 'valid' };
  const result = r.result ?? { kind: 'unknown' as const, reason: 'The refresh could not run' };
  const { rows } = await pool.query<GrantRow>('select * from grants where id = $1', [grantId]);
  if (rows[0]) await storeCheck(pool, toGrantRecord(rows[0]), result, ctx.now);
  return result;
}
