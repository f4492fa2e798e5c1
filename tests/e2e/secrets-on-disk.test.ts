import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { filesUnder } from './support/files';
import { join } from 'node:path';
import type { Page, WebWorker } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { sandboxSettings } from '../sandbox/settings-for';
import { addOne } from '../sandbox/fixtures';
import { startWebhookSink, type WebhookSink } from '../sandbox/webhook-sink';
import { launchExtension, waitFor, type ExtensionBrowser } from './support/chromium';
import { command, importSettings, readTable } from './support/extension';
import { echoForms } from '../../utils/networks/http';

const DAY_SEC = 86_400;
const NETWORKS = ['facebook', 'tiktok', 'linkedin', 'x', 'youtube'] as const;

/**
 * Canary tokens through every flow: connect, refresh (TikTok rotates), renew, polls, errors
 * that echo the whole request, reminders (inbox, notifications, Slack, webhook), exports.
 * Then no issued token may be found in the console, the exports, the webhook and Slack
 * payloads, the stored texts, or anywhere in the browser profile's files on disk.
 */
describe('Canary tokens through every flow', () => {
  let sandbox: Sandbox;
  let sink: WebhookSink;
  let ext: ExtensionBrowser;
  const CONTROL = 'control-client-id-7f3a9c1e5b';
  const consoleLines: string[] = [];
  const downloads = join(process.cwd(), '.e2e-tmp', `downloads-${Date.now()}`);
  const stored: Record<string, unknown[]> = {};

  const listen = (target: Page | WebWorker) => target.on('console', (m) => consoleLines.push(m.text()));

  beforeAll(async () => {
    sandbox = await startSandbox();
    sink = await startWebhookSink();
    ext = await launchExtension();
    listen(await ext.worker());
    const settings = {
      ...sandboxSettings(sandbox.url),
      channels: {
        notifications: true,
        startupWarning: false,
        slackUrl: `${sink.url}/services/T0/B0/slack`,
        webhookUrl: `${sink.url}/hook`,
      },
    };
    settings.networks.facebook!.clientId = CONTROL;
    const options = await ext.openPage('options.html');
    listen(options);
    expect(await importSettings(options, settings)).toEqual({ ok: true });
    for (const network of NETWORKS) {
      // Facebook's token lapses in 2 days: reminders go out on every channel.
      addOne(sandbox.state, network, `Canary ${network}`, '42', network === 'facebook' ? { tokenLifetimeSec: 2 * DAY_SEC } : {});
      await command(options, 'connect', { network });
    }
    await command(options, 'renew', { profileId: 'tiktok:ti100002' }).catch(() => undefined);
    await command(options, 'pollNow', {});
    // Errors that repeat the request, token and all, on two networks; then a renewal through one of them.
    for (const network of ['facebook', 'youtube']) sandbox.state.faults.set(network, { mode: 'echo' });
    await command(options, 'pollNow', {});
    await command(options, 'renew', {
      profileId: (await readTable<{ id: string; network: string }>(options, 'profiles')).find((p) => p.network === 'youtube')!.id,
    });
    await waitFor(() => sink.received.length >= 2, 'Slack and webhook deliveries');

    // Exports, downloaded as a person would.
    mkdirSync(downloads, { recursive: true });
    const popup = await ext.openPage('popup.html');
    listen(popup);
    await (await popup.createCDPSession()).send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    await popup.waitForSelector('li.row');
    for (const label of ['CSV', 'JSON', '.ics']) {
      const buttons = await popup.$$('.footer-actions button');
      for (const b of buttons) if ((await b.evaluate((e) => e.textContent ?? '')).includes(label)) await b.click();
    }
    await waitFor(() => readdirSync(downloads).filter((f) => !f.endsWith('.crdownload')).length === 3, 'three exports');
    for (const table of ['grants', 'profiles', 'history', 'inbox', 'outbox', 'identities', 'jobs', 'settings'])
      stored[table] = await readTable(options, table);
    await ext.browser.close(); // flushes IndexedDB's LevelDB to disk
  }, 120_000);
  afterAll(async () => {
    await ext?.close().catch(() => undefined);
    await sink?.close();
    await sandbox?.close();
  });

  const tokens = () => [...sandbox.state.tokens.keys()];
  // Each token as sent and in every encoding an echo could use (URL, form, JSON-escaped): the
  // canaries hold `! * / ~ + .`, so each form differs. 24 characters reach past those.
  const leaksIn = (where: string, text: string) =>
    tokens()
      .filter((t) => echoForms(t.slice(0, 24)).some((form) => text.includes(form)))
      .map((t) => `${t.slice(0, 6)}… in ${where}`);

  it('issued enough canaries, and the echoing errors did reach the extension', () => {
    expect(tokens().length).toBeGreaterThanOrEqual(12);
    expect(tokens().every((t) => t.slice(0, 24).includes('!*/~+.'))).toBe(true);
    const echoed = JSON.stringify(stored.grants);
    expect(echoed).toContain('[redacted]');
  });

  it('finds none in the console output of the worker and the pages', () => {
    expect(consoleLines.flatMap((l) => leaksIn('console', l))).toEqual([]);
  });

  it('finds none in the exports (CSV, JSON, .ics) or in Slack and webhook payloads', () => {
    const files = readdirSync(downloads);
    expect(files.sort()).toEqual(['token-warden-expiries.ics', 'token-warden-profiles.csv', 'token-warden-profiles.json']);
    expect(files.flatMap((f) => leaksIn(f, readFileSync(join(downloads, f), 'utf8')))).toEqual([]);
    expect(new Set(sink.received.map((r) => r.path))).toEqual(new Set(['/hook', '/services/T0/B0/slack']));
    expect(sink.received.flatMap((r) => leaksIn(`POST ${r.path}`, JSON.stringify(r.body)))).toEqual([]);
  });

  it('finds none in stored texts: reasons, errors, history, inbox (the notifications’ words), outbox', () => {
    expect(Object.entries(stored).flatMap(([table, rows]) => leaksIn(table, JSON.stringify(rows)))).toEqual([]);
    expect((stored.inbox ?? []).length).toBeGreaterThan(0);
  });

  it('finds the control value on disk (so the scan works) and none of the issued tokens', () => {
    const blobs = filesUnder(ext.userDataDir).map((f) => ({ f, data: readFileSync(f).toString('latin1') }));
    expect(blobs.some((b) => b.data.includes(CONTROL))).toBe(true);
    expect(blobs.flatMap((b) => leaksIn(b.f, b.data))).toEqual([]);
  });
});
