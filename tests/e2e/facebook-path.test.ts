import type { Page } from 'puppeteer-core';
import { waitFor } from './support/chromium';
import { badge, command, popupRows, readTable } from './support/extension';
import { openSession, type Session } from './support/session';

describe('Facebook: connect, poll, badge, renew in real Chromium', () => {
  let s: Session;
  let popup: Page;
  let account: { id: string };

  beforeAll(async () => {
    s = await openSession();
    account = await s.control('accounts', { network: 'facebook', name: 'Alex Rivera', pages: [{ id: '200101', name: 'Blue Fern Café' }] });
  });
  afterAll(() => s?.close());

  it('connects a Facebook page through the OAuth window and lists it as Valid', async () => {
    popup = await s.ext.openPage('popup.html');
    await popup.waitForSelector('#connect-network');
    await popup.select('#connect-network', 'facebook');
    await popup.click('form.connect button[type=submit]');
    await popup.waitForSelector('li.row[data-profile-id="facebook:200101"]');
    const [row] = await popupRows(popup);
    expect(row).toMatchObject({ name: 'Blue Fern Café', status: 'valid' });
    expect(row!.text).toMatch(/^Valid until \d{1,2} \w{3} \d{4}$/);
    expect(await popup.$eval('.banner', (b) => b.textContent)).toContain('Connected 1 profile');
    const log = (await fetch(`${s.sandbox.url}/_control/log`).then((r) => r.json())) as { path: string }[];
    expect(log.some((e) => e.path.endsWith('dialog/oauth'))).toBe(true);
    expect((await badge(s.worker)).text).toBe('');
  });

  it('stores no token in plain text in IndexedDB', async () => {
    const tokens = (await s.control('tokens', { network: 'facebook' })) as { value: string }[];
    expect(tokens.length).toBeGreaterThan(0);
    const dump = JSON.stringify(
      await Promise.all(['profiles', 'grants', 'secrets', 'identities', 'history', 'settings'].map((t) => readTable(s.worker, t))),
    );
    // The sandbox's tokens all start with EAA; the prefix of each issued token must not appear.
    for (const t of tokens) expect(dump).not.toContain(t.value.replace('…', ''));
    expect(dump).not.toMatch(/EAA[0-9a-f]{8}/);
    const [secret] = await readTable<{ ciphertext: unknown; iv: unknown }>(s.worker, 'secrets');
    expect(secret).toHaveProperty('ciphertext');
  });

  it('a password change is detected by a poll: Expired, badge "1" in red', async () => {
    await s.control('revoke', { network: 'facebook', accountId: account.id, reason: 'password' });
    await command(s.page, 'pollNow', {});
    await waitFor(async () => (await popupRows(popup))[0]?.status === 'expired', 'row turns expired');
    const b = await badge(s.worker);
    expect(b.text).toBe('1');
    expect(b.color.slice(0, 3)).toEqual([198, 40, 40]);
    const [grant] = await readTable<{ invalidReason: string }>(s.worker, 'grants');
    expect(grant!.invalidReason).toBe('The Facebook password was changed');
  });

  it('Renew from the popup brings it back to Valid and clears the badge', async () => {
    await popup.click('li.row[data-profile-id="facebook:200101"] button.renew');
    await waitFor(async () => (await popupRows(popup))[0]?.status === 'valid', 'row turns valid');
    expect((await popupRows(popup))[0]!.outcome).toBe('Renewed');
    expect((await badge(s.worker)).text).toBe('');
  });
});
