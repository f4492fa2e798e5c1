import type pg from 'pg';

export type Tx = pg.PoolClient;

/** Runs `fn` in one transaction (`begin` may ask for an isolation level: a sync reads in one snapshot). */
export async function inTx<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>, begin = 'begin'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
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

/**
 * A transaction whose writes carry its change number: its own transaction id (64-bit, never
 * reused). No lock: a sync reads in one snapshot and moves its cursor only to that snapshot's
 * oldest transaction still running (routes/sync.ts), so a later commit with a lower id is
 * never skipped, and no writer waits for another.
 */
export function inChangeTx<T>(pool: pg.Pool, fn: (tx: Tx, change: number) => Promise<T>): Promise<T> {
  return inTx(pool, async (tx) => {
    const { rows } = await tx.query<{ n: string }>('select pg_current_xact_id()::text as n');
    return fn(tx, Number(rows[0]!.n));
  });
}
