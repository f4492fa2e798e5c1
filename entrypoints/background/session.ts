import { browser } from 'wxt/browser';

import { STORAGE_PROBLEM_KEY, type StorageProblem } from '@/utils/storage-problem';

/** The only user of browser.storage (session storage: in memory, so it works even with a full disk). */
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

/**
 * Records (or clears, with null) that writes are refused for lack of space. Pages show it;
 * returns true when the problem is new (it was not already recorded).
 */
export async function setStorageProblem(problem: StorageProblem | null): Promise<boolean> {
  const current = (await browser.storage.session.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY] as StorageProblem | undefined;
  if (problem === null) {
    if (current) await browser.storage.session.remove(STORAGE_PROBLEM_KEY);
    return false;
  }
  await browser.storage.session.set({ [STORAGE_PROBLEM_KEY]: problem });
  return !current;
}
