import type { Deps } from './deps';
import { readProfileRows, type ProfileRow } from '@/utils/db/profile-rows';
import { refreshBadge } from './refresh-badge';
import { runReminders } from './reminders';

/**
 * The one step after anything that changed the data (a poll, Check now, a connect, a renewal, a
 * disconnect, a snooze, new settings, a hub sync): the badge and its tooltip, the list's head,
 * the alarm for the next clock-driven change, the reminders due now (with their deliveries) and
 * the alarm for the next one. Every writer ends with it, so nothing waits for the next poll.
 * `read`: every profile with its grant as the writer just committed them (no second read).
 */
export async function stateChanged(deps: Deps, read?: ProfileRow[] | null): Promise<void> {
  // One read of every profile and its grant serves the badge, the list head and the reminders.
  const rows = read ?? (await readProfileRows(deps.db));
  await refreshBadge(deps, { rows });
  await runReminders(deps, rows);
}
