import type { Page } from 'puppeteer-core';
import { waitFor } from './support/chromium';
import { badge, popupRows, readTable } from './support/extension';
import { openSession, type Session } from './support/session';

const DAY_SEC = 86_400;
type SandboxToken = { kind: string; dead: string | null; retired: boolean };
type LogEntry = { path: string };

describe('TikTok: silent renewal with a rotating refresh token', () => {
  let s: Session;
  let popup: Page;
  let account: { id: string };
  const log = async () => (await fetch(`${s.sandbox.url}/_control/log`).then((r) => r.json())) as LogEntry[];
  const refreshTokens = async () =>
    ((await s.control('tokens', { network: 'tiktok', accountId: account.id })) as SandboxToken[]).filter((t) => t.kind === 'refresh');

  beforeAll(async () => {
    s = await openSession();
    account = await s.control('accounts', {
      network: 'tiktok',
      name: 'Fern Coffee Lab',
      username: 'ferncoffeelab',
      refreshLifetimeSec: 2 * DAY_SEC,
    });
    popup = await s.ext.openPage('popup.html');
    await popup.waitForSelector('#connect-network');
    await popup.select('#connect-network', 'tiktok');
    await popup.click('form.connect button[type=submit]');
    await popup.waitForSelector('li.row[data-profile-id^="tiktok:"]');
  });
  afterAll(() => s?.close());

  it('shows a token near expiry as Expiring, with an amber badge', async () => {
    const [row] = await popupRows(popup);
    expect(row).toMatchObject({ status: 'expiring', text: 'Expires in 2 days' });
    const b = await badge(s.worker);
    expect(b.text).toBe('1');
    expect(b.color.slice(0, 3)).toEqual([178, 106, 0]);
  });

  it('renews silently (no OAuth window) and stores the rotated refresh token', async () => {
    await s.control('account', { accountId: account.id, refreshLifetimeSec: 365 * DAY_SEC });
    const authorizeBefore = (await log()).filter((e) => e.path.includes('authorize')).length;
    await popup.click('li.row button.renew');
    await waitFor(async () => (await popupRows(popup))[0]?.status === 'valid', 'row turns valid');
    expect((await popupRows(popup))[0]!.outcome).toBe('Renewed');
    expect((await log()).filter((e) => e.path.includes('authorize')).length).toBe(authorizeBefore);
    const tokens = await refreshTokens();
    expect(tokens).toHaveLength(2);
    expect(tokens.filter((t) => t.dead === null)).toHaveLength(1);
    expect(tokens.filter((t) => t.retired)).toHaveLength(1);
    expect((await badge(s.worker)).text).toBe('');
  });

  it('the rotated refresh token works on the next refresh', async () => {
    const before = (await readTable<{ issuedAt: number }>(s.worker, 'grants'))[0]!.issuedAt;
    await popup.click('li.row button.renew');
    await waitFor(async () => (await readTable<{ issuedAt: number }>(s.worker, 'grants'))[0]!.issuedAt > before, 'second refresh stored');
    expect((await popupRows(popup))[0]).toMatchObject({ status: 'valid', outcome: 'Renewed' });
    const tokens = await refreshTokens();
    expect(tokens).toHaveLength(3);
    expect(tokens.filter((t) => t.dead === null)).toHaveLength(1);
  });
});
