import type pg from 'pg';
import type { GrantRecord } from '../../utils/db/schema';
import type { NetworkId } from '../../utils/networks/catalog';
import type { CheckResult, Fetch } from '../../utils/networks/types';
import { NEVER } from '../../utils/poll-schedule';
import type { HubConfig } from '../config';
import { storeChecks, type CheckVerdict } from '../custody';
import type { Logger } from '../log';
import { hubContext } from '../networks';
import type { GrantRow } from '../store/grant-rows';
import { checkGrant } from './check-grant';

export interface LaneOptions {
  processId: string;
  now: () => number;
  fetch: Fetch;
  /** True once the runner is stopping: no new check starts. */
  stopped: () => boolean;
}

/** Verdicts written together: fewer, larger transactions (each takes the change lock once). */
const FLUSH_AT = 64;

/**
 * One network's due checks in this process, as a pipeline: `checkConcurrency` checks in flight
 * at all times, the next grants leased before the queue runs dry, verdicts written in batches.
 * Every grant this process holds has its lease extended until its verdict is written; what it
 * never checked (a 429 paused the network, a stop) is released at the end. Resolves with how
 * many grants were checked.
 */
export async function runLane(pool: pg.Pool, config: HubConfig, log: Logger, network: NetworkId, o: LaneOptions): Promise<number> {
  const leaseMs = config.checkLeaseMs;
  const batchSize = config.checkConcurrency * 4;
  /** Grant id → the lease it is held under, until its verdict is written or it is released. */
  const held = new Map<string, string>();
  const queue: { row: GrantRow; lease: string }[] = [];
  const verdicts: CheckVerdict[] = [];
  let exhausted = false;
  let paused = false;
  let count = 0;
  let leases = 0;
  let filling: Promise<void> | null = null;
  let writing: Promise<void> = Promise.resolve();

  // Each lease has its own name: a verdict is kept only under the lease it was checked under.
  const fill = (): Promise<void> =>
    (filling ??= ((tag) =>
      lease(pool, network, tag, o.now(), o.now() + leaseMs, batchSize)
        .then((rows) => {
          if (rows.length === 0) exhausted = true;
          for (const row of rows) {
            held.set(row.id, tag);
            queue.push({ row, lease: tag });
          }
        })
        .finally(() => (filling = null)))(`${o.processId}:${network}:${++leases}`));

  // Writes are chained (one at a time per lane); a failed write leaves its grants held, released
  // at the end unwritten: due again, checked in a next round (by any process). Nothing is lost.
  const flush = (): Promise<void> => {
    const batch = verdicts.splice(0);
    if (batch.length === 0) return writing;
    writing = writing
      .then(() => storeChecks(pool, batch))
      .then(() => batch.forEach((v) => held.get(v.grant.id) === v.lease && held.delete(v.grant.id)))
      .finally(() => (unwritten -= batch.length))
      .catch((e: unknown) =>
        log.error('check results not written', { network, count: batch.length, error: e instanceof Error ? e.name : 'error' }),
      );
    return writing;
  };
  let unwritten = 0;
  const store = async (grant: GrantRecord, result: CheckResult, now: number, lease: string): Promise<void> => {
    verdicts.push({ grant, result, now, lease });
    unwritten++;
    if (verdicts.length >= FLUSH_AT) void flush();
    // Backpressure: checks do not run ahead of a slow database by more than two batches (what a
    // crash would make this process repeat).
    while (unwritten > 2 * FLUSH_AT) await writing;
  };

  const next = async (): Promise<{ row: GrantRow; lease: string } | null> => {
    while (queue.length === 0) {
      if (exhausted || paused || o.stopped()) return null;
      // The database unreachable: this round ends here (every worker stops; what is held is released).
      await fill().catch((e: unknown) => {
        log.error('grants not leased', { network, error: e instanceof Error ? e.name : 'error' });
        exhausted = true;
      });
    }
    // Lease the next batch while this one is still being checked: no gap between batches.
    if (queue.length <= config.checkConcurrency && !exhausted) void fill().catch(() => undefined);
    return queue.shift()!;
  };

  const worker = async () => {
    for (let item = await next(); item && !paused && !o.stopped(); item = await next()) {
      const { row, lease: tag } = item;
      const ctx = hubContext(config, network, o.now(), o.fetch);
      if (!ctx) {
        paused = true; // no app for this network on the hub: nothing to check with
        return;
      }
      let result: CheckResult;
      let buffered = false;
      try {
        result = await checkGrant(pool, config.secretKey, ctx, row, (g, r) => ((buffered = true), store(g, r, ctx.now, tag)));
      } catch (e) {
        // A refresh's own write failed: this grant stays held, and is released at the end unchecked.
        log.error('check failed', { network, error: e instanceof Error ? e.name : 'error' });
        continue;
      }
      // A refresh writes its own verdict at once; a buffered verdict keeps its lease extended until written.
      if (!buffered) held.delete(row.id);
      count++;
      if (result.kind === 'unknown' && result.retryAfterMs !== undefined) {
        paused = true;
        await pause(pool, network, o.now() + result.retryAfterMs, result.reason);
      }
    }
  };

  const renew = setInterval(() => void extend(pool, held, o.now() + leaseMs).catch(() => undefined), leaseMs / 3);
  try {
    await Promise.all(Array.from({ length: config.checkConcurrency }, worker));
    // A lease still in flight (a worker stopped on a pause) is awaited, so its grants are released too.
    await (filling as Promise<void> | null)?.catch(() => undefined);
    await flush();
  } finally {
    clearInterval(renew);
    await release(pool, held);
  }
  return count;
}

