import type pg from 'pg';
import { NETWORK_IDS, type NetworkId } from '../../utils/networks/catalog';
import type { Fetch } from '../../utils/networks/types';
import { NEVER } from '../../utils/poll-schedule';
import type { HubConfig } from '../config';
import type { Logger } from '../log';
import { hubContext, hubFetch } from '../networks';
import type { GrantRow } from '../store/grant-rows';
import { checkGrant } from './check-grant';

/** A process holds the grants it checks this long; a killed process's grants are taken over after it. */
export const LEASE_MS = 30_000;

export interface CheckRunner {
  /** Runs one round: every due grant checked once; resolves with how many were. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The hub's checks: due grants are leased in batches with FOR UPDATE SKIP LOCKED, so any number
 * of hub processes on one database share the work and never check one grant twice at once; a
 * lease renewed while its check runs lapses within LEASE_MS of a crash. Each network runs its
 * own lane (`checkConcurrency` requests at a time) and a 429 pauses that network alone.
 */
export function startChecks(
  pool: pg.Pool,
  config: HubConfig,
  log: Logger,
  options: { processId: string; intervalMs?: number; now?: () => number; fetch?: Fetch; autoStart?: boolean },
): CheckRunner {
  const now = options.now ?? Date.now;
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | undefined;

  const lane = async (network: NetworkId): Promise<number> => {
    let count = 0;
    for (;;) {
      if (stopped) return count;
      const batch = await lease(pool, network, options.processId, now(), config.checkConcurrency * 4);
      if (batch.length === 0) return count;
      const renew = setInterval(() => void extend(pool, batch, options.processId, now()).catch(() => undefined), LEASE_MS / 3);
      try {
        let next = 0;
        const worker = async () => {
          while (next < batch.length && !stopped) {
            const row = batch[next++]!;
            const ctx = hubContext(config, network, now(), options.fetch ?? hubFetch);
            const result = ctx
              ? await checkGrant(pool, config.secretKey, ctx, row)
              : { kind: 'unknown' as const, reason: 'No app is configured for this network on the hub' };
            count++;
            if (result.kind === 'unknown' && result.retryAfterMs !== undefined) {
              await pause(pool, network, now() + result.retryAfterMs, result.reason);
              return;
            }
          }
        };
        await Promise.all(Array.from({ length: config.checkConcurrency }, worker));
      } finally {
        clearInterval(renew);
        await release(pool, batch, options.processId);
      }
    }
  };

  const runOnce = (): Promise<number> => {
    running ??= Promise.all(
      NETWORK_IDS.map((n) => lane(n).catch((e: unknown) => (log.error('check lane failed', { network: n, error: errorName(e) }), 0))),
    )
      .then((counts) => counts.reduce((a, b) => a + b, 0))
      .finally(() => (running = null));
    return running;
  };

  const tick = () => {
    if (stopped) return;
    void runOnce().finally(() => {
      if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 15_000);
    });
  };
  if (options.autoStart !== false) tick();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

function errorName(e: unknown): string {
  return e instanceof Error ? e.message : 'error';
}

/** Takes up to `limit` due grants of one network no live process holds, unless that network is paused. */
async function lease(pool: pg.Pool, network: NetworkId, processId: string, now: number, limit: number): Promise<GrantRow[]> {
  const { rows } = await pool.query<GrantRow>(
    `update grants set leased_until = $3, leased_by = $4 where id in (
       select id from grants
       where network = $1 and next_check_at <= $2 and next_check_at < $6 and (leased_until is null or leased_until < $2)
         and not exists (select 1 from network_pauses p where p.network = $1 and p.paused_until > $2)
       order by next_check_at limit $5 for update skip locked)
     returning *`,
    [network, now, now + LEASE_MS, processId, limit, NEVER],
  );
  return rows;
}

async function extend(pool: pg.Pool, batch: GrantRow[], processId: string, now: number): Promise<void> {
  await pool.query('update grants set leased_until = $3 where id = any($1) and leased_by = $2 and leased_until is not null', [
    batch.map((g) => g.id),
    processId,
    now + LEASE_MS,
  ]);
}

/** Lets go of what this process still holds (grants it learned nothing about: a paused network, a stop). */
async function release(pool: pg.Pool, batch: GrantRow[], processId: string): Promise<void> {
  await pool.query('update grants set leased_until = null where id = any($1) and leased_by = $2', [batch.map((g) => g.id), processId]);
}

async function pause(pool: pg.Pool, network: NetworkId, until: number, reason: string): Promise<void> {
  await pool.query(
    `insert into network_pauses (network, paused_until, reason) values ($1, $2, $3)
     on conflict (network) do update set paused_until = excluded.paused_until, reason = excluded.reason`,
    [network, until, reason],
  );
}
