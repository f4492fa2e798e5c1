import type { Page, Target } from 'puppeteer-core';
import { addOne } from '../sandbox/fixtures';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { launchExtension, waitFor, type ExtensionBrowser } from './support/chromium';
import { importSettings } from './support/extension';

const states = (page: Page, network: string) =>
  page.$$eval(`li.setup-line[data-network="${network}"] .setup-state`, (s) => s.map((x) => x.textContent.replace(/\s+/g, ' ').trim()));

describe('Options as a setup checklist', () => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchExtension();
    await ext.worker();
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('the empty popup’s "Connect a profile" without a client ID opens that network’s line of the checklist', async () => {
    const popup = await ext.openPage('popup.html');
    await popup.waitForSelector('.empty');
    await popup.select('#connect-network', 'tiktok');
    const opened = ext.browser.waitForTarget((t: Target) => t.url().includes('options.html#setup-tiktok'));
    await popup.click('.connect button[type="submit"]');
    const options = (await (await opened).page())!;
    await options.waitForSelector('li.setup-line[data-network="tiktok"] .setup-more:not([hidden])');
    expect(await states(options, 'tiktok')).toEqual(['✗ missing: Client ID', '✗ missing: Token exchange', '✗ missing: Access']);
    expect(await options.$eval('#setup-more-tiktok', (e) => e.textContent)).toContain('No client ID: register an app on TikTok');
    expect(await popup.$('.banner-bad')).toBeNull();
    await options.close();
    await popup.close();
  });

  it('one line per network with its state; Test checks the authorize URL and says what fails', async () => {
    const options = await ext.openPage('options.html');
    await options.waitForSelector('li.setup-line');
    await importSettings(options, sandboxSettings(sandbox.url));
    await waitFor(
      async () => (await states(options, 'facebook')).join() === '✓ yes: Client ID,✓ yes: Token exchange,✓ yes: Access',
      'facebook set up',
    );
    expect(await options.$$eval('li.setup-line', (l) => l.length)).toBe(9);
    expect(await states(options, 'x')).toEqual(['✓ yes: Client ID', '✓ yes: No secret needed', '✓ yes: Access']);

    addOne(sandbox.state, 'facebook', 'Blue Fern Café', '901');
    await options.click('li.setup-line[data-network="facebook"] .setup-test');
    await options.waitForSelector('li.setup-line[data-network="facebook"] .setup-result li[data-step="exchange"]');
    const fb = await options.$$eval('li.setup-line[data-network="facebook"] .setup-result li', (l) =>
      l.map((x) => `${x.getAttribute('data-step')} ${x.className}`),
    );
    expect(fb).toEqual(['clientId ok', 'server ok', 'hosts ok', 'authorize ok', 'exchange ok']);

    // No TikTok account in the sandbox: its sign-in page answers 400, and the line says so.
    await options.click('li.setup-line[data-network="tiktok"] .setup-test');
    await options.waitForSelector('li.setup-line[data-network="tiktok"] .setup-result li[data-step="authorize"]');
    expect(await options.$eval('li.setup-line[data-network="tiktok"] .setup-result li[data-step="authorize"]', (l) => l.textContent)).toBe(
      '✗ The TikTok sign-in page refused the app or could not be reached (HTTP 400): check the client ID and the base URL.',
    );
    await options.close();
  });
});
