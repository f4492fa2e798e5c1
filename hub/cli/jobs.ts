import type pg from 'pg';
import { NEVER } from '../../utils/poll-schedule';

/** The check queue at a glance: per network, what is due, running (leased) and failing, and any 429 pause. */
export async function listJobs(pool: pg.Pool, now: number): Promise<string[]> {
  const { rows } = await pool.query<{ network: string; due: number; running: number; failing: number; dead: number; next: number | null }>(
    `select network,
       count(*) filter (where next_check_at <= $1 and (leased_until is null or leased_until < $1))::int as due,
       count(*) filter (where leased_until >= $1)::int as running,
       count(*) filter (where failures > 0)::int as failing,
       count(*) filter (where next_check_at >= $2)::int as dead,
       min(next_check_at) filter (where next_check_at > $1 and next_check_at < $2) as next
     from grants group by network order by network`,
    [now, NEVER],
  );
  const pauses = await pool.query<{ network: string; paused_until: number; reason: string }>(
    'select * from network_pauses where paused_until > $1',
    [now],
  );
  const lines = ['network           due  running  failing  not polled (dead)  next check'];
  for (const r of rows) {
    const next = r.next ? new Date(r.next).toISOString() : '-';
    lines.push(
      `${r.network.padEnd(16)} ${String(r.due).padStart(4)} ${String(r.running).padStart(8)} ${String(r.failing).padStart(8)} ${String(r.dead).padStart(18)}  ${next}`,
    );
  }
  for (const p of pauses.rows) lines.push(`${p.network} paused until ${new Date(p.paused_until).toISOString()}: ${p.reason}`);
  const failing = await pool.query<{ id: string; failures: number; last_error: string | null }>(
    'select id, failures, last_error from grants where failures > 0 order by failures desc limit 20',
  );
  for (const f of failing.rows) lines.push(`failing  ${f.id}  ${f.failures}×  ${f.last_error ?? ''}`);
  return lines;
}

/** Every live grant (of one network) becomes due: the next check round takes them. */
export async function checkNow(pool: pg.Pool, now: number, network?: string): Promise<number> {
  const { rowCount } = await pool.query(
    'update grants set next_check_at = $1 where invalid_since is null and ($2::text is null or network = $2)',
    [now, network ?? null],
  );
  return rowCount ?? 0;
}
