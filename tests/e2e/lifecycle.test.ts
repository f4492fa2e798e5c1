import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { addOne } from '../sandbox/fixtures';
import { ensureE2eBuild } from './support/e2e-build';
import { E2E_EXTENSION_DIR, launchExtension, waitFor, type ExtensionBrowser } from './support/chromium';
import { command, importSettings, patchGrants, readTable } from './support/extension';

const PERIOD_MIN = 0.1; // 6 s: unpacked extensions may use short alarm periods
const DAY = 86_400_000;

/**
 * Update (version bump), disable/enable and browser restart: each leaves exactly one poll
 * alarm, the next poll within one period, and the badge right within a second of the start.
 */
describe('Extension update, disable/enable and browser restart', () => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let page: Page;
  const dir = mkdtempSync(resolve('.e2e-tmp/ext-'));
  const profileDir = mkdtempSync(resolve('.e2e-tmp/profile-'));

  beforeAll(async () => {
    ensureE2eBuild(E2E_EXTENSION_DIR);
    cpSync(E2E_EXTENSION_DIR, dir, { recursive: true });
    sandbox = await startSandbox();
    ext = await launchExtension({ extensionDir: dir, userDataDir: profileDir });
    const worker = await ext.worker();
    page = await ext.openPage('options.html');
    await importSettings(page, sandboxSettings(sandbox.url, PERIOD_MIN));
    addOne(sandbox.state, 'facebook', 'Harbour Books', '501');
    await command(page, 'connect', { network: 'facebook' });
    addOne(sandbox.state, 'x', 'Dockside', '502');
    await command(page, 'connect', { network: 'x' });
    // One expired (red "1"): a badge left at its default would show nothing.
    await patchGrants(worker, { invalidSince: Date.now() - DAY, invalidReason: 'Revoked' }, 'x');
    await command(page, 'pollNow', {});
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  /** After the event: one alarm, the badge right within 1 s of the worker's start, a poll within one period. */
  async function expectHealthyStart(eventAt: number) {
    const worker = await ext.worker({ fresh: true });
    const badgeAfterMs = await worker.evaluate(async () => {
      for (;;) {
        if ((await chrome.action.getBadgeText({})) === '1') return Date.now() - performance.timeOrigin;
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    expect(badgeAfterMs).toBeLessThan(1000);
    const alarms = (await worker.evaluate(() => chrome.alarms.getAll())).filter((a) => a.name === 'poll');
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.periodInMinutes).toBe(PERIOD_MIN);
    expect(alarms[0]!.scheduledTime).toBeLessThanOrEqual(Date.now() + PERIOD_MIN * 60_000 + 1000);
    const pageNow = await ext.openPage('options.html');
    await waitFor(
      async () =>
        (await readTable<{ network: string; lastCheckAt: number }>(pageNow, 'grants')).find((g) => g.network === 'facebook')!.lastCheckAt >
        eventAt,
      'the next poll',
      PERIOD_MIN * 60_000 + 3000,
    );
    await pageNow.close();
  }

  it('an update (version bump) keeps one poll alarm, polls within a period, shows the badge at once', async () => {
    const worker = await ext.worker();
    await patchGrants(worker, { nextCheckAt: 0 }, 'facebook');
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '0.1.999' }));
    const eventAt = Date.now();
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expectHealthyStart(eventAt);
    expect(await (await ext.worker()).evaluate(() => chrome.runtime.getManifest().version)).toBe('0.1.999');
  }, 60_000);

  it('disable then enable: one poll alarm, a poll within a period, the badge at once', async () => {
    await patchGrants(await ext.worker(), { nextCheckAt: 0 }, 'facebook');
    const manager = await ext.browser.newPage();
    await manager.goto('chrome://extensions');
    await manager.evaluate((id) => chrome.management.setEnabled(id, false), ext.extensionId);
    const eventAt = Date.now();
    await manager.evaluate((id) => chrome.management.setEnabled(id, true), ext.extensionId);
    await manager.close();
    await expectHealthyStart(eventAt);
  }, 60_000);

  it('a browser restart: one poll alarm, a poll within a period, the badge at once', async () => {
    await patchGrants(await ext.worker(), { nextCheckAt: 0 }, 'facebook');
    await ext.close();
    const eventAt = Date.now();
    ext = await launchExtension({ extensionDir: dir, userDataDir: profileDir, atStartup: true });
    await expectHealthyStart(eventAt);
  }, 60_000);
});
