import { execFileSync } from 'node:child_process';
import { inboxTitle } from '../../../utils/reminders/messages';
import type { InboxRecord } from '../../../utils/domain';
import type { Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { sandboxSettings } from '../../sandbox/settings-for';
import { addOne } from '../../sandbox/fixtures';
import { waitFor } from '../support/chromium';
import { importSettings, patchGrants, popupRows, readTable } from '../support/extension';
import { FIREFOX_EXTENSION_DIR, launchFirefoxExtension, type FirefoxExtension } from '../support/firefox';

const DAY_SEC = 86_400;
type Reply<T> = { ok: boolean; result?: T; error?: string };

/** The Firefox MV3 build in firefox-esr: connect, poll, badge, renew, reminders, popup and options. */
describe('Firefox (firefox-esr): the main path', () => {
  let sandbox: Sandbox;
  let ff: FirefoxExtension;
  let options: Page;
  const command = async <T>(name: string, payload: unknown): Promise<T> => {
    const reply = (await options.evaluate((m) => browser.runtime.sendMessage(m), { command: name, payload })) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as T;
  };
  const badge = () =>
    options.evaluate(async () => ({ text: await browser.action.getBadgeText({}), title: await browser.action.getTitle({}) }));

  beforeAll(async () => {
    sandbox = await startSandbox();
    ff = await launchFirefoxExtension();
    options = await ff.openPage('options.html');
    await importSettings(options, sandboxSettings(sandbox.url, 0.1), (payload) => command('importSettings', payload));
  });
  afterAll(async () => {
    await ff?.close();
    await sandbox?.close();
  });

  it('redirects OAuth to the extension’s own *.extensions.allizom.org address', async () => {
    const redirect = await options.evaluate(() => browser.identity.getRedirectURL());
    expect(redirect).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
  });

  it('connects a Facebook page through launchWebAuthFlow and shows it Valid in the popup', async () => {
    addOne(sandbox.state, 'facebook', 'Harbour Books', '501');
    expect(await command('connect', { network: 'facebook' })).toMatchObject({ kind: 'connected', profiles: 1 });
    const grants = await readTable<{ network: string; lastCheckResult: string }>(options, 'grants');
    expect(grants).toMatchObject([{ network: 'facebook', lastCheckResult: 'valid' }]);
    // The token is stored encrypted only.
    const secrets = await readTable<{ ciphertext: ArrayBuffer }>(options, 'secrets');
    expect(secrets).toHaveLength(1);
    const popup = await ff.openPage('popup.html');
    await waitFor(async () => (await popupRows(popup)).length === 1, 'the row');
    expect((await popupRows(popup))[0]).toMatchObject({ id: 'facebook:501', status: 'valid' });
    expect((await badge()).text).toBe('');
    await popup.close();
  });

  it('a password change is found by the poll alarm by itself: Expired, red badge "1"', async () => {
    const account = [...sandbox.state.accounts.values()].find((a) => a.network === 'facebook')!;
    sandbox.state.revokeAccount(account.id, 'password');
    await patchGrants(options, { nextCheckAt: 0 }); // due now (a day would pass otherwise)
    await options.evaluate(() => browser.alarms.create('poll', { periodInMinutes: 0.1, when: Date.now() + 500 }));
    await waitFor(async () => (await badge()).text === '1', 'the alarm-driven poll to mark it', 30_000);
    expect((await badge()).title).toContain('1 expired');
    const [grant] = await readTable<{ invalidSince: number | null }>(options, 'grants');
    expect(grant!.invalidSince).not.toBeNull();
  });

  it('renews it in one click from the popup: Valid again, badge cleared', async () => {
    const popup = await ff.openPage('popup.html');
    await waitFor(async () => (await popupRows(popup))[0]?.status === 'expired', 'the expired row');
    await popup.click('li.row button.renew');
    await waitFor(async () => (await popupRows(popup))[0]?.status === 'valid', 'the renewed row');
    // The row follows the write; the badge follows the state-changed step right after it.
    await waitFor(async () => (await badge()).text === '', 'the badge cleared');
    await popup.close();
  });

  it('a token near its end gives its reminder (in the inbox) and an amber badge', async () => {
    addOne(sandbox.state, 'tiktok', 'Fern Coffee Lab', '77', { refreshLifetimeSec: 2 * DAY_SEC });
    expect(await command('connect', { network: 'tiktok' })).toMatchObject({ kind: 'connected' });
    // Headless Firefox has no system notification service to show it on: the inbox holds the same words.
    const tiktok = async () =>
      (await readTable<InboxRecord & { profileId: string }>(options, 'inbox')).filter((e) => e.profileId.startsWith('tiktok:'));
    await waitFor(async () => (await tiktok()).length === 1, 'the reminder in the inbox');
    expect(inboxTitle((await tiktok())[0]!)).toMatch(/Fern Coffee Lab/);
    expect(await badge()).toMatchObject({ text: '1', title: expect.stringContaining('1 expiring') });
  });

  it('the options page shows the settings the background stored (every network pointed at the sandbox)', async () => {
    const page = await ff.openPage('options.html');
    await waitFor(() => page.$('#facebook-base'), 'the network settings');
    expect(await page.$eval('#facebook-base', (e) => (e as HTMLInputElement).value)).toBe(`${sandbox.url}/facebook`);
    expect(await page.$eval('#facebook-client', (e) => (e as HTMLInputElement).value)).toBe('sandbox-app');
    await page.close();
  });

  it('notifications work with the packaged icon (what a reminder notification uses)', async () => {
    const id = await options.evaluate(() =>
      browser.notifications.create('ff-check', {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 't',
        message: 'm',
      }),
    );
    expect(id).toBe('ff-check');
  });

  it('passes web-ext lint (Mozilla’s linter) with no error', () => {
    const out = execFileSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(out.slice(out.indexOf('{'))) as { errors: unknown[]; warnings: { code: string; file?: string }[] };
    expect(report.errors).toEqual([]);
    // One warning is known and not ours: Preact's own renderer assigns innerHTML (for dangerouslySetInnerHTML, which we never use).
    expect(report.warnings.map((w) => w.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
  });
});
