import { tiktok } from '@/utils/networks/tiktok';
import { context, NOW, scriptedFetch } from './support/fake-fetch';

const pair = {
  access_token: 'act.1',
  expires_in: 86400,
  open_id: 'o1',
  refresh_token: 'rft.2',
  refresh_expires_in: 31_536_000,
  scope: 'user.info.basic',
  token_type: 'Bearer',
};
const tokens = { accessToken: 'act.1', refreshToken: 'rft.1', accessExpiresAt: NOW + 1000, scopes: [] };

describe('tiktok adapter', () => {
  it('authorize URL uses client_key and PKCE S256', () => {
    const url = new URL(tiktok.authorizeUrl({ clientId: 'ck', redirectUri: 'https://r/', state: 's', codeChallenge: 'c' }));
    expect(url.origin + url.pathname).toBe('https://www.tiktok.com/v2/auth/authorize/');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_key: 'ck',
      response_type: 'code',
      code_challenge_method: 'S256',
      code_challenge: 'c',
      state: 's',
    });
  });

  it('refresh posts a refresh_token grant and returns the ROTATED refresh token with both expiries', async () => {
    const { fetch, calls } = scriptedFetch({ body: pair });
    const out = await tiktok.refresh!(context(fetch), tokens);
    expect(out).toEqual({
      ok: true,
      tokens: {
        accessToken: 'act.1',
        refreshToken: 'rft.2',
        accessExpiresAt: NOW + 86_400_000,
        refreshExpiresAt: NOW + 31_536_000_000,
        scopes: ['user.info.basic'],
      },
    });
    expect(calls[0]).toMatchObject({ url: 'https://open.tiktokapis.com/v2/oauth/token/', method: 'POST' });
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toEqual({
      client_key: 'app-1',
      grant_type: 'refresh_token',
      refresh_token: 'rft.1',
    });
  });

  it.each([
    [
      'invalid_grant',
      { status: 400, body: { error: 'invalid_grant', error_description: 'Refresh token is invalid or expired.', log_id: 'l' } },
      'invalid',
    ],
    ['HTTP 401 with no body', { status: 401, raw: '' }, 'invalid'],
    ['5xx', { status: 500, body: {} }, 'unknown'],
    ['rate limited', { status: 400, body: { error: 'rate_limit_exceeded', log_id: 'l' } }, 'unknown'],
    ['malformed', { raw: 'not json' }, 'unknown'],
  ])('refresh classifies %s as %s', async (_, answer, kind) => {
    const { fetch } = scriptedFetch(answer);
    const out = await tiktok.refresh!(context(fetch), tokens);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.result.kind).toBe(kind);
  });

  it('inspect sends the bearer token to user/info and classifies answers', async () => {
    const ok = scriptedFetch({ body: { data: { user: { open_id: 'o1', display_name: 'Fern' } }, error: { code: 'ok', message: '' } } });
    expect(await tiktok.inspect(context(ok.fetch), tokens)).toEqual({ kind: 'valid' });
    expect(ok.calls[0]!.headers.authorization).toBe('Bearer act.1');
    const dead = scriptedFetch({
      status: 401,
      body: { data: {}, error: { code: 'access_token_invalid', message: 'The access token is invalid or not found in the request.' } },
    });
    expect(await tiktok.inspect(context(dead.fetch), tokens)).toMatchObject({ kind: 'invalid', code: 'access_token_invalid' });
    const scope = scriptedFetch({ status: 403, body: { data: {}, error: { code: 'scope_not_authorized', message: 'no scope' } } });
    expect(await tiktok.inspect(context(scope.fetch), tokens)).toMatchObject({ kind: 'invalid', code: 'permission' });
    const slow = scriptedFetch(new DOMException('timed out', 'TimeoutError'));
    expect(await tiktok.inspect(context(slow.fetch), tokens)).toEqual({ kind: 'unknown', reason: 'The network did not answer in time' });
  });
});
