import { authorize } from './authorize';
import { bearer, formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import { standardToken } from './standard-token';
import type { SandboxState } from './state';

/** X OAuth 2.0: public client (no secret), rotating refresh tokens with no stated expiry. */
export function xToken(state: SandboxState, form: URLSearchParams): SandboxResponse {
  return standardToken(state, 'x', form, {
    rotate: true,
    error: () => json(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' }),
    scope: 'tweet.read users.read offline.access',
    shape: ({ refresh_token_expires_in: _drop, ...base }) => base,
  });
}

export function xRoutes(state: SandboxState, req: SandboxRequest): SandboxResponse | null {
  switch (req.path) {
    case 'x.com/i/oauth2/authorize':
      return authorize(state, { network: 'x', clientIdParam: 'client_id', req });
    case 'api.x.com/2/oauth2/token':
      return xToken(state, formOf(req));
    case 'api.x.com/2/users/me': {
      const t = state.tokens.get(bearer(req) ?? '');
      if (!t || t.network !== 'x' || t.kind !== 'access' || state.deadReason(t)) {
        return json(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      }
      const a = state.accounts.get(t.accountId)!;
      return json(200, {
        data: { id: a.id, name: a.name, username: a.username, profile_image_url: `https://sandbox.invalid/${a.id}.jpg` },
      });
    }
    default:
      return null;
  }
}
