import { STATUS_ALARM } from './alarms';
import type { ProfileRow } from '@/utils/db/profile-rows';
import { badgeFromDb } from './badge';
import type { Deps } from './deps';
import { listHead } from '@/utils/list-head';
import { storeListHead } from '@/utils/db/job-writes';

/**
 * After any write that can change a status: badge from the database, an alarm for the next
 * clock-driven change, and the list's head for the popup's first render (not on a mere worker
 * start, which changes nothing: no sort and no write added to every wake-up).
 */
export async function refreshBadge(deps: Deps, { head = true, rows: read }: { head?: boolean; rows?: ProfileRow[] } = {}): Promise<void> {
  const now = deps.now();
  const { state, nextChange, rows } = await badgeFromDb(deps.db, now, read);
  await deps.setBadge(state);
  await deps.scheduleAlarm(STATUS_ALARM, nextChange);
  // Best effort: the popup reads everything anyway; a full disk must not stop the badge.
  if (head) await storeListHead(deps.db, listHead(rows, now)).catch(() => undefined);
}
