import { browser } from 'wxt/browser';
import { POLL_ALARM, STATUS_ALARM, ensurePollAlarm, onAlarm, scheduleStatusAlarm } from './alarms';
import { setBadge } from './badge';
import { handleMessage, onWorkerStart, type SelfIdentity } from './commands';
import { sharedDb, type Deps } from './deps';
import { launchAuthFlow, redirectUrl } from './identity';
import { pollGrants } from './poll';
import { refreshBadge } from './refresh-badge';

/** Wiring only: every listener is registered synchronously, at the top of main. */
export default defineBackground(() => {
  const deps: Deps = {
    db: sharedDb(),
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    authFlow: launchAuthFlow,
    redirectUrl,
    setBadge,
    scheduleStatusAlarm,
    ensurePollAlarm,
  };
  const self: SelfIdentity = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void handleMessage(deps, message, sender, self).then(sendResponse);
    return true;
  });

  onAlarm((name) => {
    if (name === POLL_ALARM) void pollGrants(deps, { force: false }).catch(report);
    if (name === STATUS_ALARM) void refreshBadge(deps).catch(report);
  });

  const start = () => Promise.all([onWorkerStart(deps), refreshBadge(deps)]).catch(report);
  browser.runtime.onStartup.addListener(() => void start());
  browser.runtime.onInstalled.addListener(() => void start());
  void start().then(() => {
    // Read by the end-to-end tests: the worker has finished starting.
    (globalThis as { __tokenWardenReady?: boolean }).__tokenWardenReady = true;
  });
});

function report(error: unknown): void {
  console.error('Token Warden background:', error instanceof Error ? error.message : 'error');
}
