import { googleBusiness } from '@/utils/networks/google-business';
import { youtube } from '@/utils/networks/youtube';
import { context, NOW, scriptedFetch } from './support/fake-fetch';

const tokens = { accessToken: 'ya29.a', refreshToken: '1//r', accessExpiresAt: NOW + 3_599_000, scopes: [] };
const unauthenticated = {
  status: 401,
  body: { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } },
};

describe('Google adapters (YouTube, Business Profile)', () => {
  it('ask for offline access with a forced consent, PKCE S256 and the product scopes', () => {
    const url = new URL(youtube.authorizeUrl({ clientId: 'c', redirectUri: 'https://r/', state: 's', codeChallenge: 'ch' }));
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      access_type: 'offline',
      prompt: 'consent',
      code_challenge_method: 'S256',
      response_type: 'code',
    });
    expect(url.searchParams.get('scope')).toContain('https://www.googleapis.com/auth/youtube.readonly');
    const gbp = new URL(googleBusiness.authorizeUrl({ clientId: 'c', redirectUri: 'https://r/', state: 's', codeChallenge: 'ch' }));
    expect(gbp.searchParams.get('scope')).toContain('https://www.googleapis.com/auth/business.manage');
  });

  it('keep the stored refresh token when a refresh answer carries none', async () => {
    const { fetch, calls } = scriptedFetch({ body: { access_token: 'ya29.b', expires_in: 3599, scope: 'openid', token_type: 'Bearer' } });
    const out = await youtube.refresh!(context(fetch), tokens);
    expect(out).toEqual({
      ok: true,
      tokens: expect.objectContaining({ accessToken: 'ya29.b', refreshToken: '1//r', accessExpiresAt: NOW + 3_599_000 }),
    });
    expect(calls[0]!.url).toBe('https://oauth2.googleapis.com/token');
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toEqual({
      client_id: 'app-1',
      grant_type: 'refresh_token',
      refresh_token: '1//r',
    });
  });

  it.each([
    [
      'invalid_grant',
      { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } },
      'invalid',
    ],
    [
      'invalid_client (a setup problem, not the token)',
      { status: 401, body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } },
      'unknown',
    ],
    ['a 503', { status: 503, body: {} }, 'unknown'],
  ])('classify a refresh answer: %s → %s', async (_, answer, kind) => {
    const { fetch } = scriptedFetch(answer);
    const out = await youtube.refresh!(context(fetch), tokens);
    expect(!out.ok && out.result.kind).toBe(kind);
  });

  it('inspect with tokeninfo: valid, invalid_token, UNAUTHENTICATED, malformed', async () => {
    const ok = scriptedFetch({ body: { azp: 'c', scope: 'openid https://www.googleapis.com/auth/youtube.readonly', expires_in: '3000' } });
    expect(await youtube.inspect(context(ok.fetch), tokens)).toEqual({
      kind: 'valid',
      scopes: ['openid', 'https://www.googleapis.com/auth/youtube.readonly'],
    });
    expect(ok.calls[0]!.url).toBe('https://oauth2.googleapis.com/tokeninfo?access_token=ya29.a');
    const bad = scriptedFetch({ status: 400, body: { error: 'invalid_token', error_description: 'Invalid Value' } });
    expect(await youtube.inspect(context(bad.fetch), tokens)).toMatchObject({ kind: 'invalid', code: 'invalid_token' });
    const unauth = scriptedFetch(unauthenticated);
    expect(await youtube.inspect(context(unauth.fetch), tokens)).toMatchObject({ kind: 'invalid', code: 'UNAUTHENTICATED' });
    const junk = scriptedFetch({ raw: '<html>' });
    expect(await youtube.inspect(context(junk.fetch), tokens)).toMatchObject({ kind: 'unknown' });
  });

  it('YouTube lists the channels the identity can act as', async () => {
    const { fetch, calls } = scriptedFetch({ body: { items: [{ id: 'UC1', snippet: { title: 'Fern TV', customUrl: '@ferntv' } }] } });
    expect(await youtube.listProfiles(context(fetch), 'ya29.a', { id: 'u', name: 'U' })).toEqual([
      { nativeId: 'UC1', kind: 'channel', name: 'Fern TV', handle: '@ferntv', avatar: undefined, canManage: true },
    ]);
    expect(calls[0]!.headers.authorization).toBe('Bearer ya29.a');
    expect(calls[0]!.url).toContain('youtube/v3/channels?part=snippet&mine=true');
  });

  it('Business Profile lists locations of every account, skipping one with PERMISSION_DENIED', async () => {
    const { fetch } = scriptedFetch(
      {
        body: {
          accounts: [
            { name: 'accounts/1', accountName: 'Fern' },
            { name: 'accounts/2', accountName: 'Other' },
          ],
        },
      },
      { body: { locations: [{ name: 'locations/9', title: 'Fern Café Main St' }] } },
      { status: 403, body: { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } } },
    );
    expect(await googleBusiness.listProfiles(context(fetch), 'ya29.a', { id: 'u', name: 'U' })).toEqual([
      { nativeId: '9', kind: 'location', name: 'Fern Café Main St', handle: 'Fern', canManage: true },
    ]);
  });
});
