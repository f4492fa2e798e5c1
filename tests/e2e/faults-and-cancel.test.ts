import type { Page, Target } from 'puppeteer-core';
import { waitFor } from './support/chromium';
import { command, popupRows, readTable } from './support/extension';
import { openSession, type Session } from './support/session';

type Grant = { invalidSince: number | null; expiresAt: number; lastCheckResult: string; lastError: string | null };

describe('Closed OAuth window, 5xx and timeouts change nothing', () => {
  let s: Session;
  let popup: Page;
  let account: { id: string };
  const grant = async () => (await readTable<Grant>(s.worker, 'grants'))[0]!;

  beforeAll(async () => {
    s = await openSession();
    account = await s.control('accounts', { network: 'facebook', name: 'Sam Lee', pages: [{ id: '300301', name: 'Harbour Books' }] });
    await command(s.page, 'connect', { network: 'facebook' });
    popup = await s.ext.openPage('popup.html');
    await popup.waitForSelector('li.row');
  });
  afterAll(() => s?.close());

  it('a 5xx from the network never changes the status', async () => {
    const before = await grant();
    await s.control('fault', { network: 'facebook', mode: '5xx' });
    await command(s.page, 'pollNow', {});
    const after = await grant();
    expect(after.invalidSince).toBeNull();
    expect(after.expiresAt).toBe(before.expiresAt);
    expect(after.lastCheckResult).toBe('unknown');
    expect(after.lastError).toBe('The network had an error (HTTP 503)');
    await waitFor(async () => (await popup.$('.check-failed')) !== null, '"last check failed" hint');
    expect((await popupRows(popup))[0]!.status).toBe('valid');
  });

  it('a timeout from the network never changes the status', async () => {
    await s.control('fault', { network: 'facebook', mode: 'timeout' });
    await command(s.page, 'pollNow', {});
    const after = await grant();
    expect(after.invalidSince).toBeNull();
    expect(after.lastError).toBe('The network did not answer in time');
    expect((await popupRows(popup))[0]!.status).toBe('valid');
    await s.control('fault', { network: 'facebook', mode: 'none' });
  }, 60_000);

  it('closing the OAuth window is reported as cancelled and changes nothing', async () => {
    await s.control('revoke', { network: 'facebook', accountId: account.id, reason: 'password' });
    await command(s.page, 'pollNow', {});
    await waitFor(async () => (await popupRows(popup))[0]?.status === 'expired', 'row turns expired');
    const before = await grant();
    await s.control('authorize-mode', { network: 'facebook', mode: 'interactive' });
    const consent = s.ext.browser.waitForTarget((t: Target) => t.url().includes('dialog/oauth'));
    await popup.click('li.row button.renew');
    const page = (await (await consent).page())!;
    await page.waitForSelector('#allow');
    await page.close();
    await waitFor(async () => (await popupRows(popup))[0]?.outcome === 'Cancelled: nothing was changed', 'cancelled outcome');
    expect((await popupRows(popup))[0]!.status).toBe('expired');
    expect(await grant()).toMatchObject({ invalidSince: before.invalidSince, expiresAt: before.expiresAt });
  });

  it('a connect the network refuses says so, with its reason, as a connect (not "could not be reached")', async () => {
    // LinkedIn's clock two years on: every API version the extension derives from today is sunset (426).
    const clock = s.sandbox.state.now;
    s.sandbox.state.now = () => Date.now() + 2 * 366 * 86_400_000;
    try {
      s.sandbox.state.addAccount({
        network: 'linkedin',
        name: 'Sam Lee',
        pages: [{ id: '700', name: 'Harbour Ltd', tasks: ['ADMINISTRATOR'] }],
      });
      await popup.select('#connect-network', 'linkedin');
      await popup.click('form.connect button[type=submit]');
      const text = await waitFor(async () => {
        const banner = await popup.$eval('.banner', (b) => b.textContent ?? '').catch(() => '');
        return banner.startsWith('Not connected') && banner;
      }, 'the connect outcome');
      expect(text).toMatch(
        /^Not connected: LinkedIn refused it \(LinkedIn refused API versions \d{6} and \d{6}: Requested version \d{6} is not active\)/,
      );
      expect(text).toContain('Nothing was changed');
      expect(text).not.toMatch(/could not be reached|renewed/);
    } finally {
      s.sandbox.state.now = clock;
    }
  });

  it('allowing on the consent page renews it', async () => {
    const consent = s.ext.browser.waitForTarget((t: Target) => t.url().includes('dialog/oauth'));
    await popup.click('li.row button.renew');
    const page = (await (await consent).page())!;
    await page.waitForSelector('#allow');
    await page.click('#allow');
    await waitFor(async () => (await popupRows(popup))[0]?.status === 'valid', 'row turns valid');
  });
});
