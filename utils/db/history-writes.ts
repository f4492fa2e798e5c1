import type { HistoryRecord } from '../domain';
import type { WardenDb } from './schema';

/**
 * The one writer of the profiles' timelines (SPEC §8): every check, status change, renewal,
 * reminder and disconnect goes through here, inside the caller's transaction when it has one.
 */
export async function recordHistory(db: WardenDb, entries: HistoryRecord[]): Promise<void> {
  if (entries.length > 0) await db.history.bulkAdd(entries);
}
