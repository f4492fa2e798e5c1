import { authorize } from './authorize';
import { bearer, formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import { standardToken } from './standard-token';
import type { SandboxState } from './state';

const authFailed = () => json(401, { code: 2, message: 'Authentication failed.' });

/** Pinterest v5 token endpoint with continuous refresh (refresh_on=true → a new refresh token). */
export function pinterestToken(state: SandboxState, form: URLSearchParams): SandboxResponse {
  return standardToken(state, 'pinterest', form, {
    rotate: true,
    error: () => authFailed(),
    scope: 'boards:read,pins:read,user_accounts:read',
    shape: (base, refreshExpiresAt) => ({
      ...base,
      response_type: form.get('grant_type'),
      ...(refreshExpiresAt ? { refresh_token_expires_at: Math.floor(refreshExpiresAt / 1000) } : {}),
    }),
  });
}

export function pinterestRoutes(state: SandboxState, req: SandboxRequest): SandboxResponse | null {
  switch (req.path) {
    case 'www.pinterest.com/oauth/':
      return authorize(state, { network: 'pinterest', clientIdParam: 'client_id', req });
    case 'api.pinterest.com/v5/oauth/token':
      return pinterestToken(state, formOf(req));
    case 'api.pinterest.com/v5/user_account': {
      const t = state.tokens.get(bearer(req) ?? '');
      if (!t || t.network !== 'pinterest' || t.kind !== 'access' || state.deadReason(t)) return authFailed();
      const a = state.accounts.get(t.accountId)!;
      return json(200, {
        account_type: 'BUSINESS',
        id: a.id,
        username: a.username,
        business_name: a.name,
        profile_image: `https://sandbox.invalid/${a.id}.jpg`,
      });
    }
    default:
      return null;
  }
}
