import * as z from 'zod/mini';
import type { NetworkId } from './catalog';
import { rewriteUrl } from './endpoint';
import { isUnknown, requestJson, unparseable, type HttpAnswer } from './http';
import { codeFlowUrl, bearerGet, classifyOAuthError, exchangeCodeAt, isFailure, refreshAt, type Failure } from './oauth2';
import type { AdapterContext, ListedProfile, NativeIdentity, NetworkAdapter } from './types';

const AUTH = 'https://accounts.google.com/o/oauth2/v2/auth';
const TOKEN = 'https://oauth2.googleapis.com/token';
const TOKENINFO = 'https://oauth2.googleapis.com/tokeninfo';
const USERINFO = 'https://www.googleapis.com/oauth2/v3/userinfo';

const googleApiError = z.object({ error: z.object({ code: z.number(), message: z.string(), status: z.optional(z.string()) }) });

/** Google API errors: UNAUTHENTICATED is a dead token, PERMISSION_DENIED a missing role. */
export function classifyGoogle(answer: HttpAnswer): Failure {
  const e = googleApiError.safeParse(answer.body);
  if (e.success) {
    const { code, message, status } = e.data.error;
    if (status === 'UNAUTHENTICATED' || code === 401) return { kind: 'invalid', reason: message, code: 'UNAUTHENTICATED' };
    if (status === 'PERMISSION_DENIED' || code === 403) return { kind: 'invalid', reason: message, code: 'permission' };
    if (status === 'RESOURCE_EXHAUSTED') return { kind: 'unknown', reason: 'Rate limited by Google' };
    return { kind: 'unknown', reason: message };
  }
  return classifyOAuthError(answer);
}

const tokenInfo = z.object({ scope: z.optional(z.string()), expires_in: z.optional(z.union([z.string(), z.number()])) });
const userInfo = z.object({ sub: z.string(), name: z.optional(z.string()), email: z.optional(z.string()) });

export interface GoogleProduct {
  id: Extract<NetworkId, 'youtube' | 'google-business'>;
  scopes: string[];
  listProfiles(ctx: AdapterContext, accessToken: string): Promise<ListedProfile[] | Failure>;
}

/**
 * One Google OAuth client (offline access, PKCE S256), shared by YouTube and
 * Business Profile; each product lists its own profiles.
 */
export function googleAdapter(product: GoogleProduct): NetworkAdapter {
  return {
    id: product.id,

    authorizeUrl: (params) =>
      codeFlowUrl(AUTH, params, {
        scope: ['openid', 'email', 'profile', ...product.scopes].join(' '),
        access_type: 'offline',
        prompt: 'consent',
        include_granted_scopes: 'true',
      }),

    exchangeCode: (ctx, code, codeVerifier, redirectUri) => exchangeCodeAt(ctx, product.id, TOKEN, code, codeVerifier, redirectUri),

    /** Google returns no new refresh token on refresh: the stored one stays. */
    refresh: (ctx, tokens) => refreshAt(ctx, product.id, TOKEN, tokens.refreshToken),
    keepsRefreshToken: true,

    async inspect(ctx, tokens) {
      const answer = await requestJson(
        ctx.fetch,
        rewriteUrl(`${TOKENINFO}?access_token=${encodeURIComponent(tokens.accessToken)}`, ctx.config.baseUrl),
      );
      if (isUnknown(answer)) return answer;
      if (answer.status !== 200) return classifyGoogle(answer);
      const info = tokenInfo.safeParse(answer.body);
      // The grant's expiry follows the refresh token; tokeninfo only proves the access token works.
      return info.success ? { kind: 'valid', scopes: info.data.scope?.split(' ') } : unparseable(answer.status);
    },

    async whoAmI(ctx, accessToken) {
      const me = await bearerGet(ctx, USERINFO, accessToken, userInfo, classifyGoogle);
      return isFailure(me) ? me : ({ id: me.sub, name: me.name ?? me.email ?? me.sub } satisfies NativeIdentity);
    },

    listProfiles: (ctx, accessToken) => product.listProfiles(ctx, accessToken),
  };
}
