import * as z from 'zod/mini';
import type { NetworkId } from './catalog';
import { rewriteUrl } from './endpoint';
import { sendTokenRequest } from './exchange';
import { isUnknown, requestJson, unparseable, type HttpAnswer } from './http';
import { codeFlowUrl, isFailure, type Failure } from './oauth2';
import type { AdapterContext, ListedProfile, NativeIdentity, NetworkAdapter, TokenOutcome } from './types';

export const VERSION = 'v21.0';
export const GRAPH = `https://graph.facebook.com/${VERSION}`;

const graphError = z.object({
  error: z.object({ message: z.string(), type: z.optional(z.string()), code: z.number(), error_subcode: z.optional(z.number()) }),
});
const tokenResponse = z.object({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  expires_in: z.optional(z.number()),
});
const debugTokenResponse = z.object({
  data: z.object({
    is_valid: z.boolean(),
    expires_at: z.optional(z.number()),
    data_access_expires_at: z.optional(z.number()),
    scopes: z.optional(z.array(z.string())),
    user_id: z.optional(z.string()),
    error: z.optional(z.object({ code: z.number(), message: z.string(), subcode: z.optional(z.number()) })),
  }),
});
const meResponse = z.object({ id: z.string(), name: z.string() });

/** Graph error 190 subcodes (NETWORKS.md), in words a person understands. */
const SUBCODE_REASONS: Record<number, string> = {
  458: 'The app was removed from the Facebook account',
  459: 'The Facebook account is locked by a security checkpoint',
  460: 'The Facebook password was changed',
  463: 'The Facebook session expired',
  467: 'The person logged out of Facebook',
};

/** Graph errors: 190 (and the legacy 102) are definitive; 10, 200-299 and 100/33 are missing permission. */
function classifyGraphError(code: number, subcode: number | undefined, message: string): Failure {
  if (code === 190 || code === 102) {
    return { kind: 'invalid', reason: (subcode && SUBCODE_REASONS[subcode]) || message, code: `190${subcode ? `/${subcode}` : ''}` };
  }
  if (code === 10 || (code >= 200 && code < 300) || (code === 100 && subcode === 33)) {
    return { kind: 'invalid', reason: message, code: 'permission' };
  }
  if (code === 4 || code === 17 || code === 32 || code === 613) return { kind: 'unknown', reason: 'Rate limited by Facebook' };
  return { kind: 'unknown', reason: message };
}

export function graphFailure(answer: HttpAnswer): Failure {
  const err = graphError.safeParse(answer.body);
  if (err.success) return classifyGraphError(err.data.error.code, err.data.error.error_subcode, err.data.error.message);
  if (answer.status === 401) return { kind: 'invalid', reason: 'The network refused the token (HTTP 401)' };
  return unparseable(answer.status);
}

/** The token endpoint refusing a parameter (code 100: a code that is not ours, a bad verifier) refuses for good. */
function tokenFailure(answer: HttpAnswer): Failure {
  const failure = graphFailure(answer);
  const err = graphError.safeParse(answer.body);
  return failure.kind === 'unknown' && err.success && err.data.error.code === 100 ? { kind: 'invalid', reason: failure.reason } : failure;
}

/** A Graph GET (token in the query, as Graph takes it). */
export async function graphGet<T>(ctx: AdapterContext, url: string, schema: z.ZodMiniType<T>): Promise<T | Failure> {
  const answer = await requestJson(ctx.fetch, rewriteUrl(url, ctx.config.baseUrl));
  if (isUnknown(answer)) return answer;
  if (answer.status !== 200) return graphFailure(answer);
  const parsed = schema.safeParse(answer.body);
  return parsed.success ? parsed.data : unparseable(answer.status);
}

/** Paging links may come back through the override base; map them to the production URL again. */
export function productionUrlOf(next: string): string {
  const at = next.indexOf('graph.facebook.com/');
  return at >= 0 ? `https://${next.slice(at)}` : next;
}

export interface GraphProduct {
  id: Extract<NetworkId, 'facebook' | 'instagram'>;
  scopes: string[];
  listProfiles(ctx: AdapterContext, accessToken: string): Promise<ListedProfile[] | Failure>;
}

/** Facebook Login (Graph API): re-consent only, no refresh token. Shared by Facebook Pages and Instagram. */
export function graphAdapter(product: GraphProduct): NetworkAdapter {
  const tokenCall = async (ctx: AdapterContext, fields: Record<string, string> & { grant_type: string }): Promise<TokenOutcome> => {
    const answer = await sendTokenRequest(
      ctx,
      product.id,
      `${GRAPH}/oauth/access_token`,
      { client_id: ctx.config.clientId, ...fields },
      'GET',
    );
    if (isUnknown(answer)) return { ok: false, result: answer };
    if (answer.status !== 200) return { ok: false, result: tokenFailure(answer) };
    const parsed = tokenResponse.safeParse(answer.body);
    if (!parsed.success) return { ok: false, result: unparseable(answer.status) };
    const t = parsed.data;
    return {
      ok: true,
      tokens: { accessToken: t.access_token, accessExpiresAt: t.expires_in ? ctx.now + t.expires_in * 1000 : null, scopes: product.scopes },
    };
  };

  return {
    id: product.id,

    authorizeUrl: (params) => codeFlowUrl(`https://www.facebook.com/${VERSION}/dialog/oauth`, params, { scope: product.scopes.join(',') }),

    /** Code → short-lived user token → long-lived (~60 days) user token. */
    async exchangeCode(ctx, code, codeVerifier, redirectUri) {
      const short = await tokenCall(ctx, {
        grant_type: 'authorization_code',
        code,
        code_verifier: codeVerifier,
        redirect_uri: redirectUri,
      });
      if (!short.ok) return short;
      return tokenCall(ctx, { grant_type: 'fb_exchange_token', fb_exchange_token: short.tokens.accessToken });
    },

    async inspect(ctx, tokens) {
      const q = new URLSearchParams({ input_token: tokens.accessToken, access_token: tokens.accessToken });
      const body = await graphGet(ctx, `${GRAPH}/debug_token?${q.toString()}`, debugTokenResponse);
      if (isFailure(body)) return body;
      const d = body.data;
      if (!d.is_valid) {
        return d.error
          ? classifyGraphError(d.error.code, d.error.subcode, d.error.message)
          : { kind: 'invalid', reason: 'Facebook says the token is no longer valid' };
      }
      // expires_at 0 means the token itself never lapses; data access still does (90 days).
      const ends = [d.expires_at, d.data_access_expires_at].filter((t): t is number => !!t).map((t) => t * 1000);
      return { kind: 'valid', expiresAt: ends.length ? Math.min(...ends) : null, scopes: d.scopes };
    },

    async whoAmI(ctx, accessToken) {
      const q = new URLSearchParams({ fields: 'id,name', access_token: accessToken });
      const me = await graphGet(ctx, `${GRAPH}/me?${q.toString()}`, meResponse);
      return isFailure(me) ? me : ({ id: me.id, name: me.name } satisfies NativeIdentity);
    },

    listProfiles: (ctx, accessToken) => product.listProfiles(ctx, accessToken),
  };
}
