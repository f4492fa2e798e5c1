import { recordReminders } from '@/utils/db/reminder-writes';
import { readProfileRows, type ProfileRow } from '@/utils/db/profile-rows';
import { loadSettings } from '@/utils/db/settings-store';
import type { ReminderMessage } from '@/utils/reminders/messages';
import { nextReminderAt, planReminders } from '@/utils/reminders/planner';
import { REMINDER_ALARM } from './alarms';
import type { Deps } from './deps';
import { deliverOutbox } from './outbox';
import { callOwnHub, hubRecord } from './hub-client';
import { recordElsewhere } from '@/utils/db/reminder-writes';
import { claimAnswer } from '@/utils/hub-protocol';
import { renewableByMember } from '@/utils/at-risk';
import type { DueReminder } from '@/utils/reminders/planner';

/**
 * Sends the reminders that are due now (SPEC §5) and sets the alarm for the
 * next threshold crossing. Safe to run at any time and any number of times:
 * the ledger makes each reminder happen once.
 */
export async function runReminders(deps: Deps, read?: ProfileRow[]): Promise<number> {
  const { db } = deps;
  const now = deps.now();
  const { settings } = await loadSettings(db);
  const rows = read ?? (await readProfileRows(db));
  const profiles = rows.map((r) => r.profile);
  const grants = new Map(rows.flatMap((r) => (r.grant ? [[r.grant.id, r.grant] as const] : [])));
  const recorded = new Set<string>(
    await db.ledger
      .where('grantId')
      .anyOf([...grants.keys()])
      .primaryKeys(),
  );
  // Hub mode: this member is reminded of what they can renew; the hub tells the organisation's channels.
  const hub = await hubRecord(deps);
  const mine = hub ? renewableByMember(await db.identities.toArray(), hub.memberEmail) : null;
  const input = { profiles: mine ? profiles.filter((p) => mine.has(p.id)) : profiles, grants, prefs: settings.reminders, now };
  const channels = hub ? { ...settings.channels, slackUrl: '', webhookUrl: '' } : settings.channels;
  let due = planReminders({ ...input, recorded });
  if (hub && due.length > 0) {
    const claimed = await claimAtHub(deps, due);
    if (!claimed) return 0; // the hub could not say which device sends: tried again at the next run
    due = due.filter((d) => claimed.has(d.key));
  }
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
    sent = await recordReminders(db, messages, channels, now);
    // One failing channel never stops the others: the inbox has it already, the outbox goes on.
    if (sent.length > 0 && settings.channels.notifications) await deps.notify(sent).catch(() => undefined);
    if (sent.length > 0) await deliverOutbox(deps);
  }
  await deps.scheduleAlarm(REMINDER_ALARM, nextReminderAt(input));
  return sent.length;
}

/**
 * One device of a member delivers each reminder: the hub hands every key to the first device
 * that claims it; the others record it as delivered elsewhere. null: the hub did not answer.
 */
async function claimAtHub(deps: Deps, due: DueReminder[]): Promise<Set<string> | null> {
  const answer = await callOwnHub(deps, '/v1/reminders/claim', claimAnswer, { keys: due.map((d) => d.key) });
  if (!answer?.ok) return null;
  const claimed = new Set(answer.value.claimed);
  await recordElsewhere(
    deps.db,
    due.filter((d) => !claimed.has(d.key)),
    deps.now(),
  );
  return claimed;
}
