import { linkedin } from '@/utils/networks/linkedin';
import { pinterest } from '@/utils/networks/pinterest';
import { x } from '@/utils/networks/x';
import { context, NOW, scriptedFetch } from './support/fake-fetch';

const tokens = { accessToken: 'AQV', refreshToken: 'AQX', accessExpiresAt: NOW + 1000, scopes: [] };

describe('LinkedIn', () => {
  it('introspects through the token-exchange URL (it needs the client secret)', async () => {
    const { fetch, calls } = scriptedFetch({ body: { active: false, status: 'revoked' } });
    const out = await linkedin.inspect(context(fetch, { exchangeUrl: 'https://t.example/x' }), tokens);
    expect(out).toEqual({ kind: 'invalid', reason: 'LinkedIn says the token is revoked', code: 'active:false' });
    expect(JSON.parse(calls[0]!.body)).toEqual({ network: 'linkedin', grant_type: 'introspect', client_id: 'app-1', token: 'AQV' });
  });

  it('without an exchange URL, checks with userinfo: 401 (serviceErrorCode 65600) is invalid', async () => {
    const { fetch, calls } = scriptedFetch({
      status: 401,
      body: { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token', status: 401 },
    });
    expect(await linkedin.inspect(context(fetch), tokens)).toEqual({ kind: 'invalid', reason: 'Invalid access token', code: '65600' });
    expect(calls[0]!.url).toBe('https://api.linkedin.com/v2/userinfo');
  });

  it('lists the personal profile and the company pages, Super Admin = ADMINISTRATOR', async () => {
    const { fetch, calls } = scriptedFetch(
      {
        body: {
          elements: [
            { organization: 'urn:li:organization:11', role: 'ADMINISTRATOR' },
            { organization: 'urn:li:organization:22', role: 'CONTENT_ADMINISTRATOR' },
          ],
        },
      },
      { body: { id: 11, localizedName: 'Fern Foods', vanityName: 'fern-foods' } },
      { body: { id: 22, localizedName: 'Other Co' } },
    );
    expect(await linkedin.listProfiles(context(fetch), 'AQV', { id: 'abc', name: 'Alex' })).toEqual([
      { nativeId: 'person-abc', kind: 'personal', name: 'Alex', canManage: true },
      { nativeId: 'org-11', kind: 'company', name: 'Fern Foods', handle: 'fern-foods', canManage: true },
      { nativeId: 'org-22', kind: 'company', name: 'Other Co', handle: undefined, canManage: false },
    ]);
    expect(calls[0]!.headers['linkedin-version']).toMatch(/^\d{6}$/);
  });

  it('lists a page once when the person holds two roles on it (one ACL per role): managed if one is ADMINISTRATOR', async () => {
    const { fetch, calls } = scriptedFetch(
      {
        body: {
          elements: [
            { organization: 'urn:li:organization:11', role: 'ANALYST' },
            { organization: 'urn:li:organization:11', role: 'ADMINISTRATOR' },
            { organization: 'urn:li:organization:22', role: 'ANALYST' },
            { organization: 'urn:li:organization:22', role: 'CURATOR' },
          ],
        },
      },
      { body: { id: 11, localizedName: 'Fern Foods', vanityName: 'fern-foods' } },
      { body: { id: 22, localizedName: 'Other Co' } },
    );
    const listed = await linkedin.listProfiles(context(fetch), 'AQV', { id: 'abc', name: 'Alex' });
    expect(listed).toMatchObject([
      { nativeId: 'person-abc' },
      { nativeId: 'org-11', canManage: true },
      { nativeId: 'org-22', canManage: false },
    ]);
    expect(calls).toHaveLength(3); // each organization read once
  });

  it('takes the refresh token expiry from refresh_token_expires_in', async () => {
    const { fetch } = scriptedFetch({
      body: { access_token: 'AQV2', expires_in: 5_184_000, refresh_token: 'AQX', refresh_token_expires_in: 1000 },
    });
    expect(await linkedin.refresh!(context(fetch), tokens)).toMatchObject({ ok: true, tokens: { refreshExpiresAt: NOW + 1_000_000 } });
  });
});

describe('Pinterest', () => {
  it('refreshes continuously (refresh_on=true) and reads refresh_token_expires_at', async () => {
    const { fetch, calls } = scriptedFetch({
      body: {
        access_token: 'pina_2',
        refresh_token: 'pinr_2',
        expires_in: 2_592_000,
        refresh_token_expires_at: 1_831_536_000,
        scope: 'boards:read,pins:read',
        response_type: 'refresh_token',
      },
    });
    expect(await pinterest.refresh!(context(fetch), tokens)).toEqual({
      ok: true,
      tokens: {
        accessToken: 'pina_2',
        refreshToken: 'pinr_2',
        accessExpiresAt: NOW + 2_592_000_000,
        refreshExpiresAt: 1_831_536_000_000,
        scopes: ['boards:read', 'pins:read'],
      },
    });
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toMatchObject({ grant_type: 'refresh_token', refresh_on: 'true' });
    expect(calls[0]!.url).toBe('https://api.pinterest.com/v5/oauth/token');
  });

  it.each([
    [401, { code: 2, message: 'Authentication failed.' }, { kind: 'invalid', code: '401' }],
    [403, { code: 29, message: 'You are not permitted to access that resource.' }, { kind: 'invalid', code: 'permission' }],
    [400, { code: 1, message: 'Invalid parameters.' }, { kind: 'unknown' }],
  ])('classifies user_account HTTP %d', async (status, body, expected) => {
    const { fetch } = scriptedFetch({ status, body });
    expect(await pinterest.inspect(context(fetch), tokens)).toMatchObject(expected);
  });
});

describe('X', () => {
  it('is a public client: PKCE S256 and offline.access, never a secret', async () => {
    const url = new URL(x.authorizeUrl({ clientId: 'c', redirectUri: 'https://r/', state: 's', codeChallenge: 'ch' }));
    expect(url.origin + url.pathname).toBe('https://x.com/i/oauth2/authorize');
    expect(url.searchParams.get('scope')).toBe('tweet.read users.read offline.access');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const { fetch, calls } = scriptedFetch({
      body: { token_type: 'bearer', expires_in: 7200, access_token: 'xa', scope: 'tweet.read', refresh_token: 'xr' },
    });
    await x.exchangeCode(context(fetch), 'CODE', 'VER', 'https://r/');
    expect(calls[0]!.url).toBe('https://api.x.com/2/oauth2/token');
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toEqual({
      client_id: 'app-1',
      grant_type: 'authorization_code',
      code: 'CODE',
      code_verifier: 'VER',
      redirect_uri: 'https://r/',
    });
  });

  it('a refused refresh token (invalid_request "token was invalid") is definitive', async () => {
    const { fetch } = scriptedFetch({
      status: 400,
      body: { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' },
    });
    expect(await x.refresh!(context(fetch), tokens)).toMatchObject({ ok: false, result: { kind: 'invalid' } });
  });

  it('users/me: 401 is invalid, 429 is transient with Retry-After', async () => {
    const dead = scriptedFetch({ status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } });
    expect(await x.inspect(context(dead.fetch), tokens)).toEqual({ kind: 'invalid', reason: 'Unauthorized', code: '401' });
    const limited = scriptedFetch({ status: 429, body: { title: 'Too Many Requests' }, headers: { 'retry-after': '900' } });
    expect(await x.inspect(context(limited.fetch), tokens)).toMatchObject({ kind: 'unknown', retryAfterMs: 900_000 });
  });
});
