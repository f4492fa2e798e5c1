import { browser } from 'wxt/browser';

/** The only user of browser.storage: a per-browser-session marker. */
const KEY = 'browserSessionStarted';

/**
 * True once per browser session: storage.session is emptied when the browser
 * restarts and kept across service-worker restarts. runtime.onStartup does
 * not fire in every case (an extension loaded with the browser from the command
 * line, for one), so worker start-up asks this instead.
 */
export async function claimBrowserSessionStart(): Promise<boolean> {
  const seen = await browser.storage.session.get(KEY);
  if (seen[KEY]) return false;
  await browser.storage.session.set({ [KEY]: Date.now() });
  return true;
}
