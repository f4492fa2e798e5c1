import * as z from 'zod/mini';
import type { NetworkId } from './catalog';
import { rewriteUrl } from './endpoint';
import { sendTokenRequest, type TokenRequest } from './exchange';
import { isUnknown, requestJson, unparseable, type HttpAnswer } from './http';
import type { AdapterContext, AuthorizeParams, CheckResult, TokenOutcome } from './types';

export type Failure = Exclude<CheckResult, { kind: 'valid' }>;

export function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && 'kind' in x && (x.kind === 'invalid' || x.kind === 'unknown');
}

const standardToken = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.optional(z.number()),
  refresh_token: z.optional(z.string().check(z.minLength(1))),
  refresh_token_expires_in: z.optional(z.number()),
  /** Pinterest: epoch seconds. */
  refresh_token_expires_at: z.optional(z.number()),
  scope: z.optional(z.string()),
});

const oauthError = z.object({ error: z.string(), error_description: z.optional(z.string()) });

/**
 * RFC 6749 token-endpoint errors: a dead grant is definitive; a refused
 * client is a configuration problem (it says nothing of the token).
 */
export function classifyOAuthError(answer: HttpAnswer): Failure {
  const err = oauthError.safeParse(answer.body);
  if (err.success) {
    const reason = err.data.error_description ?? err.data.error;
    if (err.data.error === 'invalid_grant' || err.data.error === 'invalid_token') return { kind: 'invalid', reason, code: err.data.error };
    if (err.data.error === 'invalid_client' || err.data.error === 'unauthorized_client') {
      return { kind: 'unknown', reason: `The network refused the app's client ID (${reason})` };
    }
    if (answer.status === 401) return { kind: 'invalid', reason, code: err.data.error };
    return { kind: 'unknown', reason };
  }
  return answer.status === 401 ? { kind: 'invalid', reason: 'The network refused the token (HTTP 401)' } : unparseable(answer.status);
}

export interface StandardTokenOptions {
  /** Kept when a refresh answer carries no new refresh token (Google). */
  previousRefreshToken?: string;
  scopeSeparator?: string;
}

/** A code exchange or refresh against an RFC 6749 token endpoint (or the exchange URL). */
async function standardTokenCall(
  ctx: AdapterContext,
  network: NetworkId,
  productionUrl: string,
  fields: TokenRequest,
  options: StandardTokenOptions = {},
): Promise<TokenOutcome> {
  const answer = await sendTokenRequest(ctx, network, productionUrl, { client_id: ctx.config.clientId, ...fields });
  if (isUnknown(answer)) return { ok: false, result: answer };
  const parsed = standardToken.safeParse(answer.body);
  if (answer.status !== 200 || !parsed.success) return { ok: false, result: classifyOAuthError(answer) };
  const t = parsed.data;
  const refreshExpiresAt = t.refresh_token_expires_at
    ? t.refresh_token_expires_at * 1000
    : t.refresh_token_expires_in
      ? ctx.now + t.refresh_token_expires_in * 1000
      : undefined;
  return {
    ok: true,
    tokens: {
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? options.previousRefreshToken,
      accessExpiresAt: t.expires_in ? ctx.now + t.expires_in * 1000 : null,
      refreshExpiresAt,
      scopes: t.scope ? t.scope.split(options.scopeSeparator ?? ' ').filter(Boolean) : [],
    },
  };
}

/**
 * A GET with a bearer token, parsed with `schema`; any other answer goes to
 * `classify` (network-specific), transport problems come back as unknown.
 */
export async function bearerGet<T>(
  ctx: AdapterContext,
  productionUrl: string,
  accessToken: string,
  schema: z.ZodMiniType<T>,
  classify: (answer: HttpAnswer) => Failure,
  headers: Record<string, string> = {},
): Promise<T | Failure> {
  const answer = await requestJson(ctx.fetch, rewriteUrl(productionUrl, ctx.config.baseUrl), {
    headers: { authorization: `Bearer ${accessToken}`, ...headers },
  });
  if (isUnknown(answer)) return answer;
  if (answer.status !== 200) return classify(answer);
  const parsed = schema.safeParse(answer.body);
  return parsed.success ? parsed.data : unparseable(answer.status);
}

/**
 * Every network's authorize URL: the authorization-code flow with PKCE S256 and our state, set
 * here and nowhere else (`extra` adds the scope and the like; it cannot change these).
 */
export function codeFlowUrl(
  base: string,
  { clientId, redirectUri, state, codeChallenge }: AuthorizeParams,
  extra: Record<string, string>,
  clientIdParam = 'client_id',
): string {
  const params = {
    ...extra,
    [clientIdParam]: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    state,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  };
  return `${base}?${new URLSearchParams(params).toString()}`;
}

/** The authorization-code exchange of an RFC 6749 network (PKCE verifier included). */
export function exchangeCodeAt(
  ctx: AdapterContext,
  network: NetworkId,
  tokenUrl: string,
  code: string,
  codeVerifier: string,
  redirectUri: string,
  options: StandardTokenOptions = {},
): Promise<TokenOutcome> {
  return standardTokenCall(
    ctx,
    network,
    tokenUrl,
    { grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri },
    options,
  );
}

/**
 * The refresh_token grant. The stored refresh token is kept when the answer
 * carries none (Google); a rotated one in the answer replaces it.
 */
export async function refreshAt(
  ctx: AdapterContext,
  network: NetworkId,
  tokenUrl: string,
  refreshToken: string | undefined,
  extra: Record<string, string> = {},
  options: StandardTokenOptions = {},
): Promise<TokenOutcome> {
  if (!refreshToken) return { ok: false, result: { kind: 'invalid', reason: 'No refresh token is stored' } };
  return standardTokenCall(
    ctx,
    network,
    tokenUrl,
    { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra },
    { previousRefreshToken: refreshToken, ...options },
  );
}
