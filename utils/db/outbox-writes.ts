import type { OutboxRecord } from '../domain';
import type { WardenDb } from './schema';

/** Takes the deliveries due now in one transaction (overlapping runs never send one twice) for `leaseMs`. */
export async function leaseDueDeliveries(db: WardenDb, now: number, leaseMs: number): Promise<OutboxRecord[]> {
  return db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox
      .where('nextAttemptAt')
      .belowOrEqual(now)
      .filter((r) => r.status === 'pending')
      .toArray();
    await db.outbox.bulkUpdate(rows.map((r) => ({ key: r.id!, changes: { nextAttemptAt: now + leaseMs } })));
    return rows;
  });
}

/** A delivery's attempt; `url: undefined` drops the URL an older row still holds (a row never keeps it). */
export async function recordAttempt(db: WardenDb, id: number, changes: Partial<OutboxRecord>): Promise<void> {
  await db.outbox.update(id, { ...changes, url: undefined });
}

/** When the next pending delivery is due, or null. */
export async function nextDeliveryAt(db: WardenDb): Promise<number | null> {
  const next = await db.outbox.where('status').equals('pending').toArray();
  return next.length ? Math.min(...next.map((r) => r.nextAttemptAt)) : null;
}
