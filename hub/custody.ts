import type pg from 'pg';
import { applyCheck, applyRefresh } from '../utils/apply-check';
import type { GrantRecord } from '../utils/db/schema';
import { adapterFor } from '../utils/networks/index';
import type { AdapterContext, CheckResult, TokenSet } from '../utils/networks/types';
import { openTokens, sealTokens } from './crypto';
import { grantStateValues, stateAssignments, toGrantRecord, type GrantRow } from './store/grant-rows';
import { inChangeTx } from './store/tx';
import { secretPart, type SecretTokens } from './tokens';

const INTERRUPTED = 'A renewal was interrupted before its new token could be saved; sign in again to resume';

export async function loadGrant(pool: pg.Pool, grantId: string): Promise<GrantRow | null> {
  const { rows } = await pool.query<GrantRow>('select * from grants where id = $1', [grantId]);
  return rows[0] ?? null;
}

export function tokensOf(key: Buffer, row: GrantRow): SecretTokens {
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
export async function refreshGrant(pool: pg.Pool, key: Buffer, ctx: AdapterContext, grantId: string): Promise<RefreshOutcome> {
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
export async function storeTokens(pool: pg.Pool, key: Buffer, grant: GrantRecord, tokens: TokenSet, now: number): Promise<GrantRow> {
  const next = applyRefresh(grant, tokens, now);
  const sealed = sealTokens(key, grant.id, secretPart(tokens));
  return inChangeTx(pool, async (tx, change) => {
    const n = grantStateValues(next).length;
    const { rows } = await tx.query<GrantRow>(
      `update grants set ${stateAssignments(2)}, token_iv = $${n + 2}, token_ct = $${n + 3}, change = $${n + 4}, leased_until = null
       where id = $1 returning *`,
      [grant.id, ...grantStateValues(next), sealed.iv, sealed.ct, change],
    );
    await statusHistory(tx, grant, next, now, change);
    return rows[0]!;
  });
}

/** A check's verdict on a grant: only a definitive answer changes the status; one change. */
export async function storeCheck(pool: pg.Pool, grant: GrantRecord, result: CheckResult, now: number): Promise<void> {
  const next = applyCheck(grant, result, now);
  await inChangeTx(pool, async (tx, change) => {
    await tx.query(
      `update grants set ${stateAssignments(2)}, change = $${grantStateValues(next).length + 2}, leased_until = null where id = $1`,
      [grant.id, ...grantStateValues(next), change],
    );
    await statusHistory(tx, grant, next, now, change);
  });
}

/** A history entry on each covered profile when a grant turns dead or alive. */
async function statusHistory(tx: pg.PoolClient, before: GrantRecord, after: GrantRecord, now: number, change: number): Promise<void> {
  const died = before.invalidSince === null && after.invalidSince !== null;
  const revived = before.invalidSince !== null && after.invalidSince === null;
  if (!died && !revived) return;
  const text = died ? `Found invalid: ${after.invalidReason ?? 'the network refused the token'}` : 'Valid again';
  await tx.query(
    `insert into history (profile_id, at, kind, text, change)
     select id, $2, 'status', $3, $4 from profiles where grant_id = $1 and deleted_at is null`,
    [before.id, now, text, change],
  );
}
