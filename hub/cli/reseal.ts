import type pg from 'pg';
import { openTokens, sealTokens, sealedUnderCurrent, type TokenKeys } from '../crypto';

export interface ResealCount {
  /** Moved from the previous key to the current one. */
  resealed: number;
  /** Already under the current key. */
  current: number;
  /** Opened by neither key: left as they are (their profiles will ask for a sign-in when read). */
  unreadable: number;
}

/**
 * Every grant's token set sealed under HUB_SECRET_KEY_PREVIOUS sealed again under HUB_SECRET_KEY,
 * one grant at a time; a grant whose tokens changed meanwhile (a refresh, sealed under the current
 * key already) is left to that write. Once it reports none left, the previous key can go.
 */
export async function resealTokens(pool: pg.Pool, keys: TokenKeys): Promise<ResealCount> {
  const count: ResealCount = { resealed: 0, current: 0, unreadable: 0 };
  const { rows } = await pool.query<{ id: string; token_iv: Buffer; token_ct: Buffer }>(
    'select id, token_iv, token_ct from grants where length(token_ct) > 0 order by id',
  );
  for (const row of rows) {
    if (sealedUnderCurrent(keys, row.id, row.token_iv, row.token_ct)) {
      count.current += 1;
      continue;
    }
    let sealed;
    try {
      sealed = sealTokens(keys, row.id, openTokens(keys, row.id, row.token_iv, row.token_ct));
    } catch {
      count.unreadable += 1;
      continue;
    }
    const { rowCount } = await pool.query('update grants set token_iv = $2, token_ct = $3 where id = $1 and token_iv = $4', [
      row.id,
      sealed.iv,
      sealed.ct,
      row.token_iv,
    ]);
    if (rowCount === 1) count.resealed += 1;
    else count.current += 1; // written meanwhile, under the current key
  }
  return count;
}
