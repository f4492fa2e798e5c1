import { browser } from 'wxt/browser';

/** The only owner of browser.alarms. */
export const POLL_ALARM = 'poll';
export const STATUS_ALARM = 'status-change';

/** Creating an alarm that exists is a no-op; a changed period recreates it. */
export async function ensurePollAlarm(periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(POLL_ALARM);
  if (existing && existing.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(POLL_ALARM, { periodInMinutes, delayInMinutes: existing ? periodInMinutes : 0.05 });
}

/** A one-shot alarm at the next instant a status changes by the clock alone (badge stays right between polls). */
export async function scheduleStatusAlarm(at: number | null): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(STATUS_ALARM);
    return;
  }
  const existing = await browser.alarms.get(STATUS_ALARM);
  if (existing?.scheduledTime === at + 1000) return;
  await browser.alarms.create(STATUS_ALARM, { when: at + 1000 });
}

export type AlarmHandler = (name: string) => void;

export function onAlarm(handler: AlarmHandler): void {
  browser.alarms.onAlarm.addListener((alarm) => handler(alarm.name));
}
