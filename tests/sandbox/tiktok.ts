import { authorize } from './authorize';
import { bearer, formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import type { SandboxState } from './state';

const logId = () => `2026${Math.floor(Math.random() * 1e12)}`;

function tokenError(error: string, description: string): SandboxResponse {
  return json(400, { error, error_description: description, log_id: logId() });
}

/** Issues an access token and a NEW refresh token; the previous refresh token is retired (rotation). */
function issuePair(state: SandboxState, accountId: string, retire?: string): SandboxResponse {
  const account = state.accounts.get(accountId)!;
  if (retire) state.tokens.get(retire)!.retired = true;
  const access = state.issue('tiktok', accountId, 'access', account.accessLifetimeSec);
  const refresh = state.issue('tiktok', accountId, 'refresh', account.refreshLifetimeSec);
  return json(200, {
    access_token: access.value,
    expires_in: account.accessLifetimeSec,
    open_id: account.id,
    refresh_expires_in: account.refreshLifetimeSec,
    refresh_token: refresh.value,
    scope: 'user.info.basic,user.info.profile,video.list',
    token_type: 'Bearer',
  });
}

/** v2/oauth/token/: authorization_code and refresh_token grants. Also used by the token-exchange URL. */
export function tiktokToken(state: SandboxState, form: URLSearchParams): SandboxResponse {
  if (!form.get('client_key')) return tokenError('invalid_client', 'Client key is missing.');
  const grant = form.get('grant_type');
  if (grant === 'refresh_token') {
    const value = form.get('refresh_token') ?? '';
    const token = state.tokens.get(value);
    if (state.deadReason(token) || token?.kind !== 'refresh') return tokenError('invalid_grant', 'Refresh token is invalid or expired.');
    return issuePair(state, token.accountId, value);
  }
  if (grant === 'authorization_code') {
    const redeemed = state.redeemCode('tiktok', form.get('code') ?? '', form.get('code_verifier'), form.get('redirect_uri'));
    // TikTok's own words for a verifier that does not hash (in hex) to the challenge.
    if (redeemed === 'code_verifier does not match the code_challenge')
      return tokenError('invalid_request', 'Code verifier or code challenge is invalid.');
    if (typeof redeemed === 'string') return tokenError('invalid_grant', `Authorization code is invalid (${redeemed}).`);
    return issuePair(state, redeemed.accountId);
  }
  return tokenError('invalid_request', 'Unsupported grant_type.');
}

function userInfo(state: SandboxState, req: SandboxRequest): SandboxResponse {
  const token = state.tokens.get(bearer(req) ?? '');
  if (state.deadReason(token) || token?.kind !== 'access') {
    return json(401, {
      data: {},
      error: { code: 'access_token_invalid', message: 'The access token is invalid or not found in the request.', log_id: logId() },
    });
  }
  const account = state.accounts.get(token.accountId)!;
  const user = {
    open_id: account.id,
    union_id: `u-${account.id}`,
    avatar_url: `https://sandbox.invalid/avatars/${account.id}.png`,
    display_name: account.name,
    username: account.username,
  };
  return json(200, { data: { user }, error: { code: 'ok', message: '', log_id: logId() } });
}

export function tiktokRoutes(state: SandboxState, req: SandboxRequest): SandboxResponse | null {
  switch (req.path) {
    case 'www.tiktok.com/v2/auth/authorize/':
      return authorize(state, { network: 'tiktok', clientIdParam: 'client_key', req });
    case 'open.tiktokapis.com/v2/oauth/token/':
      return req.method === 'POST' ? tiktokToken(state, formOf(req)) : tokenError('invalid_request', 'POST required.');
    case 'open.tiktokapis.com/v2/user/info/':
      return userInfo(state, req);
    default:
      return null;
  }
}
