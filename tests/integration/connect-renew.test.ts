import { connectNetwork } from '@/entrypoints/background/connect';
import { historyText } from '@/utils/history-facts';
import { pollGrants } from '@/entrypoints/background/poll';
import { renewProfile } from '@/entrypoints/background/renew';
import { storeSettings } from '@/utils/db/settings-store';
import { openTokens, vaultKey } from '@/utils/db/vault';
import { settingsSchema } from '@/utils/settings';
import { DAY } from '@/utils/time';
import { harness, REDIRECT, type Harness } from './support/harness';

describe('connect, poll and renew (background + Dexie, real sandbox)', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('connects a Facebook login with its pages, stores the token only encrypted', async () => {
    h = await harness();
    await h.control('accounts', {
      network: 'facebook',
      name: 'Alex',
      pages: [
        { id: '1', name: 'Café' },
        { id: '2', name: 'Bakery' },
      ],
    });
    expect(await connectNetwork(h.deps, 'facebook')).toEqual({
      kind: 'connected',
      profiles: 2,
      listed: [
        { id: 'facebook:1', name: 'Café', alreadyTracked: false },
        { id: 'facebook:2', name: 'Bakery', alreadyTracked: false },
      ],
    });
    const db = h.deps.db;
    expect((await db.profiles.toArray()).map((p) => p.name).sort()).toEqual(['Bakery', 'Café']);
    const [grant] = await db.grants.toArray();
    expect(grant).toMatchObject({ network: 'facebook', invalidSince: null, refreshable: false });
    // 60-day long-lived token reported by the sandbox wins over the 90-day catalog default.
    expect(Math.round((grant!.expiresAt! - h.deps.now()) / DAY)).toBe(60);
    const [secret] = await db.secrets.toArray();
    const opened = await openTokens(await vaultKey(db), secret!);
    expect(opened.accessToken).toMatch(/^EAA/);
    expect(JSON.stringify(await db.secrets.toArray())).not.toContain(opened.accessToken);
    expect(h.badges.at(-1)?.text).toBe('');
    const url = new URL(h.authCalls[0]!);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
  });

  it('refuses a redirect whose state does not match, and stores nothing', async () => {
    h = await harness({
      authFlow: async (url) => {
        const res = await fetch(url, { redirect: 'manual' });
        const forged = new URL(res.headers.get('location')!);
        forged.searchParams.set('state', 'attacker');
        return { ok: true, redirectUrl: forged.toString() };
      },
    });
    await h.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    expect(await connectNetwork(h.deps, 'facebook')).toMatchObject({ kind: 'failed', reason: expect.stringContaining('state mismatch') });
    expect(await h.deps.db.grants.count()).toBe(0);
    expect(await h.deps.db.secrets.count()).toBe(0);
  });

  it.each([
    [
      'another flow of the same network (its PKCE verifier does not match)',
      'facebook',
      'Invalid verification code format. (code_verifier does not match the code_challenge)',
    ],
    // Not a PKCE refusal: Facebook's token endpoint does not know TikTok's code at all.
    ['a flow of another network', 'tiktok', 'Invalid verification code format. (unknown code)'],
  ])('refuses a code issued to %s, with this flow’s state, and stores nothing', async (_, otherNetwork, reason) => {
    h = await harness({
      authFlow: async (url) => {
        // An attacker's (or a stale) flow: its own PKCE challenge, its code; spliced into our redirect.
        const mine = new URL(url);
        const other = new URL(mine);
        if (otherNetwork === 'tiktok') {
          // TikTok's authorize page, same sandbox: its code is TikTok's.
          other.pathname = '/tiktok/www.tiktok.com/v2/auth/authorize/';
          other.searchParams.set('client_key', 'sandbox-app');
        }
        other.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGKSIJ-cM0');
        const stolen = new URL((await fetch(other, { redirect: 'manual' })).headers.get('location')!).searchParams.get('code');
        const ours = new URL((await fetch(mine, { redirect: 'manual' })).headers.get('location')!);
        if (!stolen) throw new Error('the other flow gave no code');
        ours.searchParams.set('code', stolen);
        return { ok: true, redirectUrl: ours.toString() };
      },
    });
    await h.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    await h.control('accounts', { network: 'tiktok', name: 'Alex', pages: [] });
    const outcome = await connectNetwork(h.deps, 'facebook');
    expect(outcome).toEqual({ kind: 'failed', reason, during: 'connect' });
    expect(await h.deps.db.grants.count()).toBe(0);
    expect(await h.deps.db.secrets.count()).toBe(0);
    expect(await h.deps.db.profiles.count()).toBe(0);
  });

  it('refuses an OAuth window that ended at another address than the redirect URL, and stores nothing', async () => {
    h = await harness({
      authFlow: async (url) => {
        const answer = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
        return { ok: true, redirectUrl: `https://evil.example/${answer.search}` };
      },
    });
    await h.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    expect(await connectNetwork(h.deps, 'facebook')).toEqual({
      kind: 'failed',
      reason: 'The sign-in window ended at another address than this extension’s redirect URL',
      during: 'connect',
    });
    expect(await h.deps.db.grants.count()).toBe(0);
    expect(await h.deps.db.secrets.count()).toBe(0);
  });

  it('reports a missing client ID instead of opening a window', async () => {
    h = await harness();
    await storeSettings(h.deps.db, settingsSchema.parse({ version: 2 }));
    expect(await connectNetwork(h.deps, 'tiktok')).toEqual({
      kind: 'not-configured',
      reason: 'Set the TikTok client ID in Options (Advanced) first.',
    });
    expect(h.authCalls).toHaveLength(0);
  });

  it('renewing one Facebook login renews every page it covers', async () => {
    h = await harness();
    const a = await h.control('accounts', {
      network: 'facebook',
      name: 'Alex',
      pages: [
        { id: '1', name: 'A' },
        { id: '2', name: 'B' },
        { id: '3', name: 'C' },
      ],
    });
    await connectNetwork(h.deps, 'facebook');
    await h.control('revoke', { network: 'facebook', accountId: a.id, reason: 'password' });
    await pollGrants(h.deps, { force: true });
    expect((await h.deps.db.grants.toArray())[0]!.invalidReason).toBe('The Facebook password was changed');
    expect(h.badges.at(-1)).toMatchObject({ text: '3' });
    expect(await renewProfile(h.deps, 'facebook:2')).toEqual({ kind: 'renewed', profiles: 3 });
    expect((await h.deps.db.grants.toArray())[0]).toMatchObject({
      invalidSince: null,
      renewal: { state: 'done', outcome: { kind: 'renewed' } },
    });
    expect(h.badges.at(-1)?.text).toBe('');
  });

  it('says which permission is missing when the identity lost its role on the page', async () => {
    h = await harness();
    const a = await h.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'A' }] });
    await connectNetwork(h.deps, 'facebook');
    await h.control('account', { accountId: a.id, pages: [{ id: '1', name: 'A', tasks: ['CREATE_CONTENT'] }] });
    const outcome = await renewProfile(h.deps, 'facebook:1');
    expect(outcome).toEqual({
      kind: 'no-permission',
      identity: 'Alex',
      permission: 'Full control of the Page (or of the Business Manager that owns it)',
    });
    const identity = await h.deps.db.identities.get(`facebook:${a.id}`);
    expect(identity!.access['facebook:1']).toMatchObject({ can: 'no' });
    expect(historyText((await h.deps.db.history.toArray()).at(-1)!)).toContain('lacks the permission');
  });

  it('TikTok: silent refresh stores the rotated token; the next refresh uses it; the old one is dead', async () => {
    h = await harness();
    await h.control('accounts', { network: 'tiktok', name: 'Fern', refreshLifetimeSec: 2 * 86400 });
    await connectNetwork(h.deps, 'tiktok');
    const before = h.authCalls.length;
    expect(await renewProfile(h.deps, (await h.deps.db.profiles.toArray())[0]!.id)).toEqual({ kind: 'renewed', profiles: 1 });
    expect(await renewProfile(h.deps, (await h.deps.db.profiles.toArray())[0]!.id)).toEqual({ kind: 'renewed', profiles: 1 });
    expect(h.authCalls.length).toBe(before);
    const tokens = (await h.control('tokens', { network: 'tiktok' })) as { kind: string; dead: string | null }[];
    const refresh = tokens.filter((t) => t.kind === 'refresh');
    expect(refresh.map((t) => t.dead)).toEqual(['retired', 'retired', null]);
  });

  it('a poll refreshes a TikTok access token that is about to lapse, silently', async () => {
    h = await harness();
    await h.control('accounts', { network: 'tiktok', name: 'Fern' });
    await connectNetwork(h.deps, 'tiktok');
    const issued = (await h.deps.db.grants.toArray())[0]!.issuedAt;
    h.setNow(h.deps.now() + DAY);
    await pollGrants(h.deps, { force: false });
    const grant = (await h.deps.db.grants.toArray())[0]!;
    expect(grant.issuedAt).toBeGreaterThan(issued);
    expect(grant).toMatchObject({ invalidSince: null, lastCheckResult: 'valid' });
  });

  it('transient failures never change the status; 429 defers the next check', async () => {
    h = await harness();
    await h.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'A' }] });
    await connectNetwork(h.deps, 'facebook');
    const before = (await h.deps.db.grants.toArray())[0]!;
    for (const mode of ['5xx', 'malformed']) {
      await h.control('fault', { network: 'facebook', mode });
      await pollGrants(h.deps, { force: true });
      const after = (await h.deps.db.grants.toArray())[0]!;
      expect(after).toMatchObject({ invalidSince: null, expiresAt: before.expiresAt, lastCheckResult: 'unknown' });
    }
    await h.control('fault', { network: 'facebook', mode: '429', retryAfter: 7200 });
    await pollGrants(h.deps, { force: true });
    const after = (await h.deps.db.grants.toArray())[0]!;
    expect(after.nextCheckAt).toBeGreaterThanOrEqual(h.deps.now() + 7_200_000);
    expect(after.invalidSince).toBeNull();
  });

  it('a sandbox that is down leaves everything as it was', async () => {
    h = await harness();
    await h.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'A' }] });
    await connectNetwork(h.deps, 'facebook');
    await h.sandbox.close();
    await pollGrants(h.deps, { force: true });
    expect((await h.deps.db.grants.toArray())[0]).toMatchObject({
      invalidSince: null,
      lastCheckResult: 'unknown',
      lastError: 'Network unreachable',
    });
    expect(await renewProfile(h.deps, 'facebook:1')).toMatchObject({ kind: 'unreachable' });
    h.sandbox.close = () => Promise.resolve();
  });
});

describe('networks that need a client secret', () => {
  it('refuse to connect to production without a token-exchange URL, and say why', async () => {
    const h = await harness();
    await storeSettings(h.deps.db, settingsSchema.parse({ version: 2, networks: { linkedin: { clientId: 'c' } } }));
    expect(await connectNetwork(h.deps, 'linkedin')).toEqual({
      kind: 'not-configured',
      reason:
        'LinkedIn needs a token-exchange URL (Options, Advanced): its code exchange requires a client secret, which Token Warden never holds.',
    });
    expect(h.authCalls).toHaveLength(0);
    await h.close();
  });
});
