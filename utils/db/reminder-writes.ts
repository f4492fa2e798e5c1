import type { DueReminder } from '../reminders/planner';
import { recordHistory } from './history-writes';
import { CHANNEL_LIST, channelUrl } from '../reminders/channels';
import type { ReminderMessage } from '../reminders/messages';
import type { Settings } from '../settings';
import type { OutboxRecord, WardenDb } from './schema';

/**
 * Records due reminders in ONE transaction: the ledger (and superseded keys),
 * the inbox entry, the history line and any webhook deliveries. A key already
 * in the ledger (a concurrent run got there first) is skipped, so each
 * reminder is recorded once; returns the ones this call recorded.
 */
export async function recordReminders(
  db: WardenDb,
  due: { reminder: DueReminder; message: ReminderMessage }[],
  channels: Settings['channels'],
  now: number,
): Promise<ReminderMessage[]> {
  return db.transaction('rw', [db.ledger, db.inbox, db.history, db.outbox], async () => {
    const recorded: ReminderMessage[] = [];
    for (const { reminder, message } of due) {
      if (await db.ledger.get(reminder.key)) continue;
      await db.ledger.add({ key: reminder.key, grantId: reminder.grantId, channel: 'sent', sentAt: now });
      for (const key of reminder.superseded) await db.ledger.put({ key, grantId: reminder.grantId, channel: 'superseded', sentAt: now });
      await db.inbox.add({ profileId: message.profileId, message, createdAt: now, read: 0 });
      await recordHistory(db, [{ profileId: message.profileId, at: now, kind: 'reminder', fact: { code: 'reminderSent', message } }]);
      const deliveries: OutboxRecord[] = [];
      const base = {
        reminderKey: reminder.key,
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
        status: 'pending' as const,
        lastError: null,
      };
      // No URL in the row: it is a credential, read from the settings at delivery.
      for (const channel of CHANNEL_LIST) {
        if (channelUrl(channels, channel.id)) deliveries.push({ ...base, channel: channel.id, body: channel.body(message) });
      }
      if (deliveries.length) await db.outbox.bulkAdd(deliveries);
      recorded.push(message);
    }
    return recorded;
  });
}

/** Reminders another device of the same member delivered (hub mode): in the ledger, so never sent here. */
export async function recordElsewhere(db: WardenDb, due: DueReminder[], now: number): Promise<void> {
  if (due.length === 0) return;
  await db.ledger.bulkPut(
    due.flatMap((d) => [d.key, ...d.superseded].map((key) => ({ key, grantId: d.grantId, channel: 'elsewhere', sentAt: now }))),
  );
}
