import type { WardenDb } from './schema';
import type { HistoryFact } from '../history-facts';
import { recordHistory } from './history-writes';

/**
 * A login left without any tracked profile goes, with its secret (one rule for a disconnect and
 * for a profile moved to another login). Call inside a transaction over profiles, grants, secrets.
 */
export async function dropGrantIfUnused(db: WardenDb, grantId: string): Promise<void> {
  if ((await db.profiles.where('grantId').equals(grantId).count()) > 0) return;
  await db.grants.delete(grantId);
  await db.secrets.delete(grantId);
}

/** Stops tracking a profile (its history stays), and its login when it was the last one. One transaction. */
export async function removeProfile(db: WardenDb, profileId: string, fact: HistoryFact, now: number): Promise<void> {
  await db.transaction('rw', [db.profiles, db.grants, db.secrets, db.history], async () => {
    const profile = await db.profiles.get(profileId);
    if (!profile) return;
    await db.profiles.delete(profileId);
    await recordHistory(db, [{ profileId, at: now, kind: 'status', fact }]);
    await dropGrantIfUnused(db, profile.grantId);
  });
}

/** "Snooze 1 day": no reminder for this profile until `until`. */
export async function snoozeUntil(db: WardenDb, profileId: string, until: number, now: number): Promise<void> {
  await db.transaction('rw', db.profiles, db.history, async () => {
    await db.profiles.update(profileId, { snoozedUntil: until });
    await recordHistory(db, [{ profileId, at: now, kind: 'reminder', fact: { code: 'snoozed' } }]);
  });
}

/** Marks inbox entries read (all of them when `ids` is absent); how many. */
export async function markRead(db: WardenDb, ids: number[] | undefined): Promise<number> {
  return ids ? db.inbox.where('id').anyOf(ids).modify({ read: 1 }) : db.inbox.where('read').equals(0).modify({ read: 1 });
}
