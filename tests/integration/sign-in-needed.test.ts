import { connectNetwork } from '@/entrypoints/background/connect';
import { pollGrants } from '@/entrypoints/background/poll';
import { readProfileRows } from '@/utils/db/profile-rows';
import { setLang } from '@/utils/i18n/index';
import { applyFilter, NO_FILTER } from '@/utils/list-filter';
import { sortedRowViews } from '@/utils/profile-view';
import { addOne } from '../sandbox/fixtures';
import type { RevokeReason, SandboxNetwork } from '../sandbox/state';
import { harness, type Harness } from './support/harness';

/** A token the network killed early says why a sign-in is needed, and is still Expired. */
describe('"Sign-in needed: …" for a token killed before its expiry', () => {
  let h: Harness;
  afterEach(() => {
    setLang('en');
    return h?.close();
  });

  async function killed(network: SandboxNetwork, reason: RevokeReason) {
    h = await harness();
    const { account, profileId } = addOne(h.sandbox.state, network, 'Blue Fern', '4001');
    await connectNetwork(h.deps, network);
    h.sandbox.state.revokeAccount(account.id, reason);
    await pollGrants(h.deps, { force: true });
    const rows = sortedRowViews(await readProfileRows(h.deps.db), h.deps.now());
    const row = rows.find((r) => r.id === profileId)!;
    return { row, expiredOnly: applyFilter(rows, { ...NO_FILTER, statuses: ['expired'] }) };
  }

  it('Facebook after a password change: "Sign-in needed: password changed", in the Expired filter', async () => {
    const { row, expiredOnly } = await killed('facebook', 'password');
    expect(row.status).toBe('expired');
    expect(row.statusText).toBe('Sign-in needed: password changed');
    expect(expiredOnly.map((r) => r.id)).toEqual([row.id]);
    setLang('fr');
    const again = sortedRowViews(await readProfileRows(h.deps.db), h.deps.now())[0]!;
    expect(again.statusText).toBe('Reconnexion nécessaire : mot de passe modifié');
  });

  it.each([
    ['facebook', 'app-removed', 'Sign-in needed: app removed from the account'],
    ['youtube', 'revoked', 'Sign-in needed: access revoked'],
    ['linkedin', 'revoked', 'Sign-in needed: access revoked'],
    ['threads', 'password', 'Sign-in needed: password changed'],
  ] as const)('%s (%s): %s', async (network, reason, text) => {
    const { row } = await killed(network, reason);
    expect(row).toMatchObject({ status: 'expired', statusText: text });
  });

  it('a token that simply lapsed at its expiry still reads "Expired today"', async () => {
    h = await harness();
    const { profileId } = addOne(h.sandbox.state, 'facebook', 'Blue Fern', '4001');
    await connectNetwork(h.deps, 'facebook');
    const grant = (await h.deps.db.grants.toArray())[0]!;
    h.setNow(grant.expiresAt! + 3_600_000);
    const row = sortedRowViews(await readProfileRows(h.deps.db), h.deps.now()).find((r) => r.id === profileId)!;
    expect(row).toMatchObject({ status: 'expired', statusText: 'Expired today' });
  });
});
