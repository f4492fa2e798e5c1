import { browser } from 'wxt/browser';

/** The only owner of browser.alarms. */
export const POLL_ALARM = 'poll';
export const STATUS_ALARM = 'status-change';
export const REMINDER_ALARM = 'reminder';
export const OUTBOX_ALARM = 'outbox';

/** Creating an alarm that exists is a no-op; a changed period recreates it. */
export async function ensurePollAlarm(periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(POLL_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: existing ? periodInMinutes : 0.05 });
}

/** A one-shot alarm at `at` (cleared when null); unchanged when already set for that instant. */
export async function scheduleAlarm(name: string, at: number | null): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(name);
    return;
  }
  const when = at + 1000;
  const existing = await browser.alarms.get(name);
  if (existing?.scheduledTime === when) return;
  await browser.alarms.create(name, { when });
}

export function onAlarm(handler: (name: string) => void): void {
  browser.alarms.onAlarm.addListener((alarm) => handler(alarm.name));
}
