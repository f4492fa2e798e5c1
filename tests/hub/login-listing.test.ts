import { loginListing } from '../../hub/login-listing';
import { adapterFor } from '../../utils/networks/index';
import { context, scriptedFetch } from '../unit/support/fake-fetch';
import { connectTwoPages, startTestHub, type TestHub } from './support/hub';

const page = (id: string, tasks = ['MANAGE']) => ({ id, name: `Page ${id}`, tasks });

describe('who signed in and what the login lists, as the hub asks it (Facebook Login: one Graph call)', () => {
  it('asks /me with the pages expanded, follows its paging link, and maps them as the adapter does', async () => {
    const { fetch, calls } = scriptedFetch(
      {
        body: {
          id: 'u1',
          name: 'Alex',
          accounts: {
            data: [page('1'), page('2', ['ANALYZE'])],
            paging: { next: 'https://graph.facebook.com/v21.0/u1/accounts?access_token=T&limit=100&after=QVFI' },
          },
        },
      },
      { body: { data: [page('3')], paging: {} } },
    );
    const out = await loginListing(adapterFor('facebook')!, context(fetch), 'T');
    expect(out).toEqual({
      identity: { id: 'u1', name: 'Alex' },
      listed: [
        expect.objectContaining({ nativeId: '1', kind: 'page', canManage: true }),
        expect.objectContaining({ nativeId: '2', canManage: false }),
        expect.objectContaining({ nativeId: '3', canManage: true }),
      ],
    });
    const first = new URL(calls[0]!.url);
    expect(first.pathname).toBe('/v21.0/me');
    expect(first.searchParams.get('fields')).toBe('id,name,accounts.limit(100){id,name,tasks,picture}');
    expect(calls[1]!.url).toBe('https://graph.facebook.com/v21.0/u1/accounts?access_token=T&limit=100&after=QVFI');
    expect(calls).toHaveLength(2);
  });

  it('a login with no page (Graph leaves `accounts` out) lists nothing; a dead token is the Graph failure', async () => {
    const none = scriptedFetch({ body: { id: 'u1', name: 'Alex' } });
    expect(await loginListing(adapterFor('instagram')!, context(none.fetch), 'T')).toEqual({
      identity: { id: 'u1', name: 'Alex' },
      listed: [],
    });
    expect(new URL(none.calls[0]!.url).searchParams.get('fields')).toBe(
      'id,name,accounts.limit(100){id,name,tasks,instagram_business_account{id,username,name}}',
    );
    const dead = scriptedFetch({ status: 400, body: { error: { message: 'Session expired', code: 190, error_subcode: 463 } } });
    expect(await loginListing(adapterFor('facebook')!, context(dead.fetch), 'T')).toMatchObject({ kind: 'invalid', code: '190/463' });
  });

  describe('through the hub, against the sandbox', () => {
    let t: TestHub;
    beforeEach(async () => (t = await startTestHub()));
    afterEach(() => t.close());
    const graphPaths = () =>
      t.sandbox.state.log.filter((e) => e.path.startsWith('graph.facebook.com')).map((e) => e.path.replace(/^.*\/v\d+\.\d+\//, ''));

    it('connects a Facebook login in four Graph requests (no /me/accounts), an Instagram one likewise', async () => {
      const owner = await t.device('owner@example.org', 'owner');
      const before = graphPaths().length;
      await connectTwoPages(t, owner); // Alex's login, two pages
      expect(graphPaths().slice(before)).toEqual(['oauth/access_token', 'oauth/access_token', 'me', 'debug_token']);

      await t.control('accounts', {
        network: 'instagram',
        name: 'Sam',
        pages: [{ id: '3', name: 'Studio', instagram: { id: '17841', username: 'studio' } }],
      });
      const ig = await t.api('/v1/exchange', { key: owner, body: { network: 'instagram', ...(await t.authorize('instagram')) } });
      expect(ig.body).toMatchObject({ outcome: 'connected', profiles: 1, listed: [{ id: 'instagram:17841', name: 'Studio' }] });
    });

    it("the sandbox reads Graph's field list as Graph does: an unknown field or unbalanced braces are error 100", async () => {
      const owner = await t.device('owner@example.org', 'owner');
      await t.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
      expect((await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } })).status).toBe(
        200,
      );
      const token = [...t.sandbox.state.tokens.keys()].at(-1)!; // the long-lived one, issued last
      const me = async (fields: string) => {
        const res = await fetch(
          `${t.sandbox.url}/facebook/graph.facebook.com/v21.0/me?${new URLSearchParams({ fields, access_token: token })}`,
        );
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      expect((await me('id,name')).body).toEqual({ id: expect.any(String), name: 'Alex' });
      expect((await me('name,accounts.limit(10){id,name}')).body).toMatchObject({ name: 'Alex', accounts: { data: [{ id: '1' }] } });
      // Only what is asked for comes back (the id always), at every level.
      expect((await me('accounts{name}')).body).toEqual({
        id: expect.any(String),
        accounts: { data: [{ id: '1', name: 'Café' }], paging: expect.any(Object) },
      });
      expect((await me('')).body).toEqual({ id: expect.any(String), name: 'Alex' });
      for (const bad of [
        'id,email',
        'id,accounts{id,name',
        'accounts{id,}',
        'accounts{bogus}',
        'accounts{id}{name}',
        'id,,name',
        'accounts.limit(){id}',
      ])
        expect(await me(bad), bad).toMatchObject({ status: 400, body: { error: { code: 100 } } });
    });
  });
});
