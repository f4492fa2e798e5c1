import type pg from 'pg';
import { NETWORK_IDS, type NetworkId } from '../../utils/networks/catalog';
import type { Fetch } from '../../utils/networks/types';
import type { HubConfig } from '../config';
import type { Logger } from '../log';
import { hubFetch } from '../networks';
import { runLane } from './lane';

export interface CheckRunner {
  /** Runs one round: every due grant checked once; resolves with how many were. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The hub's checks: due grants are leased in batches with FOR UPDATE SKIP LOCKED, so any number
 * of hub processes on one database share the work and never check one grant twice at once; a
 * lease renewed until its verdict is written lapses within `checkLeaseMs` of a crash. Each
 * network runs its own lane (lane.ts: `checkConcurrency` requests at a time) and a 429 pauses
 * that network alone.
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

  const lane = (network: NetworkId) =>
    runLane(pool, config, log, network, { processId: options.processId, now, fetch: options.fetch ?? hubFetch, stopped: () => stopped });

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
      if (!stopped) timer = setTimeout(tick, options.intervalMs ?? config.checkIntervalMs);
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
