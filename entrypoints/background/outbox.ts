import { RETRY_DELAYS_MS } from '@/utils/reminders/messages';
import { channelUrl } from '@/utils/reminders/channels';
import { requestJson, isUnknown } from '@/utils/networks/http';
import type { OutboxRecord } from '@/utils/db/schema';
import { loadSettings } from '@/utils/db/settings-store';
import { leaseDueDeliveries, nextDeliveryAt, recordAttempt } from '@/utils/db/outbox-writes';
import { MINUTE } from '@/utils/time';
import { OUTBOX_ALARM } from './alarms';
import type { Deps } from './deps';

const LEASE_MS = MINUTE;

/** POSTs one JSON body; a 2xx is success, anything else says why. */
export async function postJson(deps: Deps, url: string, body: string): Promise<string | null> {
  const answer = await requestJson(deps.fetch, url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  if (isUnknown(answer)) return answer.reason;
  return answer.status >= 200 && answer.status < 300 ? null : `HTTP ${answer.status}`;
}

/**
 * Delivers due Slack/webhook messages: leased in one transaction (no double
 * send from overlapping runs), retried with backoff, marked failed after the
 * last try (the options page shows it), never dropped silently.
 */
export async function deliverOutbox(deps: Deps): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  const due = await leaseDueDeliveries(db, now, LEASE_MS);
  const { channels } = (await loadSettings(db)).settings;
  for (const row of due) {
    // The URL as set now (a row never holds it); a channel switched off meanwhile fails the row, said in Options.
    const url = channelUrl(channels, row.channel);
    const error = url ? await postJson(deps, url, row.body) : 'The channel has no URL any more';
    const done = url ? afterAttempt(row, error, deps.now()) : { status: 'failed' as const, lastError: error };
    await recordAttempt(db, row.id!, done);
  }
  await deps.scheduleAlarm(OUTBOX_ALARM, await nextDeliveryAt(db));
}

function afterAttempt(row: OutboxRecord, error: string | null, now: number): Partial<OutboxRecord> {
  if (error === null) return { status: 'sent', attempts: row.attempts + 1, lastError: null };
  const delay = RETRY_DELAYS_MS[row.attempts];
  return delay === undefined
    ? { status: 'failed', attempts: row.attempts + 1, lastError: error }
    : { attempts: row.attempts + 1, nextAttemptAt: now + delay, lastError: error };
}
