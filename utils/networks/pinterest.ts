import * as z from 'zod/mini';
import { unparseable, type HttpAnswer } from './http';
import { codeFlowUrl, bearerGet, exchangeCodeAt, isFailure, refreshAt, type Failure } from './oauth2';
import type { AdapterContext, NetworkAdapter } from './types';

const TOKEN = 'https://api.pinterest.com/v5/oauth/token';
const SCOPES = ['boards:read', 'pins:read', 'user_accounts:read'];
const pinError = z.object({ code: z.number(), message: z.string() });
const account = z.object({
  id: z.optional(z.string()),
  username: z.string(),
  business_name: z.optional(z.string()),
  profile_image: z.optional(z.string()),
});

/** Pinterest: 401 (code 2 "Authentication failed.") is a dead token; 403 a missing scope. */
function classifyPinterest(answer: HttpAnswer): Failure {
  const e = pinError.safeParse(answer.body);
  const message = e.success ? e.data.message : `HTTP ${answer.status}`;
  if (answer.status === 401) return { kind: 'invalid', reason: message, code: '401' };
  if (answer.status === 403) return { kind: 'invalid', reason: message, code: 'permission' };
  return e.success ? { kind: 'unknown', reason: message } : unparseable(answer.status);
}

const userAccount = (ctx: AdapterContext, accessToken: string) =>
  bearerGet(ctx, 'https://api.pinterest.com/v5/user_account', accessToken, account, classifyPinterest);

export const pinterest: NetworkAdapter = {
  id: 'pinterest',

  authorizeUrl: (params) => codeFlowUrl('https://www.pinterest.com/oauth/', params, { scope: SCOPES.join(',') }),

  /** The token endpoint wants HTTP Basic client auth: in production this goes through the exchange URL. */
  exchangeCode: (ctx, code, codeVerifier, redirectUri) =>
    exchangeCodeAt(ctx, 'pinterest', TOKEN, code, codeVerifier, redirectUri, { scopeSeparator: ',' }),

  /** Continuous refresh (refresh_on=true): a new refresh token and its expiry with each refresh. */
  refresh: (ctx, tokens) => refreshAt(ctx, 'pinterest', TOKEN, tokens.refreshToken, { refresh_on: 'true' }, { scopeSeparator: ',' }),

  async inspect(ctx, tokens) {
    const me = await userAccount(ctx, tokens.accessToken);
    return isFailure(me) ? me : { kind: 'valid' };
  },

  async whoAmI(ctx, accessToken) {
    const me = await userAccount(ctx, accessToken);
    return isFailure(me) ? me : { id: me.id ?? me.username, name: me.business_name ?? me.username };
  },

  async listProfiles(ctx, accessToken) {
    const me = await userAccount(ctx, accessToken);
    if (isFailure(me)) return me;
    return [
      {
        nativeId: me.id ?? me.username,
        kind: 'account',
        name: me.business_name ?? me.username,
        handle: `@${me.username}`,
        avatar: me.profile_image,
        canManage: true,
      },
    ];
  },
};
