import { instagram } from '@/utils/networks/instagram';
import { threads } from '@/utils/networks/threads';
import { DAY } from '@/utils/time';
import { context, NOW, scriptedFetch } from './support/fake-fetch';

describe('Instagram (through Facebook Login)', () => {
  it('lists the Instagram accounts linked to pages, with full control from the page tasks', async () => {
    const { fetch, calls } = scriptedFetch({
      body: {
        data: [
          { id: 'p1', name: 'Fern Page', tasks: ['MANAGE'], instagram_business_account: { id: 'ig1', username: 'fern', name: 'Fern' } },
          { id: 'p2', name: 'No IG', tasks: ['MANAGE'] },
          { id: 'p3', name: 'Editor only', tasks: ['CREATE_CONTENT'], instagram_business_account: { id: 'ig3', username: 'ed' } },
        ],
      },
    });
    expect(await instagram.listProfiles(context(fetch), 'EAA', { id: 'u', name: 'U' })).toEqual([
      { nativeId: 'ig1', kind: 'account', name: 'Fern', handle: '@fern', canManage: true },
      { nativeId: 'ig3', kind: 'account', name: 'ed', handle: '@ed', canManage: false },
    ]);
    expect(new URL(calls[0]!.url).searchParams.get('fields')).toContain('instagram_business_account');
  });

  it('treats error_subcode 33 (object missing or no permission) as a missing permission', async () => {
    const { fetch } = scriptedFetch({
      status: 400,
      body: { error: { message: 'Unsupported get request.', code: 100, error_subcode: 33 } },
    });
    expect(await instagram.inspect(context(fetch), { accessToken: 'EAA', accessExpiresAt: null, scopes: [] })).toMatchObject({
      kind: 'invalid',
      code: 'permission',
    });
  });
});

describe('Threads', () => {
  const long = { accessToken: 'THAA', refreshToken: 'THAA', accessExpiresAt: NOW + 10 * DAY, scopes: [] };

  it('exchanges code → short → long-lived token, stored as its own refresh credential', async () => {
    const { fetch, calls } = scriptedFetch(
      { body: { access_token: 'short', user_id: 1 } },
      { body: { access_token: 'THAA2', token_type: 'bearer', expires_in: 5_183_944 } },
    );
    const out = await threads.exchangeCode(context(fetch), 'CODE', 'VER', 'https://r/');
    expect(out).toEqual({
      ok: true,
      tokens: {
        accessToken: 'THAA2',
        refreshToken: 'THAA2',
        accessExpiresAt: NOW + 5_183_944_000,
        refreshExpiresAt: NOW + 5_183_944_000,
        scopes: ['threads_basic', 'threads_content_publish'],
      },
    });
    expect(calls[0]!.url).toBe('https://graph.threads.net/oauth/access_token');
    expect(new URL(calls[1]!.url).searchParams.get('grant_type')).toBe('th_exchange_token');
  });

  it('refreshes with th_refresh_token and the long-lived token itself', async () => {
    const { fetch, calls } = scriptedFetch({ body: { access_token: 'THAA3', token_type: 'bearer', expires_in: 5_184_000 } });
    expect((await threads.refresh!(context(fetch), long)).ok).toBe(true);
    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe('https://graph.threads.net/refresh_access_token');
    expect(Object.fromEntries(url.searchParams)).toEqual({ grant_type: 'th_refresh_token', access_token: 'THAA' });
  });

  it('may refresh only a token at least 24 h old and unexpired', () => {
    expect(threads.canRefresh!({ issuedAt: NOW - DAY, accessExpiresAt: NOW + DAY }, NOW)).toBe(true);
    expect(threads.canRefresh!({ issuedAt: NOW - DAY + 1, accessExpiresAt: NOW + DAY }, NOW)).toBe(false);
    expect(threads.canRefresh!({ issuedAt: NOW - 70 * DAY, accessExpiresAt: NOW }, NOW)).toBe(false);
  });

  it('classifies "Error validating access token" (190) as invalid', async () => {
    const { fetch } = scriptedFetch({
      status: 400,
      body: { error: { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190 } },
    });
    expect(await threads.inspect(context(fetch), long)).toMatchObject({ kind: 'invalid', code: '190' });
  });
});
