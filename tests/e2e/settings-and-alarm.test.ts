import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { launchExtension, waitFor, type ExtensionBrowser } from './support/chromium';
import { badge, command, patchGrants, popupRows, readTable } from './support/extension';

type SettingsRow = { id: string; doc: { networks: Record<string, { baseUrl: string }>; polling: { intervalMinutes: number } } };

describe('Settings import on the options page, and the repeating poll alarm', () => {
  let sandbox: Sandbox;
  let ext: ExtensionBrowser;
  let options: Page;

  const upload = async (name: string, text: string) => {
    const file = join(ext.userDataDir, name);
    writeFileSync(file, text);
    const input = (await options.$('input#import-file'))!;
    const banner = () => options.$eval('.banner', (b) => b.textContent ?? '').catch(() => '');
    const previous = await banner();
    await input.uploadFile(file);
    return waitFor(async () => {
      const text = await banner();
      return text !== previous && text;
    }, 'a new message on the options page');
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    ext = await launchExtension();
    await ext.worker();
    options = await ext.openPage('options.html');
    await options.waitForSelector('#import-file');
  });
  afterAll(async () => {
    await ext?.close();
    await sandbox?.close();
  });

  it('every control on the options page has a visible label and an accessible name', async () => {
    const unlabeled = await options.$$eval('input, select', (els) =>
      els
        .filter((el) => {
          const byFor = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent?.trim() : '';
          const wrapped = el.closest('label')?.textContent?.trim();
          // Table cells are labelled by their row and column headers; aria-label carries that name.
          const inTable = el.closest('td') && el.getAttribute('aria-label');
          return !byFor && !wrapped && !inTable;
        })
        .map((el) => el.outerHTML),
    );
    expect(unlabeled).toEqual([]);
    expect(await options.$$eval('input, select', (els) => els.length)).toBeGreaterThan(20);
  });

  it('a valid file shows the hosts that will receive tokens (old → new) and points the extension at the sandbox once confirmed', async () => {
    const worker = await ext.worker();
    const before = await readTable(worker, 'settings');
    const file = join(ext.userDataDir, 'good.json');
    writeFileSync(file, JSON.stringify(sandboxSettings(sandbox.url, 0.1)));
    await (await options.$('input#import-file'))!.uploadFile(file);
    const shown = await waitFor(
      () => options.$$eval('.confirm-urls li', (items) => items.map((i) => i.textContent ?? '')).then((l) => l.length > 0 && l),
      'the confirmation of the new hosts',
    );
    const host = new URL(sandbox.url).host;
    expect(shown).toContain(`Facebook endpoint base URL: the network's own servers → ${host}`);
    expect(shown).toContain(`TikTok token-exchange URL: none → ${host}`);
    expect(shown).toHaveLength(17); // nine base URLs, eight exchange URLs (X needs none)
    expect(await readTable(worker, 'settings')).toEqual(before);
    await options.click('[data-action="confirm-urls"]');
    await waitFor(
      async () => (await options.$eval('.banner', (b) => b.textContent ?? '').catch(() => '')) === 'Settings imported.',
      'applied',
    );
    const [row] = await readTable<SettingsRow>(worker, 'settings');
    expect(row!.doc.networks.facebook!.baseUrl).toBe(`${sandbox.url}/facebook`);
    await waitFor(
      async () => (await options.$eval('#facebook-base', (i) => (i as HTMLInputElement).value)) === `${sandbox.url}/facebook`,
      'form shows it',
    );
  });

  it('an invalid file is refused with a message and the stored settings are unchanged', async () => {
    const worker = await ext.worker();
    const before = await readTable(worker, 'settings');
    const bad = { ...sandboxSettings(sandbox.url), networks: { facebook: { clientId: 'x', baseUrl: 'not a url', client_secret: 'abc' } } };
    expect(await upload('bad.json', JSON.stringify(bad))).toMatch(/^This is not a Token Warden settings file: networks\.facebook/);
    expect(await upload('junk.json', '{ nope')).toBe('This file is not valid JSON.');
    expect(await readTable(worker, 'settings')).toEqual(before);
  });

  it('choosing the same file twice imports it twice, without an uncaught error (the input is read before any await)', async () => {
    const errors: string[] = [];
    const onError = (error: unknown) => errors.push(String(error));
    options.on('pageerror', onError);
    try {
      const file = join(ext.userDataDir, 'twice.json');
      writeFileSync(file, '{ nope');
      for (const _ of [1, 2]) {
        await (await options.$('input#import-file'))!.uploadFile(file);
        await waitFor(
          async () =>
            (await options.$eval('.banner', (b) => b.textContent ?? '').catch(() => '')) === 'This file is not valid JSON.' &&
            (await options.$eval('#import-file', (i) => (i as HTMLInputElement).value)) === '',
          'the import read and the input emptied, so the same file can be chosen again',
        );
      }
      // A round trip to the page: any error it threw before this answer has reached us by now.
      await options.evaluate(() => true);
      expect(errors).toEqual([]);
    } finally {
      options.off('pageerror', onError);
    }
  });

  it('the repeating alarm polls by itself and marks a revoked token Expired', async () => {
    const account = await (
      await fetch(`${sandbox.url}/_control/accounts`, {
        method: 'POST',
        body: JSON.stringify({ network: 'tiktok', name: 'Harbour Books' }),
      })
    ).json();
    const worker = await ext.worker();
    const alarm = await worker.evaluate(() => chrome.alarms.get('poll'));
    expect(alarm?.periodInMinutes).toBe(0.1);
    await command(options, 'connect', { network: 'tiktok' });
    await fetch(`${sandbox.url}/_control/revoke`, {
      method: 'POST',
      body: JSON.stringify({ network: 'tiktok', accountId: account.id, reason: 'revoked' }),
    });
    // Due-based polling: make the grant due now, then let the alarm (every 6 s) find it.
    await patchGrants(worker, { nextCheckAt: 0 });
    await waitFor(async () => (await badge(await ext.worker())).text === '1', 'alarm poll marks it expired', 30_000);
    const popup = await ext.openPage('popup.html');
    await popup.waitForSelector('li.row');
    expect((await popupRows(popup))[0]!.status).toBe('expired');
  }, 60_000);
});
