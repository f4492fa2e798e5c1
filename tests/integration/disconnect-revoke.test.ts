import { connectNetwork } from '@/entrypoints/background/connect';
import { historyText } from '@/utils/history-facts';
import { disconnectProfile } from '@/entrypoints/background/disconnect';
import { addOne } from '../sandbox/fixtures';
import { harness, type Harness } from './support/harness';

describe('Disconnect revokes the login at the network, then deletes it', () => {
  let h: Harness;
  beforeEach(async () => (h = await harness()));
  afterEach(() => h.close());

  const liveTokens = (network: string) =>
    [...h.sandbox.state.tokens.values()].filter((t) => t.network === network && !h.sandbox.state.deadReason(t));
  const requests = (pattern: RegExp) =>
    h.sandbox.state.log.filter((l) => pattern.test(l.path)).map((l) => `${l.method} ${l.path} ${l.status}`);

  it('Meta: DELETE /me/permissions only when the last profile of that login goes', async () => {
    h.sandbox.state.addAccount({
      network: 'facebook',
      name: 'Alex',
      pages: [
        { id: '1', name: 'A', tasks: ['MANAGE'] },
        { id: '2', name: 'B', tasks: ['MANAGE'] },
      ],
    });
    await connectNetwork(h.deps, 'facebook');
    expect(await disconnectProfile(h.deps, 'facebook:1')).toEqual({ ok: true });
    // Page B still lives on that login: its token is not revoked.
    expect(requests(/permissions/)).toEqual([]);
    expect(liveTokens('facebook').length).toBeGreaterThan(0);

    expect(await disconnectProfile(h.deps, 'facebook:2')).toEqual({ ok: true, revoked: 'revoked' });
    expect(requests(/permissions/)).toEqual(['DELETE graph.facebook.com/v21.0/me/permissions 200']);
    expect(liveTokens('facebook')).toEqual([]);
    expect(await h.deps.db.grants.count()).toBe(0);
    expect(await h.deps.db.secrets.count()).toBe(0);
    const history = await h.deps.db.history.where('[profileId+at]').between(['facebook:2', 0], ['facebook:2', Infinity]).toArray();
    expect(historyText(history.at(-1)!)).toBe('Disconnected: access revoked at Facebook');
  });

  it.each([
    ['youtube', /oauth2\.googleapis\.com\/revoke/, ['POST oauth2.googleapis.com/revoke 200']],
    ['x', /oauth2\/revoke/, ['POST api.x.com/2/oauth2/revoke 200', 'POST api.x.com/2/oauth2/revoke 200']],
  ] as const)('%s: the revocation endpoint is called and every token of the login dies', async (network, path, expected) => {
    const { profileId } = addOne(h.sandbox.state, network, 'Solo', '7');
    await connectNetwork(h.deps, network);
    expect(liveTokens(network).length).toBeGreaterThan(0);
    expect(await disconnectProfile(h.deps, profileId)).toEqual({ ok: true, revoked: 'revoked' });
    expect(requests(path)).toEqual(expected);
    expect(liveTokens(network)).toEqual([]);
    expect(await h.deps.db.secrets.count()).toBe(0);
  });

  it('a network with no revocation a browser may call (TikTok: it needs the secret): deleted, and said', async () => {
    const { profileId } = addOne(h.sandbox.state, 'tiktok', 'Solo', '7');
    await connectNetwork(h.deps, 'tiktok');
    expect(await disconnectProfile(h.deps, profileId)).toEqual({ ok: true, revoked: 'no-endpoint' });
    expect(await h.deps.db.secrets.count()).toBe(0);
  });

  it('a revocation the network does not confirm (5xx): still deleted here, and the person is told to remove the app', async () => {
    const { profileId } = addOne(h.sandbox.state, 'youtube', 'Solo', '7');
    await connectNetwork(h.deps, 'youtube');
    h.sandbox.state.faults.set('youtube', { mode: '5xx' });
    expect(await disconnectProfile(h.deps, profileId)).toEqual({ ok: true, revoked: 'failed' });
    expect(await h.deps.db.secrets.count()).toBe(0);
    const history = await h.deps.db.history.where('[profileId+at]').between([profileId, 0], [profileId, Infinity]).toArray();
    expect(historyText(history.at(-1)!)).toBe('Disconnected, but YouTube did not confirm the revocation: remove the app in its settings');
  });
});
