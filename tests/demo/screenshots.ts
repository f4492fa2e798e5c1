import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { seedDemo } from '../sandbox/demo-seed';
import { startSandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { launchExtension } from '../e2e/support/chromium';
import { importSettings } from '../e2e/support/extension';
import { connectDemo } from './connect-demo';

/** `npm run screenshots`: PNGs of the popup, options and at-risk pages on the demo organisation, for the README. */
const out = resolve('.github/readme');
mkdirSync(out, { recursive: true });
for (const [lang, suffix] of [
  [undefined, ''],
  ['fr-FR', '-fr'],
] as const) {
  await takeAll(lang, suffix);
}

async function takeAll(lang: string | undefined, suffix: string) {
  const sandbox = await startSandbox();
  const org = seedDemo(sandbox.state);
  const ext = await launchExtension({ lang });
  await ext.worker();

  async function shot(page: Page, name: string, width = 400) {
    await page.setViewport({ width, height: 600, deviceScaleFactor: 1 });
    await new Promise((r) => setTimeout(r, 250));
    await page.screenshot({ path: `${out}/${name}${suffix}.png`, fullPage: true });
    console.log(`${out}/${name}${suffix}.png`);
  }

  async function inDark(page: Page, take: () => Promise<void>) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await take();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  }

  const popupAt = async () => {
    const page = await ext.openPage('popup.html');
    await page.setViewport({ width: 400, height: 600 });
    return page;
  };

  const empty = await popupAt();
  await empty.waitForSelector('.empty');
  await shot(empty, 'popup-first-run');

  const options = await ext.openPage('options.html');
  await importSettings(options, { ...sandboxSettings(sandbox.url), channels: { slackUrl: `${sandbox.url}/slack-demo` } });
  await connectDemo(sandbox, options, org);

  const popup = await popupAt();
  await popup.waitForSelector('li.row');
  await shot(popup, 'popup-statuses');
  await inDark(popup, () => shot(popup, 'popup-statuses-dark'));
  if (await popup.$('.inbox-button')) {
    await popup.click('.inbox-button');
    await shot(popup, 'popup-inbox');
    await popup.click('.inbox-head button:last-child');
  }
  await popup.click('.chip[data-status="expiring"]');
  await shot(popup, 'popup-filtered');
  await popup.click('.chip[data-status="expiring"]');
  await popup.click('li.row .row-name');
  await popup.click('li.row .row-links button:first-child');
  await popup.waitForSelector('dialog.dialog');
  await shot(popup, 'popup-who-can-renew');
  await popup.click('dialog.dialog button');
  await popup.click('li.row .row-name');
  sandbox.state.authorizeMode.set('facebook', 'interactive');
  await popup.click('li.row[data-profile-id="facebook:200101"] button.renew');
  await popup.waitForSelector('li.row[data-profile-id="facebook:200101"] [role="status"]');
  await shot(popup, 'popup-renewing');

  const tab = await ext.openPage('popup.html?view=tab');
  await tab.waitForSelector('.lapse');
  await shot(tab, 'popup-tab-timeline', 800);
  await inDark(tab, () => shot(tab, 'popup-tab-timeline-dark', 800));

  await options.bringToFront();
  await options.reload();
  await options.waitForSelector('form');
  await options.waitForSelector('.setup-state.ok');
  await options.click('li.setup-line[data-network="tiktok"] .setup-test');
  await options.waitForSelector('li.setup-line[data-network="tiktok"] .setup-result');
  await shot(options, 'options', 760);
  await inDark(options, () => shot(options, 'options-dark', 760));
  const atRisk = await ext.openPage('at-risk.html?startup=1');
  await atRisk.waitForSelector('li.row');
  await shot(atRisk, 'at-risk', 560);
  await inDark(atRisk, () => shot(atRisk, 'at-risk-dark', 560));

  await ext.close();
  await sandbox.close();
}
