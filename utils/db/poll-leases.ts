import type { GrantRecord } from '../domain';
import { pausedNetworks } from './network-pauses';
import type { WardenDb } from './schema';

/** Who holds a lease: a life of the service worker, and how long a lease lasts. */
export interface LeaseHolder {
  life: string;
  leaseMs: number;
}

/** Leased by another life of the worker: it was stopped mid-poll (one worker runs at a time), the grant is ours to check. */
export function abandoned(g: GrantRecord, now: number, holder: LeaseHolder): boolean {
  return (g.leasedUntil ?? 0) > now && g.leasedBy !== holder.life;
}

/**
 * Picks the grants to check and leases them in ONE read-write transaction, so overlapping polls
 * (an alarm and "Check now") never check a grant twice.
 */
export async function leaseDueGrants(db: WardenDb, now: number, force: boolean, holder: LeaseHolder): Promise<GrantRecord[]> {
  return db.transaction('rw', db.grants, db.networkState, async () => {
    // A leased grant's next check is its lease's end: the index finds the abandoned leases too.
    // Only this browser's grants have a next check (the hub's have none): a forced poll reads those alone.
    const candidates = force
      ? await db.grants.orderBy('nextCheckAt').toArray()
      : await db.grants
          .where('nextCheckAt')
          .belowOrEqual(now + holder.leaseMs)
          .toArray();
    const paused = await pausedNetworks(db, now);
    // A network paused by a 429 is not asked anything before its Retry-After; its grants stay due.
    const due = candidates.filter(
      (g) =>
        // The organisation hub checks its grants (this browser holds no token for them).
        g.hub !== true &&
        g.invalidSince === null &&
        g.renewal?.state !== 'running' &&
        !paused.has(g.network) &&
        (force || g.nextCheckAt! <= now || abandoned(g, now, holder)) &&
        ((g.leasedUntil ?? 0) <= now || abandoned(g, now, holder)),
    );
    const until = now + holder.leaseMs;
    await db.grants.bulkUpdate(due.map((g) => ({ key: g.id, changes: { nextCheckAt: until, leasedUntil: until, leasedBy: holder.life } })));
    return due;
  });
}

/** Grants a poll leased but learned nothing about (rate-limited, or their write failed) are due again. */
export async function releaseLeases(db: WardenDb, ids: string[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db.grants
    .bulkUpdate(ids.map((key) => ({ key, changes: { nextCheckAt: now, leasedUntil: 0, leasedBy: undefined } })))
    .catch(() => undefined); // a full disk: the leases then run out by themselves
}

/** How many grants an earlier life of the worker was checking when it was stopped. */
export function abandonedCount(db: WardenDb, now: number, holder: LeaseHolder): Promise<number> {
  return db.grants
    .where('nextCheckAt')
    .between(now, now + holder.leaseMs, true, true)
    .filter((g) => abandoned(g, now, holder))
    .count();
}
