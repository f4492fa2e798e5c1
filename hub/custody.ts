import type pg from 'pg';
import type { HistoryFact } from '../utils/history-facts';
import { grantStatus } from '../utils/status';
import { applyCheck, applyRefresh } from '../utils/apply-check';
import type { GrantRecord } from '../utils/db/schema';
import { adapterFor } from '../utils/networks/index';
import type { AdapterContext, CheckResult, TokenSet } from '../utils/networks/types';
import { openTokens, sealTokens, type TokenKeys } from './crypto';
import { GRANT_STATE_COLUMNS, grantStateValues, stateAssignments, toGrantRecord, type GrantRow } from './store/grant-rows';
import { inChangeTx } from './store/tx';
import { secretPart, type SecretTokens } from './tokens';

const INTERRUPTED = 'A renewal was interrupted before its new token could be saved; sign in again to resume';

export async function loadGrant(pool: pg.Pool, grantId: string): Promise<GrantRow | null> {
  const { rows } = await pool.query<GrantRow>('select * from grants where id = $1', [grantId]);
  return rows[0] ?? null;
}

export function tokensOf(key: TokenKeys, row: GrantRow): SecretTokens {
  return openTokens(key, row.id, row.token_iv, row.token_ct);
}

/** Whether a refresh can run now: a refresh grant, a refresh token, and the network's window (Threads ≥ 24 h old, unexpired). */
export function canRefresh(grant: GrantRecord, tokens: SecretTokens, now: number): boolean {
  const adapter = adapterFor(grant.network);
  return Boolean(adapter?.refresh && tokens.refreshToken) && (adapter?.canRefresh?.(grant, now) ?? true);
}

export type RefreshOutcome = { ok: true; row: GrantRow } | { ok: false; result: Exclude<CheckResult, { kind: 'valid' }> | null };

/**
 * Refreshes one grant, rotation-safe: one refresh per grant at a time across every hub process
 * (an advisory lock held on its own connection, dropped if the process dies), the attempt is
 * journaled before the request, and the new tokens (a rotated refresh token included) replace
 * the old in one transaction. An answer lost to a crash leaves the journal: the next failure says so.
 */
export async function refreshGrant(pool: pg.Pool, key: TokenKeys, ctx: AdapterContext, grantId: string): Promise<RefreshOutcome> {
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [grantId]);
    const row = await loadGrant(pool, grantId);
    if (!row) return { ok: false, result: null };
    const grant = toGrantRecord(row);
    const tokens = tokensOf(key, row);
    const adapter = adapterFor(grant.network);
    if (!adapter?.refresh || !canRefresh(grant, tokens, ctx.now)) return { ok: false, result: null };
    const interrupted = row.refresh_started_at !== null;
    await pool.query('update grants set refresh_started_at = $2 where id = $1', [grantId, ctx.now]);
    const refreshed = await adapter.refresh(ctx, { ...tokens, accessExpiresAt: grant.accessExpiresAt, scopes: grant.scopes });
    if (!refreshed.ok) {
      await pool.query('update grants set refresh_started_at = null where id = $1', [grantId]);
      const r = refreshed.result;
      return { ok: false, result: r.kind === 'invalid' && interrupted ? { ...r, reason: INTERRUPTED } : r };
    }
    return { ok: true, row: await storeTokens(pool, key, grant, refreshed.tokens, ctx.now) };
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', [grantId]).catch(() => undefined);
    lock.release();
  }
}

/** New tokens for a grant, sealed, with its state as after a refresh; one change. */
async function storeTokens(pool: pg.Pool, key: TokenKeys, grant: GrantRecord, tokens: TokenSet, now: number): Promise<GrantRow> {
  const next = applyRefresh(grant, tokens, now);
  const sealed = sealTokens(key, grant.id, secretPart(tokens));
  return inChangeTx(pool, async (tx, change) => {
    const n = grantStateValues(next).length;
    const { rows } = await tx.query<GrantRow>(
      `update grants set ${stateAssignments(2)}, token_iv = $${n + 2}, token_ct = $${n + 3}, change = $${n + 4}, leased_until = null,
         leased_by = null
       where id = $1 returning *`,
      [grant.id, ...grantStateValues(next), sealed.iv, sealed.ct, change],
    );
    await statusHistory(tx, grant, next, now, change);
    return rows[0]!;
  });
}

