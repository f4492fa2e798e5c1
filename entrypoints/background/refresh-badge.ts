import { STATUS_ALARM } from './alarms';
import { badgeFromDb } from './badge';
import type { Deps } from './deps';

/** After any write that can change a status: badge from the database, and an alarm for the next clock-driven change. */
export async function refreshBadge(deps: Deps): Promise<void> {
  const { state, nextChange } = await badgeFromDb(deps.db, deps.now());
  await deps.setBadge(state);
  await deps.scheduleAlarm(STATUS_ALARM, nextChange);
}
