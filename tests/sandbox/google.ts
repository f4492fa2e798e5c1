import { authorize } from './authorize';
import { bearer, formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import { standardToken } from './standard-token';
import type { SandboxState, TokenRecord } from './state';

type GoogleNetwork = 'youtube' | 'google-business';

const unauthenticated = (): SandboxResponse =>
  json(401, {
    error: {
      code: 401,
      message:
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      status: 'UNAUTHENTICATED',
    },
  });

const permissionDenied = (): SandboxResponse =>
  json(403, { error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' } });

/** Google token endpoint policy: no new refresh token on refresh; invalid_grant when dead. */
export function googleToken(state: SandboxState, network: GoogleNetwork, form: URLSearchParams): SandboxResponse {
  return standardToken(state, network, form, {
    rotate: false,
    keepRefresh: true,
    // Google states no refresh-token expiry.
    shape: ({ refresh_token_expires_in: _drop, ...base }) => base,
    error: (d) => json(400, { error: 'invalid_grant', error_description: d.startsWith('Bad') ? 'Bad Request' : d }),
    scope:
      network === 'youtube'
        ? 'openid https://www.googleapis.com/auth/youtube.readonly'
        : 'openid https://www.googleapis.com/auth/business.manage',
  });
}

function live(state: SandboxState, network: GoogleNetwork, value: string | null): TokenRecord | null {
  const token = state.tokens.get(value ?? '');
  return token && token.network === network && token.kind === 'access' && !state.deadReason(token) ? token : null;
}

/** Google OAuth + YouTube Data API + Business Profile APIs, for one of the two products. */
export const googleRoutes =
  (network: GoogleNetwork) =>
  (state: SandboxState, req: SandboxRequest): SandboxResponse | null => {
    const token = () => live(state, network, bearer(req));
    switch (req.path) {
      case 'accounts.google.com/o/oauth2/v2/auth':
        return authorize(state, { network, clientIdParam: 'client_id', req });
      case 'oauth2.googleapis.com/token':
        return googleToken(state, network, formOf(req));
      case 'oauth2.googleapis.com/tokeninfo': {
        const t = live(state, network, req.query.get('access_token'));
        if (!t) return json(400, { error: 'invalid_token', error_description: 'Invalid Value' });
        const expiresIn = Math.max(0, Math.round(((t.expiresAt ?? 0) - state.now()) / 1000));
        return json(200, {
          azp: 'sandbox-app',
          aud: 'sandbox-app',
          sub: t.accountId,
          scope: 'openid',
          exp: String(Math.round((t.expiresAt ?? 0) / 1000)),
          expires_in: String(expiresIn),
        });
      }
      case 'www.googleapis.com/oauth2/v3/userinfo': {
        const t = token();
        if (!t) return unauthenticated();
        const a = state.accounts.get(t.accountId)!;
        return json(200, { sub: a.id, name: a.name, email: `${a.username}@example.org`, picture: `https://sandbox.invalid/${a.id}.png` });
      }
      case 'www.googleapis.com/youtube/v3/channels': {
        const t = token();
        if (!t) return unauthenticated();
        // mine=true: the channel the grant is bound to (chosen on the consent screen), nothing else.
        const items = state.accounts
          .get(t.accountId)!
          .pages.filter((p) => p.tasks.length > 0 && (!t.channelId || p.id === t.channelId))
          .map((p) => ({
            kind: 'youtube#channel',
            id: p.id,
            snippet: {
              title: p.name,
              customUrl: `@${p.name.toLowerCase().replace(/\W+/g, '')}`,
              thumbnails: { default: { url: `https://sandbox.invalid/${p.id}.jpg` } },
            },
          }));
        return json(200, { kind: 'youtube#channelListResponse', pageInfo: { totalResults: items.length, resultsPerPage: 50 }, items });
      }
      case 'mybusinessaccountmanagement.googleapis.com/v1/accounts': {
        const t = token();
        if (!t) return unauthenticated();
        const a = state.accounts.get(t.accountId)!;
        return json(200, {
          accounts: [{ name: `accounts/${a.id}`, accountName: a.name, type: 'PERSONAL', verificationState: 'VERIFIED' }],
        });
      }
      default: {
        const m = /^mybusinessbusinessinformation\.googleapis\.com\/v1\/accounts\/([^/]+)\/locations$/.exec(req.path);
        if (!m) return null;
        const t = token();
        if (!t) return unauthenticated();
        if (m[1] !== t.accountId) return permissionDenied();
        const locations = state.accounts
          .get(t.accountId)!
          .pages.filter((p) => p.tasks.length > 0)
          .map((p) => ({ name: `locations/${p.id}`, title: p.name }));
        return json(200, { locations });
      }
    }
  };
