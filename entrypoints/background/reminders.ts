import { recordReminders } from '@/utils/db/reminder-writes';
import { loadSettings } from '@/utils/db/settings-store';
import type { ReminderMessage } from '@/utils/reminders/messages';
import { nextReminderAt, planReminders } from '@/utils/reminders/planner';
import { REMINDER_ALARM } from './alarms';
import type { Deps } from './deps';
import { deliverOutbox } from './outbox';

/**
 * Sends the reminders that are due now (SPEC §5) and sets the alarm for the
 * next threshold crossing. Safe to run at any time and any number of times:
 * the ledger makes each reminder happen once.
 */
export async function runReminders(deps: Deps): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const { settings } = await loadSettings(db);
  const [profiles, grantList] = await Promise.all([db.profiles.toArray(), db.grants.toArray()]);
  const grants = new Map(grantList.map((g) => [g.id, g]));
  const recorded = new Set<string>(
    await db.ledger
      .where('grantId')
      .anyOf([...grants.keys()])
      .primaryKeys(),
  );
  const input = { profiles, grants, prefs: settings.reminders, now };
  const due = planReminders({ ...input, recorded });
  let sent: ReminderMessage[] = [];
  if (due.length > 0) {
    const byId = new Map(profiles.map((p) => [p.id, p]));
    const messages = due.map((reminder) => {
      const profile = byId.get(reminder.profileId)!;
      const grant = grants.get(reminder.grantId)!;
      return {
        reminder,
        message: {
          key: reminder.key,
          profileId: profile.id,
          profileName: profile.name,
          network: profile.network,
          threshold: reminder.threshold,
          invalid: grant.invalidSince !== null,
          expiresAt: grant.expiresAt,
        },
      };
    });
    sent = await recordReminders(db, messages, settings.channels, now);
    if (sent.length > 0 && settings.channels.notifications) await deps.notify(sent);
    if (sent.length > 0) await deliverOutbox(deps);
  }
  await deps.scheduleAlarm(REMINDER_ALARM, nextReminderAt(input));
  return sent.length;
}
