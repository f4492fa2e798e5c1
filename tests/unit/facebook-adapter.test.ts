import { facebook } from '@/utils/networks/facebook';
import { context, NOW, scriptedFetch } from './support/fake-fetch';

const tokens = { accessToken: 'EAAuser', accessExpiresAt: null, scopes: [] };
const graphError = (code: number, subcode?: number, message = 'Error validating access token') => ({
  status: 400,
  body: { error: { message, type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'x' } },
});

describe('facebook adapter', () => {
  it('builds an authorization-code + PKCE S256 authorize URL', () => {
    const url = new URL(
      facebook.authorizeUrl({ clientId: 'app-1', redirectUri: 'https://id.chromiumapp.org/', state: 'st', codeChallenge: 'ch' }),
    );
    expect(url.origin + url.pathname).toBe('https://www.facebook.com/v21.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'app-1',
      response_type: 'code',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      redirect_uri: 'https://id.chromiumapp.org/',
    });
  });

  it('exchanges the code, then the short token for a long-lived one, via the override base', async () => {
    const { fetch, calls } = scriptedFetch(
      { body: { access_token: 'short', expires_in: 7200 } },
      { body: { access_token: 'long', token_type: 'bearer', expires_in: 5_184_000 } },
    );
    const out = await facebook.exchangeCode(context(fetch, { baseUrl: 'http://127.0.0.1:9/facebook' }), 'CODE', 'VER', 'https://r/');
    expect(out).toEqual({ ok: true, tokens: expect.objectContaining({ accessToken: 'long', accessExpiresAt: NOW + 5_184_000_000 }) });
    const [first, second] = calls.map((c) => new URL(c.url));
    expect(first!.pathname).toBe('/facebook/graph.facebook.com/v21.0/oauth/access_token');
    expect(Object.fromEntries(first!.searchParams)).toMatchObject({
      code: 'CODE',
      code_verifier: 'VER',
      redirect_uri: 'https://r/',
      client_id: 'app-1',
    });
    expect(Object.fromEntries(second!.searchParams)).toMatchObject({ grant_type: 'fb_exchange_token', fb_exchange_token: 'short' });
    expect(calls.every((c) => !c.url.includes('client_secret'))).toBe(true);
  });

  it('sends the exchange to the token-exchange URL as JSON when one is set', async () => {
    const { fetch, calls } = scriptedFetch({ body: { access_token: 'short' } }, { body: { access_token: 'long', expires_in: 100 } });
    await facebook.exchangeCode(context(fetch, { exchangeUrl: 'https://tokens.example.org/x' }), 'CODE', 'VER', 'https://r/');
    expect(calls[0]).toMatchObject({ url: 'https://tokens.example.org/x', method: 'POST' });
    expect(JSON.parse(calls[0]!.body)).toEqual({
      network: 'facebook',
      client_id: 'app-1',
      grant_type: 'authorization_code',
      code: 'CODE',
      code_verifier: 'VER',
      redirect_uri: 'https://r/',
    });
  });

  describe('inspect (debug_token) classifier', () => {
    it('valid: the earlier of expires_at and data_access_expires_at', async () => {
      const { fetch } = scriptedFetch({
        body: { data: { is_valid: true, expires_at: 1_805_000_000, data_access_expires_at: 1_808_000_000, scopes: ['pages_show_list'] } },
      });
      expect(await facebook.inspect(context(fetch), tokens)).toEqual({
        kind: 'valid',
        expiresAt: 1_805_000_000_000,
        scopes: ['pages_show_list'],
      });
    });
    it('valid with expires_at 0 (never) uses data access expiry', async () => {
      const { fetch } = scriptedFetch({ body: { data: { is_valid: true, expires_at: 0, data_access_expires_at: 1_808_000_000 } } });
      expect(await facebook.inspect(context(fetch), tokens)).toMatchObject({ kind: 'valid', expiresAt: 1_808_000_000_000 });
    });
    it.each([
      [460, 'The Facebook password was changed'],
      [458, 'The app was removed from the Facebook account'],
      [463, 'The Facebook session expired'],
      [467, 'The person logged out of Facebook'],
      [459, 'The Facebook account is locked by a security checkpoint'],
    ])('invalid: error 190 subcode %d', async (subcode, reason) => {
      const { fetch } = scriptedFetch(graphError(190, subcode));
      expect(await facebook.inspect(context(fetch), tokens)).toEqual({ kind: 'invalid', reason, code: `190/${subcode}` });
    });
    it('invalid: is_valid false inside data', async () => {
      const { fetch } = scriptedFetch({
        body: { data: { is_valid: false, error: { code: 190, message: 'Session has expired', subcode: 463 } } },
      });
      expect(await facebook.inspect(context(fetch), tokens)).toMatchObject({ kind: 'invalid', code: '190/463' });
    });
    it('permission errors (code 10, 200-299) are invalid with code "permission"', async () => {
      const { fetch } = scriptedFetch(graphError(200, undefined, 'Requires pages_read_engagement'));
      expect(await facebook.inspect(context(fetch), tokens)).toEqual({
        kind: 'invalid',
        reason: 'Requires pages_read_engagement',
        code: 'permission',
      });
    });
    it.each([
      ['5xx', { status: 503, body: {} }, 'The network had an error (HTTP 503)'],
      ['429', { status: 429, body: {}, headers: { 'retry-after': '120' } }, 'Rate limited by the network'],
      ['Graph rate limit code 4', graphError(4), 'Rate limited by Facebook'],
      ['malformed JSON', { raw: '<html>oops' }, 'Unexpected answer from the network (HTTP 200)'],
      ['wrong types', { body: { data: { is_valid: 'yes' } } }, 'Unexpected answer from the network (HTTP 200)'],
      ['offline', new TypeError('Failed to fetch'), 'Network unreachable'],
    ])('unknown: %s', async (_, answer, reason) => {
      const { fetch } = scriptedFetch(answer);
      expect(await facebook.inspect(context(fetch), tokens)).toMatchObject({ kind: 'unknown', reason });
    });
    it('a 429 carries Retry-After', async () => {
      const { fetch } = scriptedFetch({ status: 429, body: {}, headers: { 'retry-after': '120' } });
      expect(await facebook.inspect(context(fetch), tokens)).toMatchObject({ retryAfterMs: 120_000 });
    });
  });

  it('lists pages with whether the identity fully controls them', async () => {
    const { fetch, calls } = scriptedFetch({
      body: {
        data: [
          { id: '1', name: 'Café', tasks: ['MANAGE', 'CREATE_CONTENT'] },
          { id: '2', name: 'Bakery', tasks: ['CREATE_CONTENT'] },
        ],
        paging: { cursors: {} },
      },
    });
    const pages = await facebook.listProfiles(context(fetch), 'EAAuser', { id: 'u', name: 'U' });
    expect(pages).toEqual([
      expect.objectContaining({ nativeId: '1', kind: 'page', name: 'Café', canManage: true }),
      expect.objectContaining({ nativeId: '2', canManage: false }),
    ]);
    expect(new URL(calls[0]!.url).pathname).toBe('/v21.0/me/accounts');
  });
});

describe('HTTP cache', () => {
  it('every network request is made with cache "no-store" (a token in a URL must not reach the disk cache)', async () => {
    let seen: RequestCache | undefined;
    const fetch = (_url: string, init?: RequestInit) => {
      seen = init?.cache;
      return Promise.resolve(new Response(JSON.stringify({ data: { is_valid: true } })));
    };
    await facebook.inspect(context(fetch), tokens);
    expect(seen).toBe('no-store');
  });
});
