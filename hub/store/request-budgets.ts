import type pg from 'pg';

/** A budget's windows are whole minutes: the start of the one `now` falls in. */
export const windowOf = (now: number): number => now - (now % 60_000);

/**
 * SQL counting one request against the budget of each row of `from` (a CTE), keyed by `keyExpr`,
 * in the window given by `windowParam`; its RETURNING is the count so far, this one included.
 * Every hub process on the database counts in the same row.
 */
export const countRequestSql = (keyExpr: string, from: string, windowParam: string): string =>
  `insert into request_budgets as b (key, window_start, used) select ${keyExpr}, ${windowParam}, 1 from ${from}
   on conflict (key, window_start) do update set used = b.used + 1 returning used`;

/** Counts one request of `key` at `now`: how many it has made in this window, this one included. */
export async function countRequest(pool: pg.Pool, key: string, now: number): Promise<number> {
  const { rows } = await pool.query<{ used: number }>({
    name: 'count-request',
    text: `with k as (select $1::text as key) ${countRequestSql('k.key', 'k', '$2')}`,
    values: [key, windowOf(now)],
  });
  return rows[0]!.used;
}

/** Drops the windows that ended (the one before the current is kept: a request may still count in it). */
export async function forgetPastWindows(pool: pg.Pool, now: number): Promise<void> {
  await pool.query('delete from request_budgets where window_start < $1', [windowOf(now) - 60_000]);
}
