import type { Page } from 'puppeteer-core';
import { addOne } from '../sandbox/fixtures';
import { SANDBOX_NETWORKS, type SandboxNetwork } from '../sandbox/state';
import { waitFor } from './support/chromium';
import { badge, command, popupRows, readTable } from './support/extension';
import { openSession, type Session } from './support/session';

type Row = Awaited<ReturnType<typeof popupRows>>[number];

describe('All nine networks in real Chromium against the sandbox', () => {
  let s: Session;
  let popup: Page;
  const ids = new Map<SandboxNetwork, { accountId: string; profileId: string }>();
  const row = async (id: string): Promise<Row | undefined> => (await popupRows(popup)).find((r) => r.id === id);
  const waitRow = (id: string, check: (r: Row) => boolean, what: string) =>
    waitFor(async () => {
      const r = await row(id);
      return r && check(r);
    }, `${id}: ${what}`);

  beforeAll(async () => {
    s = await openSession();
    popup = await s.ext.openPage('popup.html');
    await popup.waitForSelector('#connect-network');
  });
  afterAll(() => s?.close());

  it.each(SANDBOX_NETWORKS)('connects one %s profile from the popup', async (network) => {
    const { account, profileId } = addOne(s.sandbox.state, network, `Fern ${network}`, '6001');
    ids.set(network, { accountId: account.id, profileId });
    await popup.select('#connect-network', network);
    await popup.click('form.connect button[type=submit]');
    await waitRow(profileId, (r) => r.status === (network === 'x' ? 'no-expiry' : 'valid'), 'listed');
  });

  it('X shows "No expiration date"', async () => {
    expect((await row(ids.get('x')!.profileId))!.text).toBe('No expiration date');
    expect((await badge(s.worker)).text).toBe('');
  });

  it.each(SANDBOX_NETWORKS)('%s: a revocation is found by a poll, and Renew brings it back', async (network) => {
    const { accountId, profileId } = ids.get(network)!;
    s.sandbox.state.revokeAccount(accountId, 'revoked');
    await command(s.page, 'pollNow', {});
    await waitRow(profileId, (r) => r.status === 'expired', 'expired');
    // LinkedIn's login covers the personal profile and the company page: both lapse together.
    const expired = (await popupRows(popup)).filter((r) => r.status === 'expired');
    expect(expired.map((r) => r.id)).toContain(profileId);
    expect(expired).toHaveLength(network === 'linkedin' ? 2 : 1);
    expect((await badge(s.worker)).text).toBe(String(expired.length));
    await popup.click(`li.row[data-profile-id="${profileId}"] button.renew`);
    await waitRow(profileId, (r) => r.status !== 'expired' && r.outcome.startsWith('Renewed'), 'renewed');
    expect((await badge(s.worker)).text).toBe('');
  });

  it('one Facebook login with three pages is renewed once and all three turn green', async () => {
    const pages = ['7101', '7102', '7103'];
    const account = s.sandbox.state.addAccount({
      network: 'facebook',
      name: 'Alex Rivera',
      pages: pages.map((id) => ({ id, name: `Café ${id}`, tasks: ['MANAGE'] })),
    });
    await command(s.page, 'connect', { network: 'facebook' });
    s.sandbox.state.revokeAccount(account.id, 'password');
    await command(s.page, 'pollNow', {});
    for (const id of pages) await waitRow(`facebook:${id}`, (r) => r.status === 'expired', 'expired');
    expect((await badge(s.worker)).text).toBe('3');
    const windowsBefore = s.sandbox.state.log.filter((e) => e.path.endsWith('dialog/oauth')).length;
    await popup.click('li.row[data-profile-id="facebook:7102"] button.renew');
    for (const id of pages) await waitRow(`facebook:${id}`, (r) => r.status === 'valid', 'valid');
    expect(s.sandbox.state.log.filter((e) => e.path.endsWith('dialog/oauth')).length).toBe(windowsBefore + 1);
    expect((await row('facebook:7102'))!.outcome).toBe('Renewed (3 profiles)');
  });

  it('a LinkedIn renewal by an identity that is not Super Admin fails with that reason; the identity shows ✗', async () => {
    const { accountId, profileId } = ids.get('linkedin')!;
    s.sandbox.state.revokeAccount(accountId, 'revoked');
    await command(s.page, 'pollNow', {});
    await waitRow(profileId, (r) => r.status === 'expired', 'expired');
    const editor = s.sandbox.state.addAccount({
      network: 'linkedin',
      name: 'Robin Editor',
      pages: [{ id: '6001', name: 'Fern linkedin', tasks: ['CONTENT_ADMINISTRATOR'] }],
    });
    await popup.click(`li.row[data-profile-id="${profileId}"] button.renew`);
    await waitRow(profileId, (r) => r.outcome.includes('Robin Editor'), 'no-permission outcome');
    expect((await row(profileId))!).toMatchObject({
      status: 'expired',
      outcome:
        'Not renewed: Robin Editor lacks the permission needed (Super Admin of the company page (or access to the personal account))',
    });
    const identities = await readTable<{ id: string; access: Record<string, { can: string }> }>(s.worker, 'identities');
    expect(identities.find((i) => i.id === `linkedin:${editor.id}`)!.access[profileId]!.can).toBe('no');
  });

  it('a 429 from one network does not delay the others', async () => {
    await s.control('fault', { network: 'pinterest', mode: '429', retryAfter: 3600 });
    await s.control('fault', { network: 'tiktok', mode: 'none', latencyMs: 300 });
    const t0 = Date.now();
    await command(s.page, 'pollNow', {});
    const elapsed = Date.now() - t0;
    const grants = await readTable<{ network: string; lastCheckAt: number; lastCheckResult: string; invalidSince: number | null }>(
      s.worker,
      'grants',
    );
    const others = grants.filter((g) => g.network !== 'pinterest' && g.invalidSince === null);
    expect(others.length).toBeGreaterThanOrEqual(8);
    expect(others.every((g) => g.lastCheckAt >= t0 && g.lastCheckResult !== 'unknown')).toBe(true);
    expect(grants.find((g) => g.network === 'pinterest')!.lastCheckResult).toBe('unknown');
    expect(elapsed).toBeLessThan(10_000);
    const paused = await readTable<{ id: string; pausedUntil: number }>(s.worker, 'networkState');
    expect(paused.find((p) => p.id === 'pinterest')!.pausedUntil).toBeGreaterThan(t0 + 3_500_000);
    await s.control('fault', { network: 'tiktok', mode: 'none' });
  });
});
