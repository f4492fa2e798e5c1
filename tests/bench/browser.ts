import type { Page, WebWorker } from 'puppeteer-core';
import { cloneGrants } from '../e2e/support/seed';
import { startSandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { addOne } from '../sandbox/fixtures';
import { SANDBOX_NETWORKS } from '../sandbox/state';
import { launchExtension, waitFor, type ExtensionBrowser } from '../e2e/support/chromium';
import { command, importSettings, readTable } from '../e2e/support/extension';

const DAY = 86_400_000;

/** Writes `n` profiles and their grants straight into IndexedDB (no secrets: the popup never reads them). */
function seedRows(worker: WebWorker, n: number): Promise<void> {
  return worker.evaluate(
    (count, day) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('token-warden');
        open.onsuccess = () => {
          const tx = open.result.transaction(['profiles', 'grants'], 'readwrite');
          const now = Date.now();
          const nets = ['facebook', 'tiktok', 'youtube', 'linkedin', 'x', 'threads', 'pinterest', 'instagram', 'google-business'];
          for (let i = 0; i < count; i += 1) {
            const network = nets[i % nets.length]!;
            const grantId = `${network}:bench${i}`;
            tx.objectStore('grants').put({
              id: grantId,
              network,
              identityId: grantId,
              scopes: [],
              issuedAt: now,
              expiresAt: network === 'x' ? null : now + ((i % 200) - 20) * day,
              accessExpiresAt: null,
              invalidSince: null,
              invalidReason: null,
              refreshable: false,
              lastCheckAt: now,
              lastCheckResult: 'valid',
              lastError: null,
              failures: 0,
              nextCheckAt: now + day,
              renewal: null,
            });
            tx.objectStore('profiles').put({
              id: `${network}:p${i}`,
              network,
              nativeId: `p${i}`,
              kind: 'page',
              name: `Profile ${i}`,
              grantId,
              createdAt: now,
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error('seed failed'));
        };
      }),
    n,
    DAY,
  );
}

/** Milliseconds from navigation start to `mark` (the popup marks its first list rows), or to the load event. */
async function readyMs(ext: ExtensionBrowser, path: string, mark: string | null): Promise<number> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`, { waitUntil: 'load' });
  const ms = mark
    ? await page
        .waitForFunction((name) => performance.getEntriesByName(name)[0]?.startTime, { timeout: 60_000 }, mark)
        .then((h) => h.jsonValue())
    : await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await page.close();
  return ms as number;
}

const LIST_READY = 'token-warden:list-ready';

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Popup first render of the list (from navigation start), at n profiles, and a blank extension page, medians of 5. */
export async function popupReady(n: number) {
  const ext = await launchExtension();
  const worker = await ext.worker();
  await seedRows(worker, n);
  // The rows were written behind the background's back: its status alarm brings the badge and the list's head up to date.
  await worker.evaluate(() => chrome.alarms.create('status-change', { when: Date.now() }));
  await waitFor(async () => (await readTable<{ total: number }>(worker, 'snapshots'))[0]?.total === n, 'the list head');
  await readyMs(ext, 'popup.html', LIST_READY); // warm-up
  const blank: number[] = [];
  const popup: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    blank.push(await readyMs(ext, 'icon/128.png', null));
    popup.push(await readyMs(ext, 'popup.html', LIST_READY));
  }
  await ext.close();
  return { blankMs: median(blank), popupMs: median(popup) };
}

/** Counts the write transactions the background commits (it names each one on the changes channel). */
async function countWrites(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { writes: number };
    w.writes = 0;
    new BroadcastChannel('token-warden.changes').onmessage = () => (w.writes += 1);
  });
  return () => page.evaluate(() => (window as unknown as { writes: number }).writes);
}

/** A sandbox with one login per network connected through the real OAuth flow, multiplied to `total` grants. */
async function seededPoll(total: number) {
  const sandbox = await startSandbox();
  // One listener per network, as each real network has its own hosts: the browser's six
  // connections per host would otherwise cap the whole poll at six requests in flight.
  const listeners = new Map(
    await Promise.all(SANDBOX_NETWORKS.map(async (n) => [n, await startSandbox({ state: sandbox.state })] as const)),
  );
  const ext = await launchExtension();
  const worker = await ext.worker();
  const page = await ext.openPage('options.html');
  const settings = sandboxSettings(sandbox.url, 15, (n) => listeners.get(n as (typeof SANDBOX_NETWORKS)[number])!.url);
  await importSettings(page, settings);
  for (const network of SANDBOX_NETWORKS) {
    addOne(sandbox.state, network, `${network} bench`, '9000');
    await command(page, 'connect', { network });
  }
  const grants = await cloneGrants(worker, total);
  const close = async () => {
    await ext.close();
    await Promise.all([sandbox, ...listeners.values()].map((s) => s.close()));
  };
  return { sandbox, ext, worker, page, grants, close };
}

/** One forced poll of `total` grants over the nine networks, the sandbox answering in `latencyMs`. */
export async function pollRun(total: number, latencyMs: number) {
  const { sandbox, page, grants, close } = await seededPoll(total);
  for (const network of SANDBOX_NETWORKS) sandbox.state.faults.set(network, { mode: 'none', latencyMs });
  const writes = await countWrites(page);
  const before = sandbox.state.log.length;
  const t0 = performance.now();
  const { checked } = await command<{ checked: number }>(page, 'pollNow', {});
  const wallMs = performance.now() - t0;
  const requests = sandbox.state.log.slice(before);
  const distinct = new Set(requests.map((r) => `${r.network} ${r.path}`)).size;
  const result = { grants, checked, wallMs, requests: requests.length, writeTransactions: await writes(), distinctPaths: distinct };
  await close();
  return result;
}

/** The service worker's JS heap (after a garbage collection) before and after a forced poll of `total` grants. */
export async function pollHeap(total: number) {
  const { page, worker, grants, close } = await seededPoll(total);
  const heap = async () => {
    await worker.client.send('HeapProfiler.collectGarbage');
    return (await worker.client.send('Runtime.getHeapUsage')).usedSize;
  };
  const before = await heap();
  const t0 = performance.now();
  await command(page, 'pollNow', {});
  const wallMs = performance.now() - t0;
  const after = await heap();
  await close();
  return { grants, beforeBytes: before, afterBytes: after, wallMs };
}

/**
 * Service worker cold start with `total` grants: the worker is stopped, a one-shot poll alarm
 * wakes it, and an extension page watches the badge. Reported from the worker's start
 * (its timeOrigin) and from the alarm's scheduled time, medians of `runs`.
 */
export async function coldStart(total: number, runs = 5) {
  const { ext, page, close } = await seededPoll(total);
  let worker = await ext.worker();
  const fromStart: number[] = [];
  const fromAlarm: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const when = await worker.evaluate(async () => {
      const at = Date.now() + 1500;
      await chrome.alarms.create('status-change', { when: at });
      await chrome.action.setBadgeText({ text: '…' });
      return at;
    });
    await worker.close();
    // The page watches the badge: the first moment it is no longer the placeholder.
    await page.evaluate('globalThis.__name = (f) => f');
    const changedAt = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const poll = async () =>
            (await chrome.action.getBadgeText({})) !== '…' ? resolve(Date.now()) : setTimeout(() => void poll(), 1);
          void poll();
        }),
    );
    worker = await ext.worker();
    const origin = await worker.evaluate(() => performance.timeOrigin);
    fromStart.push(changedAt - origin);
    fromAlarm.push(changedAt - when);
  }
  await close();
  return { fromWorkerStartMs: median(fromStart), fromAlarmMs: median(fromAlarm) };
}
