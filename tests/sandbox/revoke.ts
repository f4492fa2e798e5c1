import { formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import type { SandboxState, TokenRecord } from './state';

/** Every token of the login that issued `token` dies: a revocation ends the whole grant. */
function revokeLogin(state: SandboxState, token: TokenRecord): void {
  for (const t of state.tokens.values())
    if (t.accountId === token.accountId && t.network === token.network && !t.revoked) t.revoked = 'revoked';
}

const live = (state: SandboxState, networks: string[], value: string | null) => {
  const t = value ? state.tokens.get(value) : undefined;
  return t && networks.includes(t.network) && !state.deadReason(t) ? t : undefined;
};

/**
 * The networks' revocation endpoints, with their real paths and answers: Google
 * `POST oauth2.googleapis.com/revoke` (token=), X `POST api.x.com/2/oauth2/revoke`
 * (token=, client_id=), Meta `DELETE graph.facebook.com/vX/me/permissions`
 * (removes the app for that login). Null when the request is none of these.
 */
export function revokeRoute(state: SandboxState, network: string, req: SandboxRequest): SandboxResponse | null {
  if ((network === 'youtube' || network === 'google-business') && req.path === 'oauth2.googleapis.com/revoke' && req.method === 'POST') {
    const t = live(state, ['youtube', 'google-business'], formOf(req).get('token') ?? req.query.get('token'));
    if (!t) return json(400, { error: 'invalid_token', error_description: 'Token expired or revoked' });
    revokeLogin(state, t);
    return json(200, {});
  }
  if (network === 'x' && req.path === 'api.x.com/2/oauth2/revoke' && req.method === 'POST') {
    const form = formOf(req);
    if (!form.get('client_id'))
      return json(400, { error: 'invalid_request', error_description: 'Missing required parameter [client_id].' });
    const t = live(state, ['x'], form.get('token'));
    // X answers revoked: true for a token it no longer knows too (RFC 7009).
    if (t) revokeLogin(state, t);
    return json(200, { revoked: true });
  }
  if ((network === 'facebook' || network === 'instagram') && /^graph\.facebook\.com\/v\d+\.\d+\/me\/permissions$/.test(req.path)) {
    if (req.method !== 'DELETE') return null;
    const t = live(state, ['facebook', 'instagram'], req.query.get('access_token'));
    if (!t) return json(400, { error: { message: 'Error validating access token', type: 'OAuthException', code: 190 } });
    revokeLogin(state, t);
    return json(200, { success: true });
  }
  return null;
}