/** Up to $5 due grants of network $1 at $2 no live process holds, leased to $4 until $3 (none while the network is paused). */
export const LEASE_SQL = `update grants set leased_until = $3, leased_by = $4 where id in (
    select id from grants
    where network = $1 and next_check_at <= $2 and next_check_at < $6 and (leased_until is null or leased_until < $2)
      and not exists (select 1 from network_pauses p where p.network = $1 and p.paused_until > $2)
    order by next_check_at limit $5 for update skip locked)
  returning *`;

/** Takes up to `limit` due grants of one network no live process holds, unless that network is paused. */
async function lease(pool: pg.Pool, network: NetworkId, tag: string, now: number, until: number, limit: number): Promise<GrantRow[]> {
  const { rows } = await pool.query<GrantRow>(LEASE_SQL, leaseValues(network, tag, now, until, limit));
  return rows;
}

export const leaseValues = (network: NetworkId, tag: string, now: number, until: number, limit: number) => [
  network,
  now,
  until,
  tag,
  limit,
  NEVER,
];

async function extend(pool: pg.Pool, held: Map<string, string>, until: number): Promise<void> {
  if (held.size === 0) return;
  // SKIP LOCKED: a row being written right now needs no extension, and waiting for it while the
  // write waits for a row this statement holds would be a deadlock (one of them aborted).
  await pool.query(
    `update grants set leased_until = $3 where id in (
       select g.id from grants g join unnest($1::text[], $2::text[]) as h(id, tag) on g.id = h.id and g.leased_by = h.tag
       where g.leased_until is not null for update of g skip locked)`,
    [[...held.keys()], [...held.values()], until],
  );
}

/** Lets go of what this process still holds (grants it learned nothing about: a paused network, a stop). */
async function release(pool: pg.Pool, held: Map<string, string>): Promise<void> {
  if (held.size === 0) return;
  await pool.query(
    `update grants g set leased_until = null from unnest($1::text[], $2::text[]) as h(id, tag) where g.id = h.id and g.leased_by = h.tag`,
    [[...held.keys()], [...held.values()]],
  );
}

async function pause(pool: pg.Pool, network: NetworkId, until: number, reason: string): Promise<void> {
  await pool.query(
    `insert into network_pauses (network, paused_until, reason) values ($1, $2, $3)
     on conflict (network) do update set paused_until = excluded.paused_until, reason = excluded.reason`,
    [network, until, reason],
  );
}
