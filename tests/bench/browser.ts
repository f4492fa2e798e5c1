import type { WebWorker } from 'puppeteer-core';
import { startSandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { addOne } from '../sandbox/fixtures';
import { SANDBOX_NETWORKS } from '../sandbox/state';
import { launchExtension, type ExtensionBrowser } from '../e2e/support/chromium';
import { command } from '../e2e/support/extension';

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

async function readyMs(ext: ExtensionBrowser, path: string, selector: string | null): Promise<number> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`, { waitUntil: selector ? 'domcontentloaded' : 'load' });
  if (selector) await page.waitForSelector(selector, { timeout: 60_000 });
  const ms = selector
    ? await page.evaluate(() => performance.now())
    : await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await page.close();
  return ms;
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Popup first render of the list (from navigation start), at n profiles, and a blank extension page, medians of 5. */
export async function popupReady(n: number) {
  const ext = await launchExtension();
  await seedRows(await ext.worker(), n);
  await readyMs(ext, 'popup.html', 'li.row'); // warm-up
  const blank: number[] = [];
  const popup: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    blank.push(await readyMs(ext, 'icon/128.png', null));
    popup.push(await readyMs(ext, 'popup.html', 'li.row'));
  }
  await ext.close();
  return { blankMs: median(blank), popupMs: median(popup) };
}

/** One forced poll of `perNetwork` grants on each of the nine networks, the sandbox answering in `latencyMs`. */
export async function pollRun(perNetwork: number, latencyMs: number) {
  const sandbox = await startSandbox();
  const ext = await launchExtension();
  await ext.worker();
  const page = await ext.openPage('options.html');
  await command(page, 'importSettings', { text: JSON.stringify(sandboxSettings(sandbox.url)) });
  for (const network of SANDBOX_NETWORKS) {
    for (let i = 0; i < perNetwork; i += 1) {
      addOne(sandbox.state, network, `${network} ${i}`, `${9000 + i}`);
      await command(page, 'connect', { network });
    }
  }
  for (const network of SANDBOX_NETWORKS) sandbox.state.faults.set(network, { mode: 'none', latencyMs });
  const before = sandbox.state.log.length;
  const t0 = performance.now();
  const { checked } = await command<{ checked: number }>(page, 'pollNow', {});
  const wallMs = performance.now() - t0;
  const requests = sandbox.state.log.slice(before);
  await ext.close();
  await sandbox.close();
  return { grants: checked, wallMs, requests: requests.length, perNetwork };
}
