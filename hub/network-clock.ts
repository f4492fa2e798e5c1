import type { Fetch } from '../utils/networks/types';

/** The time one request to the hub spent waiting for the networks, and the fetch that measures it. */
export interface NetworkClock {
  fetch: Fetch;
  /** Milliseconds inside network calls so far (overlapping calls count once each). */
  ms(): number;
  /** How many network calls were made. */
  calls(): number;
}

export function networkClock(fetchImpl: Fetch): NetworkClock {
  let ms = 0;
  let calls = 0;
  return {
    fetch: async (input, init) => {
      const started = performance.now();
      calls += 1;
      try {
        return await fetchImpl(input, init);
      } finally {
        ms += performance.now() - started;
      }
    },
    ms: () => ms,
    calls: () => calls,
  };
}

/**
 * The `Server-Timing` header of an answer that called networks: the hub's own time (everything
 * but the network calls) and the networks'. Browsers' developer tools show it; the bench reads it.
 */
export function serverTiming(totalMs: number, clock: NetworkClock): string {
  const network = clock.ms();
  return `hub;dur=${Math.max(0, totalMs - network).toFixed(2)}, network;dur=${network.toFixed(2)};desc="${clock.calls()} call(s)"`;
}
