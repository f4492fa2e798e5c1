import type pg from 'pg';
import { openSealed, sealTokens, sealedUnderCurrent, type TokenKeys } from '../crypto';

export interface ResealCount {
  /** Moved from the previous key to the current one. */
  resealed: number;
  /** Already under the current key. */
  current: number;
  /** Still under the previous key: written meanwhile by a process that has only the old key (run again once none has). */
  previous: number;
  /** Opened by neither key: left as they are (their reads answer 500 token-key). */
  unreadable: number;
}

interface SealedRow {
  id: string;
  token_iv: Buffer;
  token_ct: Buffer;
}

/**
 * Every grant's token set sealed under HUB_SECRET_KEY_PREVIOUS sealed again under HUB_SECRET_KEY.
 * Once it reports none under the previous key and none unreadable, the previous key can go.
 */
export async function resealTokens(pool: pg.Pool, keys: TokenKeys): Promise<ResealCount> {
  const count: ResealCount = { resealed: 0, current: 0, previous: 0, unreadable: 0 };
  const { rows } = await pool.query<SealedRow>('select id, token_iv, token_ct from grants where length(token_ct) > 0 order by id');
  for (const row of rows) {
    const outcome = await resealOne(pool, keys, row);
    if (outcome !== 'changed') count[outcome] += 1;
    else {
      // Written meanwhile (a refresh): by a process with the new key, or one still on the old.
      const now = (await pool.query<SealedRow>('select id, token_iv, token_ct from grants where id = $1', [row.id])).rows[0];
      if (!now || now.token_ct.length === 0 || sealedUnderCurrent(keys, now.id, now.token_iv, now.token_ct)) count.current += 1;
      else count.previous += 1;
    }
  }
  return count;
}

/**
 * One grant's set sealed again under the current key, unless it changed since it was read
 * (`changed`: the newer write stands; a refresh token must never be put back to an older one).
 */
export async function resealOne(
  pool: pg.Pool,
  keys: TokenKeys,
  row: SealedRow,
): Promise<'resealed' | 'current' | 'unreadable' | 'changed'> {
  let opened;
  try {
    opened = openSealed(keys, row.id, row.token_iv, row.token_ct);
  } catch {
    return 'unreadable';
  }
  if (opened.underCurrent) return 'current';
  const sealed = sealTokens(keys, row.id, opened.tokens);
  const { rowCount } = await pool.query('update grants set token_iv = $2, token_ct = $3 where id = $1 and token_iv = $4', [
    row.id,
    sealed.iv,
    sealed.ct,
    row.token_iv,
  ]);
  return rowCount === 1 ? 'resealed' : 'changed';
}
