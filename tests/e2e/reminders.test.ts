import type { Target } from 'puppeteer-core';
import { inboxTitle } from '../../utils/reminders/messages';
import type { InboxRecord } from '../../utils/domain';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { addOne } from '../sandbox/fixtures';
import { startWebhookSink, type WebhookSink } from '../sandbox/webhook-sink';
import { launchExtension, waitFor, type ExtensionBrowser } from './support/chromium';
import { badge, command, importSettings, readTable } from './support/extension';

const DAY_SEC = 86_400;
type Settings = ReturnType<typeof sandboxSettings> & Record<string, unknown>;

describe('Reminders in real Chromium: exactly once, on every channel', () => {
  let sandbox: Sandbox;
  let sink: WebhookSink;
  let ext: ExtensionBrowser;
  let profileDir: string;
  let settings: Settings;

  const notifications = async () => Object.keys(await (await ext.worker()).evaluate(() => chrome.notifications.getAll()));
  const options = () => ext.openPage('options.html');
  const save = async (change: (s: Settings) => void) => {
    change(settings);
    const page = await options();
    expect(await importSettings(page, settings)).toEqual({ ok: true });
    await page.close();
  };

  beforeAll(async () => {
    sandbox = await startSandbox();
    sink = await startWebhookSink();
    ext = await launchExtension();
    profileDir = ext.userDataDir;
    await ext.worker();
    settings = {
      ...sandboxSettings(sandbox.url),
      channels: { notifications: true, startupWarning: false, slackUrl: `${sink.url}/services/T0/B0/slack`, webhookUrl: '' },
    };
    await save(() => undefined);
  });
  afterAll(async () => {
    await ext?.close();
    await sink?.close();
    await sandbox?.close();
  });

  it('a token expiring in 6 days gives exactly one "7 days" notification, one inbox entry and one Slack message', async () => {
    addOne(sandbox.state, 'facebook', 'Blue Fern Café', '4101', { tokenLifetimeSec: 6 * DAY_SEC });
    const page = await options();
    await command(page, 'connect', { network: 'facebook' });
    await command(page, 'pollNow', {});
    await waitFor(async () => (await notifications()).length === 1, 'one notification');
    expect(await notifications()).toEqual(['reminder|facebook:4101']);
    const inbox = await readTable<InboxRecord>(await ext.worker(), 'inbox');
    expect(inbox.map(inboxTitle)).toEqual(['Blue Fern Café (Facebook) expires within 7 days']);
    await waitFor(() => sink.received.length === 1, 'one Slack message');
    expect(sink.received[0]!.body).toEqual({ text: expect.stringContaining('*Blue Fern Café* (Facebook) expires within 7 days') });
    const b = await badge(await ext.worker());
    expect(b.text).toBe('1');
    expect(b.color.slice(0, 3)).toEqual([178, 106, 0]);

    const popup = await ext.openPage('popup.html');
    // The inbox is a count in the header: the list is not pushed down by it.
    await popup.waitForSelector('header .inbox-button .inbox-count');
    expect(await popup.$eval('.inbox-count', (e) => e.textContent)).toBe('1');
    expect(await popup.$eval('.inbox-button', (b) => b.getAttribute('aria-label'))).toBe('Inbox: 1 unread');
    expect(await popup.$('.inbox-open')).toBeNull();
    await popup.waitForSelector('li.row');
    expect(await popup.$eval('li.row', (r) => r.getBoundingClientRect().top)).toBeLessThan(160);
    await popup.click('.inbox-button');
    await popup.click('.inbox-open');
    await popup.waitForSelector('li.row.highlight[data-profile-id="facebook:4101"]');
    await waitFor(
      async () => (await popup.$eval('.inbox-button', (b) => b.getAttribute('aria-label'))) === 'Inbox: 0 unread',
      'marked read',
    );
    expect(await popup.$('.inbox-count')).toBeNull();
    await popup.close();
    await page.close();
  });

  it('stopping and restarting the service worker sends nothing new', async () => {
    for (let i = 0; i < 3; i += 1) {
      await (await ext.worker()).close();
      const page = await options(); // a page load wakes the worker
      await command(page, 'pollNow', {});
      await page.close();
    }
    expect(await readTable(await ext.worker(), 'inbox')).toHaveLength(1);
    expect(sink.received).toHaveLength(1);
    expect(await notifications()).toEqual(['reminder|facebook:4101']);
  });

  it('clicking "Renew" on the notification renews the profile', async () => {
    const worker = await ext.worker();
    expect(await worker.evaluate(() => chrome.notifications.onButtonClicked.hasListeners())).toBe(true);
    sandbox.state.accounts.forEach((a) => (a.tokenLifetimeSec = 60 * DAY_SEC));
    const before = (await readTable<{ expiresAt: number }>(worker, 'grants'))[0]!.expiresAt;
    await worker.evaluate(() =>
      (globalThis as unknown as { __tokenWardenNotificationButton: (id: string, i: number) => void }).__tokenWardenNotificationButton(
        'reminder|facebook:4101',
        0,
      ),
    );
    await waitFor(
      async () => (await readTable<{ expiresAt: number }>(await ext.worker(), 'grants'))[0]!.expiresAt > before + 50 * DAY_SEC * 1000,
      'renewed',
    );
    await waitFor(async () => (await badge(await ext.worker())).text === '', 'badge cleared');
    expect(await notifications()).toEqual([]);
  });

  it('with "set by profile", a muted profile sends nothing', async () => {
    await save((s) => {
      s.reminders = { thresholds: [7, 3, 1, 0], mode: 'per-profile', profiles: { 'facebook:4102': { muted: true } } };
    });
    addOne(sandbox.state, 'facebook', 'Muted Bakery', '4102', { tokenLifetimeSec: 2 * DAY_SEC });
    const page = await options();
    await command(page, 'connect', { network: 'facebook' });
    await command(page, 'pollNow', {});
    await page.close();
    expect(await readTable(await ext.worker(), 'inbox')).toHaveLength(1);
    expect(sink.received).toHaveLength(1);
    expect(await notifications()).toEqual([]);
    expect((await badge(await ext.worker())).text).toBe('1'); // still at risk, just quiet
  });

  it('a browser restart sends nothing new; the startup window appears only with the setting', async () => {
    await ext.browser.close();
    ext = await launchExtension({ userDataDir: profileDir, atStartup: true });
    // worker() waits for the end of its start, where the startup window is opened or not.
    await ext.worker();
    expect(ext.browser.targets().some((t: Target) => t.url().includes('at-risk.html'))).toBe(false);
    expect(await readTable(await ext.worker(), 'inbox')).toHaveLength(1);
    expect(sink.received).toHaveLength(1);
    expect((await badge(await ext.worker())).text).toBe('1'); // right from the start
    const alarms = await (await ext.worker()).evaluate(() => chrome.alarms.getAll());
    expect(alarms.filter((a) => a.name === 'poll')).toHaveLength(1);

    await save((s) => {
      s.channels = { ...(s.channels as object), startupWarning: true };
    });
    await ext.browser.close();
    ext = await launchExtension({ userDataDir: profileDir, atStartup: true });
    const target = await ext.browser.waitForTarget((t: Target) => t.url().includes('at-risk.html?startup=1'), { timeout: 15_000 });
    const page = (await target.page())!;
    await page.waitForSelector('li.row[data-profile-id="facebook:4102"]');
    expect(await page.$$eval('li.row', (rows) => rows.map((r) => r.getAttribute('data-profile-id')))).toEqual(['facebook:4102']);
    expect(await page.$('li.row button.renew')).not.toBeNull();

    // A service-worker restart in the same browser session is not a browser start.
    await page.close();
    await (await ext.worker()).close();
    const wake = await options();
    await command(wake, 'pollNow', {});
    await ext.worker(); // its start has finished: a startup window would be open by now
    expect(ext.browser.targets().filter((t: Target) => t.url().includes('at-risk.html'))).toHaveLength(0);
  });
});
