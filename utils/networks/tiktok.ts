import { codeFlowUrl } from './oauth2';
import * as z from 'zod/mini';
import { rewriteUrl } from './endpoint';
import { sendTokenRequest } from './exchange';
import { isUnknown, requestJson, unparseable, type HttpAnswer } from './http';
import type { AdapterContext, CheckResult, NetworkAdapter, TokenOutcome } from './types';

const API = 'https://open.tiktokapis.com/v2';
const SCOPES = ['user.info.basic', 'user.info.profile', 'video.list'];
const USER_FIELDS = 'open_id,avatar_url,display_name,username';

type Failure = Exclude<CheckResult, { kind: 'valid' }>;

const tokenResponse = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.number(),
  open_id: z.string(),
  refresh_token: z.string().check(z.minLength(1)),
  refresh_expires_in: z.number(),
  scope: z.optional(z.string()),
});

const tokenError = z.object({ error: z.string(), error_description: z.optional(z.string()) });

const userInfoResponse = z.object({
  data: z.object({
    user: z.optional(
      z.object({
        open_id: z.string(),
        display_name: z.optional(z.string()),
        username: z.optional(z.string()),
        avatar_url: z.optional(z.string()),
      }),
    ),
  }),
  error: z.object({ code: z.string(), message: z.optional(z.string()) }),
});

/** TikTok's error codes: token and grant errors are definitive, rate limits and internal errors are not. */
function classifyTikTokError(code: string, message: string | undefined, status: number): Failure {
  switch (code) {
    case 'access_token_invalid':
    case 'invalid_grant':
    case 'token_expired':
      return { kind: 'invalid', reason: message || 'TikTok says the token is no longer valid', code };
    case 'scope_not_authorized':
    case 'scope_permission_missed':
      return { kind: 'invalid', reason: message || 'The TikTok account did not grant the needed permission', code: 'permission' };
    case 'rate_limit_exceeded':
      return { kind: 'unknown', reason: 'Rate limited by TikTok' };
    default:
      return status === 401
        ? { kind: 'invalid', reason: message || 'TikTok refused the token (HTTP 401)', code }
        : { kind: 'unknown', reason: message || code };
  }
}

function tokenFailure(answer: HttpAnswer): Failure {
  const err = tokenError.safeParse(answer.body);
  if (err.success) return classifyTikTokError(err.data.error, err.data.error_description, answer.status);
  return answer.status === 401 ? { kind: 'invalid', reason: 'TikTok refused the token (HTTP 401)' } : unparseable(answer.status);
}

async function tokenCall(ctx: AdapterContext, fields: Record<string, string> & { grant_type: string }): Promise<TokenOutcome> {
  const answer = await sendTokenRequest(ctx, 'tiktok', `${API}/oauth/token/`, { client_key: ctx.config.clientId, ...fields });
  if (isUnknown(answer)) return { ok: false, result: answer };
  const parsed = tokenResponse.safeParse(answer.body);
  if (answer.status !== 200 || !parsed.success) return { ok: false, result: tokenFailure(answer) };
  const t = parsed.data;
  return {
    ok: true,
    tokens: {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      accessExpiresAt: ctx.now + t.expires_in * 1000,
      refreshExpiresAt: ctx.now + t.refresh_expires_in * 1000,
      scopes: t.scope ? t.scope.split(',') : SCOPES,
    },
  };
}

async function userInfo(ctx: AdapterContext, accessToken: string) {
  const url = rewriteUrl(`${API}/user/info/?fields=${USER_FIELDS}`, ctx.config.baseUrl);
  const answer = await requestJson(ctx.fetch, url, { headers: { authorization: `Bearer ${accessToken}` } });
  if (isUnknown(answer)) return answer;
  const parsed = userInfoResponse.safeParse(answer.body);
  if (!parsed.success) return answer.status === 401 ? classifyTikTokError('', undefined, 401) : unparseable(answer.status);
  const { data, error } = parsed.data;
  if (error.code !== 'ok' || !data.user) return classifyTikTokError(error.code, error.message, answer.status);
  return data.user;
}

export const tiktok: NetworkAdapter = {
  id: 'tiktok',

  // Login Kit documents code_challenge = HEX(SHA256(code_verifier)), not RFC 7636's base64url.
  challengeEncoding: 'hex',

  // TikTok names the client ID client_key.
  authorizeUrl: (params) => codeFlowUrl('https://www.tiktok.com/v2/auth/authorize/', params, { scope: SCOPES.join(',') }, 'client_key'),

  exchangeCode(ctx, code, codeVerifier, redirectUri) {
    return tokenCall(ctx, { grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: redirectUri });
  },

  /** The answer carries a NEW refresh token; the old one stops working (rotation). */
  async refresh(ctx, tokens) {
    if (!tokens.refreshToken) return { ok: false, result: { kind: 'invalid', reason: 'No refresh token is stored' } };
    return tokenCall(ctx, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
  },

  async inspect(ctx, tokens) {
    const user = await userInfo(ctx, tokens.accessToken);
    // TikTok reports no expiry on this call: the stored refresh expiry stands.
    return 'kind' in user ? user : { kind: 'valid' };
  },

  async whoAmI(ctx, accessToken) {
    const user = await userInfo(ctx, accessToken);
    return 'kind' in user ? user : { id: user.open_id, name: user.display_name ?? user.username ?? user.open_id };
  },

  async listProfiles(ctx, accessToken) {
    const user = await userInfo(ctx, accessToken);
    if ('kind' in user) return user;
    return [
      {
        nativeId: user.open_id,
        kind: 'account',
        name: user.display_name ?? user.username ?? user.open_id,
        handle: user.username ? `@${user.username}` : undefined,
        avatar: user.avatar_url,
        canManage: true,
      },
    ];
  },
};
