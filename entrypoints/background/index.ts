import { browser } from 'wxt/browser';
import { langFrom, setLang } from '@/utils/i18n/index';
import { OUTBOX_ALARM, POLL_ALARM, REMINDER_ALARM, STATUS_ALARM, ensurePollAlarm, onAlarm, scheduleAlarm } from './alarms';
import { setBadge } from './badge';
import { snoozeProfile } from './channel-actions';
import { handleMessage, onBrowserStartup, onWorkerStart, type SelfIdentity } from './commands';
import { sharedDb, type Deps } from './deps';
import { announceChanges } from '@/utils/db/announce-changes';
import { claimBrowserSessionStart, sessionVaultKey, setStorageProblem } from './session';
import { setUnlockedKeySource } from '@/utils/db/vault';
import { importVaultKey } from '@/utils/db/vault-lock';
import { launchAuthFlow, redirectUrl } from './identity';
import { listenToNotifications, onButton, showReminders, showStorageProblem, type NotificationHandlers } from './notifications';
import { deliverOutbox } from './outbox';
import { pollGrants, resumeInterruptedPoll } from './poll';
import { refreshBadge } from './refresh-badge';
import { runReminders } from './reminders';
import { stateChanged } from './state-changed';
import { renewProfile } from './renew';
import { openAtRiskTab, openStartupWindow } from './windows';
import { hasHosts } from './permissions';

/** Wiring only: every listener is registered synchronously, at the top of main. */
export default defineBackground(() => {
  // Reminders are written in the browser's UI language.
  setLang(langFrom(browser.i18n.getUILanguage()));
  const db = sharedDb();
  // A locked vault's key lives only in this browser session's memory.
  setUnlockedKeySource(() => sessionVaultKey(importVaultKey));
  // Open pages re-read what a committed write changed (they read IndexedDB without Dexie).
  announceChanges(db.name);
  const deps: Deps = {
    db,
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    authFlow: launchAuthFlow,
    redirectUrl,
    setBadge,
    scheduleAlarm,
    ensurePollAlarm,
    notify: showReminders,
    openAtRisk: openAtRiskTab,
    openStartupWindow,
    hasHosts,
    storageProblem: async (problem) => {
      if (await setStorageProblem(problem)) await showStorageProblem();
    },
  };
  const self: SelfIdentity = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  const run = (task: () => Promise<unknown>) => void task().catch(report);

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(deps, message, sender, self).then(sendResponse);
    return true;
  });

  onAlarm((name) => {
    if (name === POLL_ALARM) run(() => pollGrants(deps, { force: false }));
    if (name === STATUS_ALARM) run(() => stateChanged(deps));
    if (name === REMINDER_ALARM) run(() => runReminders(deps));
    if (name === OUTBOX_ALARM) run(() => deliverOutbox(deps));
  });

  const handlers: NotificationHandlers = {
    renew: (profileId) => run(() => renewProfile(deps, profileId)),
    snooze: (profileId) => run(() => snoozeProfile(deps, profileId)),
    open: (profileId) => run(() => deps.openAtRisk(profileId)),
  };
  listenToNotifications(handlers);

  const start = () => Promise.all([onWorkerStart(deps), refreshBadge(deps, { head: false })]);
  const browserStarted = async () => {
    if (await claimBrowserSessionStart()) await onBrowserStartup(deps);
  };
  browser.runtime.onStartup.addListener(() => run(browserStarted));
  browser.runtime.onInstalled.addListener(() => run(start));
  // A poll cut short when the browser stopped the worker goes on now, then its reminders.
  run(async () => {
    await resumeInterruptedPoll(deps);
  });
  run(async () => {
    await start();
    await browserStarted();
    // Only in the end-to-end build (`wxt build --mode e2e`; the production build drops this
    // block): the worker has finished starting, and the notification buttons can be driven
    // through the same handler the listener calls (no OS notification to click).
    if (import.meta.env.MODE === 'e2e') {
      Object.assign(globalThis, {
        __tokenWardenReady: true,
        __tokenWardenNotificationButton: (id: string, index: number) => onButton(handlers, id, index),
      });
    }
  });
});

function report(error: unknown): void {
  console.error('Token Warden background:', error instanceof Error ? error.message : 'error');
}
