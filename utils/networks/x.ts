import * as z from 'zod/mini';
import { unparseable, type HttpAnswer } from './http';
import { codeFlowUrl, bearerGet, exchangeCodeAt, isFailure, refreshAt, type Failure } from './oauth2';
import type { AdapterContext, NetworkAdapter } from './types';

const TOKEN = 'https://api.x.com/2/oauth2/token';
/** offline.access gives a refresh token; without it the 2-hour access token cannot be renewed silently. */
const SCOPES = ['tweet.read', 'users.read', 'offline.access'];
const problem = z.object({ title: z.optional(z.string()), detail: z.optional(z.string()), status: z.optional(z.number()) });
const me = z.object({
  data: z.object({ id: z.string(), name: z.string(), username: z.string(), profile_image_url: z.optional(z.string()) }),
});

/** X API problems: 401 is a revoked or dead token; 403 a missing scope or a suspended app. */
function classifyX(answer: HttpAnswer): Failure {
  const p = problem.safeParse(answer.body);
  const reason = (p.success && (p.data.detail ?? p.data.title)) || `HTTP ${answer.status}`;
  if (answer.status === 401) return { kind: 'invalid', reason, code: '401' };
  if (answer.status === 403) return { kind: 'invalid', reason, code: 'permission' };
  return p.success ? { kind: 'unknown', reason } : unparseable(answer.status);
}

const usersMe = (ctx: AdapterContext, accessToken: string) =>
  bearerGet(ctx, 'https://api.x.com/2/users/me?user.fields=profile_image_url', accessToken, me, classifyX);

/** X: OAuth 2.0 public client with PKCE, no secret anywhere. Refresh tokens rotate. */
export const x: NetworkAdapter = {
  id: 'x',

  authorizeUrl: (params) => codeFlowUrl('https://x.com/i/oauth2/authorize', params, { scope: SCOPES.join(' ') }),

  exchangeCode: (ctx, code, codeVerifier, redirectUri) => exchangeCodeAt(ctx, 'x', TOKEN, code, codeVerifier, redirectUri),

  async refresh(ctx, tokens) {
    if (!tokens.refreshToken)
      return { ok: false, result: { kind: 'invalid', reason: 'No refresh token is stored (offline.access was not granted)' } };
    const out = await refreshAt(ctx, 'x', TOKEN, tokens.refreshToken);
    // X answers a revoked or used refresh token with invalid_request, not invalid_grant.
    if (!out.ok && out.result.kind === 'unknown' && /token was invalid/i.test(out.result.reason)) {
      return {
        ok: false,
        result: { kind: 'invalid', reason: 'X no longer accepts the refresh token (revoked or already used)', code: 'invalid_request' },
      };
    }
    return out;
  },

  async inspect(ctx, tokens) {
    const r = await usersMe(ctx, tokens.accessToken);
    return isFailure(r) ? r : { kind: 'valid' };
  },

  async whoAmI(ctx, accessToken) {
    const r = await usersMe(ctx, accessToken);
    return isFailure(r) ? r : { id: r.data.id, name: r.data.name };
  },

  async listProfiles(ctx, accessToken) {
    const r = await usersMe(ctx, accessToken);
    if (isFailure(r)) return r;
    const u = r.data;
    return [{ nativeId: u.id, kind: 'account', name: u.name, handle: `@${u.username}`, avatar: u.profile_image_url, canManage: true }];
  },
};
