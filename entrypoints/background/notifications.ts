import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n/index';
import { reminderBody, reminderTitle, type ReminderMessage } from '@/utils/reminders/messages';

/** The only caller of browser.notifications. */
const GROUP_ID = 'reminder-group';
const SINGLE_PREFIX = 'reminder|';
const STORAGE_ID = 'storage-full';

/** One notification per profile (a newer threshold replaces the older); several at once become one. */
export async function showReminders(messages: ReminderMessage[]): Promise<void> {
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  // Firefox has no notification buttons, and refuses the key itself (even undefined).
  const buttons = import.meta.env.FIREFOX ? {} : { buttons: [{ title: t('row.renew') }, { title: t('rem.snooze') }] };
  if (messages.length === 1) {
    const m = messages[0]!;
    await browser.notifications.create(`${SINGLE_PREFIX}${m.profileId}`, {
      type: 'basic',
      iconUrl,
      title: reminderTitle(m),
      message: reminderBody(m),
      ...buttons,
      priority: 2,
    });
    return;
  }
  const names = messages.map((m) => m.profileName);
  const list = names.length > 4 ? t('rem.andMore', { list: names.slice(0, 4).join(', '), n: names.length - 4 }) : names.join(', ');
  await browser.notifications.create(GROUP_ID, {
    type: 'basic',
    iconUrl,
    title: t('rem.group', { n: messages.length }),
    message: list,
    priority: 2,
  });
}

/** Said once per episode: the browser refuses Token Warden's writes for lack of space. */
export async function showStorageProblem(): Promise<void> {
  await browser.notifications.create(STORAGE_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t('storage.fullTitle'),
    message: t('storage.full'),
    priority: 2,
  });
}

export interface NotificationHandlers {
  renew(profileId: string): void;
  snooze(profileId: string): void;
  /** null: the grouped notification, open the at-risk list. */
  open(profileId: string | null): void;
}

/** The profile a notification id stands for; null for the group. */
function profileOf(notificationId: string): string | null {
  return notificationId.startsWith(SINGLE_PREFIX) ? notificationId.slice(SINGLE_PREFIX.length) : null;
}

/** Handles a click on a notification button (0 = Renew, 1 = Snooze 1 day). */
export function onButton(handlers: NotificationHandlers, notificationId: string, buttonIndex: number): void {
  const profileId = profileOf(notificationId);
  if (!profileId) return;
  if (buttonIndex === 0) handlers.renew(profileId);
  else handlers.snooze(profileId);
  void browser.notifications.clear(notificationId);
}

export function listenToNotifications(handlers: NotificationHandlers): void {
  browser.notifications.onButtonClicked.addListener((id, index) => onButton(handlers, id, index));
  browser.notifications.onClicked.addListener((id) => {
    handlers.open(profileOf(id));
    void browser.notifications.clear(id);
  });
}
