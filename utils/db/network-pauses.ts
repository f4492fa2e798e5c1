import type { NetworkId } from '../networks/catalog';
import type { WardenDb } from './schema';

/** Networks paused by a 429 at `now`, with when each pause ends. */
export async function pausedNetworks(db: WardenDb, now: number): Promise<Map<NetworkId, number>> {
  const rows = await db.networkState.toArray();
  return new Map(rows.filter((r) => r.pausedUntil > now).map((r) => [r.id, r.pausedUntil]));
}

/** Pauses a network until `until` (a later pause never shortens an earlier one). */
export async function pauseNetwork(db: WardenDb, network: NetworkId, until: number, reason: string): Promise<void> {
  await db.transaction('rw', db.networkState, async () => {
    const current = await db.networkState.get(network);
    if (!current || current.pausedUntil < until) await db.networkState.put({ id: network, pausedUntil: until, reason });
  });
}
