import { authorize } from './authorize';
import { deadError } from './facebook';
import { formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import type { SandboxState, TokenRecord } from './state';

const DAY_MS = 86_400_000;
const graphError = (message: string, code = 190, subcode?: number): SandboxResponse =>
  json(400, { error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'ThrSbx1' } });
/** Why the token in the request does not work, in Graph's words (subcode 460 for a password change…). */
const invalidToken = (state: SandboxState, value: string | null) => {
  const t = state.tokens.get(value ?? '');
  return deadError(t?.network === 'threads' ? (state.deadReason(t) ?? 'unknown') : 'unknown');
};

function live(state: SandboxState, value: string | null): TokenRecord | null {
  const t = state.tokens.get(value ?? '');
  return t && t.network === 'threads' && !state.deadReason(t) ? t : null;
}

/** Threads token calls, also used by the token-exchange URL. */
export function threadsToken(state: SandboxState, fields: URLSearchParams): SandboxResponse {
  const grant = fields.get('grant_type');
  if (grant === 'th_exchange_token') {
    const short = live(state, fields.get('access_token'));
    if (!short || short.kind !== 'short') return invalidToken(state, fields.get('access_token'));
    const account = state.accounts.get(short.accountId)!;
    const long = state.issue('threads', account.id, 'access', account.tokenLifetimeSec);
    return json(200, { access_token: long.value, token_type: 'bearer', expires_in: account.tokenLifetimeSec });
  }
  const redeemed = state.redeemCode('threads', fields.get('code') ?? '', fields.get('code_verifier'), fields.get('redirect_uri'));
  if (typeof redeemed === 'string') return graphError(`Invalid authorization code (${redeemed})`, 100);
  const short = state.issue('threads', redeemed.accountId, 'short', 3600);
  return json(200, { access_token: short.value, user_id: redeemed.accountId });
}

export function threadsRoutes(state: SandboxState, req: SandboxRequest): SandboxResponse | null {
  switch (req.path) {
    case 'threads.net/oauth/authorize':
      return authorize(state, { network: 'threads', clientIdParam: 'client_id', req });
    case 'graph.threads.net/oauth/access_token':
      return threadsToken(state, formOf(req));
    case 'graph.threads.net/access_token':
      return threadsToken(state, req.query);
    case 'graph.threads.net/refresh_access_token': {
      const t = live(state, req.query.get('access_token'));
      if (!t || t.kind !== 'access') return invalidToken(state, req.query.get('access_token'));
      if (state.now() - t.issuedAt < DAY_MS)
        return graphError('The access token can only be refreshed when it is at least 24 hours old.', 100);
      const account = state.accounts.get(t.accountId)!;
      const fresh = state.issue('threads', account.id, 'access', account.tokenLifetimeSec);
      return json(200, { access_token: fresh.value, token_type: 'bearer', expires_in: account.tokenLifetimeSec });
    }
    case 'graph.threads.net/v1.0/me': {
      const t = live(state, req.query.get('access_token'));
      if (!t || t.kind !== 'access') return invalidToken(state, req.query.get('access_token'));
      const a = state.accounts.get(t.accountId)!;
      return json(200, {
        id: a.id,
        username: a.username,
        name: a.name,
        threads_profile_picture_url: `https://sandbox.invalid/${a.id}.jpg`,
      });
    }
    default:
      return null;
  }
}
