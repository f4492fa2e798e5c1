import * as z from 'zod/mini';
import { sendTokenRequest, type TokenRequest } from './exchange';
import { graphFailure, graphGet } from './graph';
import { isUnknown, requestJson, unparseable } from './http';
import { codeFlowUrl, isFailure } from './oauth2';
import { rewriteUrl } from './endpoint';
import type { AdapterContext, NetworkAdapter, TokenOutcome } from './types';
import { DAY } from '../time';

const API = 'https://graph.threads.net';
const SCOPES = ['threads_basic', 'threads_content_publish'];
const token = z.object({
  access_token: z.string().check(z.minLength(1)),
  expires_in: z.optional(z.number()),
  user_id: z.optional(z.union([z.string(), z.number()])),
});
const me = z.object({
  id: z.string(),
  username: z.optional(z.string()),
  name: z.optional(z.string()),
  threads_profile_picture_url: z.optional(z.string()),
});

/**
 * The long-lived token is its own refresh credential (th_refresh_token), so it
 * is stored as both; the grant expires with it.
 */
function longLived(ctx: AdapterContext, body: unknown, status: number): TokenOutcome {
  const parsed = token.safeParse(body);
  if (status !== 200 || !parsed.success)
    return { ok: false, result: status === 200 ? unparseable(status) : graphFailure({ status, body }) };
  const expiresAt = parsed.data.expires_in ? ctx.now + parsed.data.expires_in * 1000 : null;
  const t = parsed.data.access_token;
  return { ok: true, tokens: { accessToken: t, refreshToken: t, accessExpiresAt: expiresAt, refreshExpiresAt: expiresAt, scopes: SCOPES } };
}

/**
 * th_exchange_token's fields. Threads itself takes the short-lived token as `access_token`; the
 * token-exchange URL's contract (README) names it `fb_exchange_token`, as for Facebook's
 * exchange, and carries the client ID like every request to it.
 */
function longLivedFields(ctx: AdapterContext, shortLived: string): TokenRequest {
  return ctx.config.exchangeUrl
    ? { grant_type: 'th_exchange_token', client_id: ctx.config.clientId, fb_exchange_token: shortLived }
    : { grant_type: 'th_exchange_token', access_token: shortLived };
}

async function profile(ctx: AdapterContext, accessToken: string) {
  const q = new URLSearchParams({ fields: 'id,username,name,threads_profile_picture_url', access_token: accessToken });
  return graphGet(ctx, `${API}/v1.0/me?${q.toString()}`, me);
}

export const threads: NetworkAdapter = {
  id: 'threads',

  authorizeUrl: (params) => codeFlowUrl('https://threads.net/oauth/authorize', params, { scope: SCOPES.join(',') }),

  /** Code → short-lived token (1 h) → long-lived token (60 days) with th_exchange_token. */
  async exchangeCode(ctx, code, codeVerifier, redirectUri) {
    const fields = {
      client_id: ctx.config.clientId,
      grant_type: 'authorization_code',
      code,
      code_verifier: codeVerifier,
      redirect_uri: redirectUri,
    };
    const short = await sendTokenRequest(ctx, 'threads', `${API}/oauth/access_token`, fields);
    if (isUnknown(short)) return { ok: false, result: short };
    const shortToken = token.safeParse(short.body);
    if (short.status !== 200 || !shortToken.success) return { ok: false, result: graphFailure(short) };
    const long = await sendTokenRequest(ctx, 'threads', `${API}/access_token`, longLivedFields(ctx, shortToken.data.access_token), 'GET');
    return isUnknown(long) ? { ok: false, result: long } : longLived(ctx, long.body, long.status);
  },

  /** th_refresh_token needs no secret: a new 60-day token from an unexpired one at least 24 h old. */
  async refresh(ctx, tokens) {
    const q = new URLSearchParams({ grant_type: 'th_refresh_token', access_token: tokens.refreshToken ?? tokens.accessToken });
    const answer = await requestJson(ctx.fetch, rewriteUrl(`${API}/refresh_access_token?${q.toString()}`, ctx.config.baseUrl));
    return isUnknown(answer) ? { ok: false, result: answer } : longLived(ctx, answer.body, answer.status);
  },

  canRefresh: (grant, now) => now - grant.issuedAt >= DAY && (grant.accessExpiresAt === null || grant.accessExpiresAt > now),

  async inspect(ctx, tokens) {
    const p = await profile(ctx, tokens.accessToken);
    return isFailure(p) ? p : { kind: 'valid' };
  },

  async whoAmI(ctx, accessToken) {
    const p = await profile(ctx, accessToken);
    return isFailure(p) ? p : { id: p.id, name: p.name ?? p.username ?? p.id };
  },

  async listProfiles(ctx, accessToken) {
    const p = await profile(ctx, accessToken);
    if (isFailure(p)) return p;
    return [
      {
        nativeId: p.id,
        kind: 'account',
        name: p.name ?? p.username ?? p.id,
        handle: p.username && `@${p.username}`,
        avatar: p.threads_profile_picture_url,
        canManage: true,
      },
    ];
  },
};
