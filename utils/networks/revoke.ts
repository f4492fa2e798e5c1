import type { NetworkId } from './catalog';
import { rewriteUrl } from './endpoint';
import { GRAPH } from './graph';
import { FORM_HEADERS, formBody, isUnknown, requestJson } from './http';
import type { AdapterContext } from './types';

/** What Disconnect achieved at the network before the token was deleted here. */
export type RevokeOutcome = 'revoked' | 'no-endpoint' | 'failed';

export interface RevokeTokens {
  accessToken: string;
  refreshToken?: string;
}

type Revoker = (ctx: AdapterContext, tokens: RevokeTokens) => Promise<boolean>;

const ok = async (answer: ReturnType<typeof requestJson>) => {
  const a = await answer;
  return !isUnknown(a) && a.status >= 200 && a.status < 300;
};

const post = (ctx: AdapterContext, url: string, fields: Record<string, string | undefined>) =>
  requestJson(ctx.fetch, rewriteUrl(url, ctx.config.baseUrl), { method: 'POST', headers: FORM_HEADERS, body: formBody(fields) });

/** Google: revoking the refresh token (or the access token) ends the whole grant. */
const google: Revoker = (ctx, t) => ok(post(ctx, 'https://oauth2.googleapis.com/revoke', { token: t.refreshToken ?? t.accessToken }));

/** X (public client): the refresh token first, then the access token; RFC 7009 answers. */
const x: Revoker = async (ctx, t) => {
  const revoke = (token: string, hint: string) =>
    ok(post(ctx, 'https://api.x.com/2/oauth2/revoke', { token, token_type_hint: hint, client_id: ctx.config.clientId }));
  const refreshed = t.refreshToken ? await revoke(t.refreshToken, 'refresh_token') : true;
  return (await revoke(t.accessToken, 'access_token')) && refreshed;
};

/** Meta: removes the app from the login (every token of it), so only for the login's last profile. */
const meta: Revoker = (ctx, t) =>
  ok(
    requestJson(
      ctx.fetch,
      rewriteUrl(`${GRAPH}/me/permissions?${new URLSearchParams({ access_token: t.accessToken }).toString()}`, ctx.config.baseUrl),
      {
        method: 'DELETE',
      },
    ),
  );

/**
 * Revocation endpoints a browser may call. LinkedIn and TikTok revoke only with the client
 * secret; Threads and Pinterest publish none: there the token is only deleted here.
 */
const REVOKERS: Partial<Record<NetworkId, Revoker>> = { youtube: google, 'google-business': google, x, facebook: meta, instagram: meta };

/** Revokes a login's tokens at the network, where it has an endpoint a browser may call. */
export async function revokeAtNetwork(ctx: AdapterContext, network: NetworkId, tokens: RevokeTokens): Promise<RevokeOutcome> {
  const revoker = REVOKERS[network];
  if (!revoker) return 'no-endpoint';
  return (await revoker(ctx, tokens)) ? 'revoked' : 'failed';
}