/** A check's verdict on a grant: only a definitive answer changes the status; one change. */
export async function storeCheck(pool: pg.Pool, grant: GrantRecord, result: CheckResult, now: number): Promise<void> {
  await storeChecks(pool, [{ grant, result, now }]);
}

export interface CheckVerdict {
  grant: GrantRecord;
  result: CheckResult;
  /** When the check ran. */
  now: number;
  /** The lease the check ran under (grants.leased_by): the verdict is kept only while that lease is the grant's. */
  lease?: string;
}

/**
 * Many checks' verdicts in one statement (one round trip, one transaction, one change number:
 * its transaction id). A verdict given under a lease is kept only if that lease still holds the
 * grant: once it lapsed and another lease (another process, or a later round of this one) took
 * the grant, that lease's check is the one that counts. A grant that turned dead or alive gets its
 * history fact, only if its verdict was kept. Resolves with how many verdicts were kept.
 */
export async function storeChecks(pool: pg.Pool, verdicts: readonly CheckVerdict[]): Promise<number> {
  if (verdicts.length === 0) return 0;
  const after = verdicts.map((v) => applyCheck(v.grant, v.result, v.now));
  const rows = after.map((g, i): Record<string, unknown> => {
    const values = grantStateValues(g);
    const row: Record<string, unknown> = { id: g.id, leased_by: verdicts[i]!.lease ?? null };
    GRANT_STATE_COLUMNS.forEach((c, k) => (row[c] = values[k]));
    return row;
  });
  const turned = verdicts.flatMap((v, i) => {
    const fact = statusChange(v.grant, after[i]!, v.now);
    return fact ? [{ id: v.grant.id, fact, at: v.now }] : [];
  });
  const { rows: kept } = await pool.query<{ n: number }>({
    name: 'store-checks',
    // jsonb_populate_recordset reads each object as a grants row: every column keeps its own type.
    text: `with tx as (select pg_current_xact_id()::text::bigint as change),
      updated as (
        update grants g set ${GRANT_STATE_COLUMNS.map((c) => `${c} = x.${c}`).join(', ')}, change = (select change from tx), leased_until = null
        from jsonb_populate_recordset(null::grants, $1::jsonb) x
        where g.id = x.id and (x.leased_by is null or g.leased_by = x.leased_by) returning g.id),
      facts as (
        insert into history (profile_id, at, kind, fact, change)
        select p.id, t.at, 'status', t.fact::jsonb, (select change from tx)
        from unnest($2::text[], $3::text[], $4::bigint[]) as t(grant_id, fact, at)
        join updated u on u.id = t.grant_id
        join profiles p on p.grant_id = t.grant_id and p.deleted_at is null)
      select count(*)::int as n from updated`,
    values: [JSON.stringify(rows), turned.map((t) => t.id), turned.map((t) => t.fact), turned.map((t) => t.at)],
  });
  return kept[0]!.n;
}

/** What a profile's history says when its grant turns dead or alive; null when it did neither. */
/** The timeline's fact when a grant turns dead or alive (said in each browser's language), or null. */
function statusChange(before: GrantRecord, after: GrantRecord, now: number): string | null {
  const died = before.invalidSince === null && after.invalidSince !== null;
  const revived = before.invalidSince !== null && after.invalidSince === null;
  if (!died && !revived) return null;
  const fact: HistoryFact = {
    code: 'statusChanged',
    from: grantStatus(before, now).status,
    to: grantStatus(after, now).status,
    ...(died ? { reason: after.invalidReason ?? 'the network refused the token' } : {}),
  };
  return JSON.stringify(fact);
}

/** A history entry on each covered profile when a grant turns dead or alive. */
async function statusHistory(tx: pg.PoolClient, before: GrantRecord, after: GrantRecord, now: number, change: number): Promise<void> {
  const fact = statusChange(before, after, now);
  if (!fact) return;
  await tx.query(
    `insert into history (profile_id, at, kind, fact, change)
     select id, $2, 'status', $3::jsonb, $4 from profiles where grant_id = $1 and deleted_at is null`,
    [before.id, now, fact, change],
  );
}
