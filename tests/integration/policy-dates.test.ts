import { connectNetwork } from '@/entrypoints/background/connect';
import { pollGrants } from '@/entrypoints/background/poll';
import { readProfileRows } from '@/utils/db/profile-rows';
import { formatDate } from '@/utils/format';
import { setLang } from '@/utils/i18n/index';
import { sortedRowViews } from '@/utils/profile-view';
import { DAY } from '@/utils/time';
import { addOne } from '../sandbox/fixtures';
import type { SandboxNetwork } from '../sandbox/state';
import { harness, type Harness } from './support/harness';

/**
 * Google reports no expiry for its refresh tokens: YouTube's and Business Profile's dates come
 * from the renewal policy, and say so, unlike an expiry the network reported.
 */
describe('dates the network never gave read "Renew by …", with the policy', () => {
  let h: Harness;
  afterEach(() => {
    setLang('en');
    return h?.close();
  });

  async function connected(network: SandboxNetwork) {
    h = await harness();
    const { profileId } = addOne(h.sandbox.state, network, 'Blue Fern', '6001');
    await connectNetwork(h.deps, network);
    await pollGrants(h.deps, { force: true });
    const view = async () => sortedRowViews(await readProfileRows(h.deps.db), h.deps.now()).find((r) => r.id === profileId)!;
    const grant = (await h.deps.db.grants.toArray())[0]!;
    return { view, grant };
  }

  it('YouTube: "Renew by DATE · YouTube asks every 30 days", in English and French', async () => {
    const { view, grant } = await connected('youtube');
    expect(grant.expirySource).toBe('policy');
    expect(Math.round((grant.expiresAt! - h.deps.now()) / DAY)).toBe(30);
    expect((await view()).statusText).toBe(`Renew by ${formatDate(grant.expiresAt!)} · YouTube asks every 30 days`);
    setLang('fr');
    expect((await view()).statusText).toBe(`À renouveler avant le ${formatDate(grant.expiresAt!)} · YouTube le demande tous les 30 jours`);
  });

  it('Business Profile: "… · Google Business Profile asks every 6 months"; within a week: "Renew within N days"', async () => {
    const { view, grant } = await connected('google-business');
    expect((await view()).statusText).toBe(`Renew by ${formatDate(grant.expiresAt!)} · Google Business Profile asks every 6 months`);
    h.setNow(grant.expiresAt! - 2.5 * DAY);
    expect(await view()).toMatchObject({
      status: 'expiring',
      statusText: 'Renew within 3 days · Google Business Profile asks every 6 months',
    });
  });

  it('an expiry the network reported (Facebook’s debug_token, TikTok’s refresh_expires_in) stays "Valid until"', async () => {
    for (const network of ['facebook', 'tiktok'] as const) {
      const { view, grant } = await connected(network);
      expect(grant.expirySource).toBe('network');
      expect((await view()).statusText).toBe(`Valid until ${formatDate(grant.expiresAt!)}`);
      await h.close();
    }
    h = undefined as unknown as Harness;
  });
});
