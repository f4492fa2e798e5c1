import { json, type SandboxResponse } from './http';
import type { SandboxNetwork, SandboxState } from './state';

export interface TokenPolicy {
  /** A refresh answer carries a new refresh token and retires the old one. */
  rotate: boolean;
  /** A refresh answer carries no refresh token at all (Google). */
  keepRefresh?: boolean;
  /** The refresh token keeps its first expiry across refreshes (LinkedIn). */
  fixedRefreshExpiry?: boolean;
  /** Extra fields of the network's answer (Pinterest's refresh_token_expires_at…). */
  shape?: (base: Record<string, unknown>, refreshExpiresAt: number | null) => Record<string, unknown>;
  /** The network's own error body for a dead grant. */
  error: (description: string) => SandboxResponse;
  scope: string;
}

/** An RFC 6749 token endpoint: authorization_code (PKCE checked) and refresh_token grants. */
export function standardToken(state: SandboxState, network: SandboxNetwork, form: URLSearchParams, policy: TokenPolicy): SandboxResponse {
  if (!form.get('client_id')) return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
  const grant = form.get('grant_type');
  let accountId: string;
  let previous: string | undefined;
  // A grant bound to one channel (YouTube) stays bound across refreshes.
  let channelId: string | undefined;
  if (grant === 'authorization_code') {
    const redeemed = state.redeemCode(network, form.get('code') ?? '', form.get('code_verifier'), form.get('redirect_uri'));
    if (typeof redeemed === 'string') return policy.error(`Bad authorization code (${redeemed})`);
    accountId = redeemed.accountId;
    channelId = redeemed.channelId;
  } else if (grant === 'refresh_token') {
    previous = form.get('refresh_token') ?? '';
    const token = state.tokens.get(previous);
    if (token?.network !== network || token.kind !== 'refresh' || state.deadReason(token))
      return policy.error('Token has been expired or revoked.');
    accountId = token.accountId;
    channelId = token.channelId;
  } else {
    return json(400, { error: 'unsupported_grant_type', error_description: `grant_type ${grant ?? ''} is not supported` });
  }
  const account = state.accounts.get(accountId)!;
  const old = previous ? state.tokens.get(previous) : undefined;
  const access = state.issue(network, accountId, 'access', account.accessLifetimeSec);
  access.channelId = channelId;
  const base: Record<string, unknown> = {
    access_token: access.value,
    token_type: 'Bearer',
    expires_in: account.accessLifetimeSec,
    scope: policy.scope,
  };
  let refreshExpiresAt: number | null = old?.expiresAt ?? null;
  if (!old || (policy.rotate && !policy.keepRefresh)) {
    const remaining =
      policy.fixedRefreshExpiry && old?.expiresAt ? Math.round((old.expiresAt - state.now()) / 1000) : account.refreshLifetimeSec;
    const refresh = state.issue(network, accountId, 'refresh', remaining);
    refresh.channelId = channelId;
    if (old && policy.rotate) old.retired = true;
    base.refresh_token = refresh.value;
    base.refresh_token_expires_in = remaining;
    refreshExpiresAt = refresh.expiresAt;
  }
  return json(200, policy.shape ? policy.shape(base, refreshExpiresAt) : base);
}
