import type pg from 'pg';

/**
 * Deletes audit entries older than `days`, `batch` at a time until none is left or `budgetMs` is
 * spent (a tool at full rate writes 12,000 a minute; several processes pruning together take
 * different rows); how many went.
 */
export async function pruneAudit(pool: pg.Pool, now: number, days: number, batch = 10_000, budgetMs = 5_000): Promise<number> {
  const started = Date.now();
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      'delete from audit where id in (select id from audit where at < $1 order by at limit $2 for update skip locked)',
      [now - days * 86_400_000, batch],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batch || Date.now() - started > budgetMs) return total;
  }
}
