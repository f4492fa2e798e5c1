import type pg from 'pg';

/** Serialises every transaction that hands out change numbers, so they commit in number order and a sync cursor never skips one. */
const CHANGE_LOCK = 702_002;

export type Tx = pg.PoolClient;

/** Runs `fn` in one transaction. */
export async function inTx<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A transaction whose writes carry one change number (what a sync cursor moves past). */
export function inChangeTx<T>(pool: pg.Pool, fn: (tx: Tx, change: number) => Promise<T>): Promise<T> {
  return inTx(pool, async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
    const { rows } = await tx.query<{ n: number }>("select nextval('changes') as n");
    return fn(tx, rows[0]!.n);
  });
}
