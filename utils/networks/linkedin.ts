import * as z from 'zod/mini';
import { rewriteUrl } from './endpoint';
import { FORM_HEADERS, formBody, isUnknown, requestJson, unparseable, type HttpAnswer } from './http';
import { codeFlowUrl, bearerGet, exchangeCodeAt, isFailure, refreshAt, type Failure } from './oauth2';
import { restGet } from './linkedin-rest';
import type { AdapterContext, ListedProfile, NetworkAdapter } from './types';

const TOKEN = 'https://www.linkedin.com/oauth/v2/accessToken';
const INTROSPECT = 'https://www.linkedin.com/oauth/v2/introspectToken';
const SCOPES = ['openid', 'profile', 'email', 'w_member_social', 'r_organization_admin', 'rw_organization_admin', 'w_organization_social'];

const liError = z.object({
  status: z.optional(z.number()),
  serviceErrorCode: z.optional(z.number()),
  code: z.optional(z.string()),
  message: z.string(),
});
const userinfo = z.object({ sub: z.string(), name: z.optional(z.string()), picture: z.optional(z.string()) });
const acls = z.object({
  elements: z._default(z.array(z.object({ organization: z.string(), role: z.string(), state: z.optional(z.string()) })), []),
  paging: z.optional(z.object({ start: z.optional(z.number()), count: z.optional(z.number()), total: z.optional(z.number()) })),
});
const ADMIN_ACLS = 'https://api.linkedin.com/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED';
const PAGE_SIZE = 100;
const MAX_PAGES = 10;

/** The company pages (`org-<id>`) where the member is an approved ADMINISTRATOR (Super Admin), every page of results. */
async function superAdminOf(ctx: AdapterContext, accessToken: string): Promise<Set<string> | Failure> {
  const held = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const url = `${ADMIN_ACLS}&start=${page * PAGE_SIZE}&count=${PAGE_SIZE}`;
    const answer = await restGet(ctx, url, accessToken, acls, classifyLinkedIn);
    if (isFailure(answer)) return answer;
    for (const acl of answer.elements) {
      if (acl.role === 'ADMINISTRATOR' && (acl.state ?? 'APPROVED') === 'APPROVED')
        held.add(`org-${acl.organization.replace('urn:li:organization:', '')}`);
    }
    if (answer.elements.length < PAGE_SIZE) break;
  }
  return held;
}
const organization = z.object({ id: z.number(), localizedName: z.string(), vanityName: z.optional(z.string()) });
const introspection = z.object({ active: z.boolean(), status: z.optional(z.string()), expires_at: z.optional(z.number()) });

/** LinkedIn errors: 401 (serviceErrorCode 65600…) is a dead token; 403 a missing role. */
function classifyLinkedIn(answer: HttpAnswer): Failure {
  const e = liError.safeParse(answer.body);
  const message = e.success ? e.data.message : `HTTP ${answer.status}`;
  if (answer.status === 401) return { kind: 'invalid', reason: message, code: e.success ? String(e.data.serviceErrorCode ?? 401) : '401' };
  if (answer.status === 403) return { kind: 'invalid', reason: message, code: 'permission' };
  return e.success ? { kind: 'unknown', reason: message } : unparseable(answer.status);
}

/** Introspection needs the client secret: through the exchange URL (grant_type "introspect"). */
async function introspect(ctx: AdapterContext, accessToken: string) {
  const answer = ctx.config.clientSecret
    ? await requestJson(ctx.fetch, rewriteUrl(INTROSPECT, ctx.config.baseUrl), {
        method: 'POST',
        headers: FORM_HEADERS,
        body: formBody({ client_id: ctx.config.clientId, client_secret: ctx.config.clientSecret, token: accessToken }),
      })
    : ctx.config.exchangeUrl
      ? await requestJson(ctx.fetch, ctx.config.exchangeUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ network: 'linkedin', grant_type: 'introspect', client_id: ctx.config.clientId, token: accessToken }),
        })
      : null;
  if (answer === null) return null;
  if (isUnknown(answer)) return answer;
  const parsed = introspection.safeParse(answer.body);
  if (answer.status !== 200 || !parsed.success) return answer.status === 200 ? unparseable(200) : classifyLinkedIn(answer);
  return parsed.data;
}

export const linkedin: NetworkAdapter = {
  id: 'linkedin',

  authorizeUrl: (params) => codeFlowUrl('https://www.linkedin.com/oauth/v2/authorization', params, { scope: SCOPES.join(' ') }),

  exchangeCode: (ctx, code, codeVerifier, redirectUri) => exchangeCodeAt(ctx, 'linkedin', TOKEN, code, codeVerifier, redirectUri),

  /** Programmatic refresh (approved apps): the refresh token keeps its 365-day clock from the first grant. */
  refresh: (ctx, tokens) => refreshAt(ctx, 'linkedin', TOKEN, tokens.refreshToken),
  keepsRefreshToken: true,

  async inspect(ctx, tokens) {
    const info = await introspect(ctx, tokens.accessToken);
    if (info === null) {
      const me = await bearerGet(ctx, 'https://api.linkedin.com/v2/userinfo', tokens.accessToken, userinfo, classifyLinkedIn);
      return isFailure(me) ? me : { kind: 'valid' };
    }
    if (isFailure(info)) return info;
    if (!info.active) return { kind: 'invalid', reason: `LinkedIn says the token is ${info.status ?? 'inactive'}`, code: 'active:false' };
    // With a refresh token the grant follows the refresh token's expiry, not this access token's.
    return tokens.refreshToken ? { kind: 'valid' } : { kind: 'valid', expiresAt: info.expires_at ? info.expires_at * 1000 : undefined };
  },

  /**
   * Introspection says nothing of roles: a tracked page is confirmed by the member's approved
   * ADMINISTRATOR ACL on it. The same call answers 401 for a dead token, so it is the check.
   */
  async lostRoles(ctx, accessToken, nativeIds) {
    const pages = nativeIds.filter((id) => id.startsWith('org-'));
    if (pages.length === 0) return null;
    const held = await superAdminOf(ctx, accessToken);
    return isFailure(held) ? held : pages.filter((id) => !held.has(id));
  },

  async whoAmI(ctx, accessToken) {
    const me = await bearerGet(ctx, 'https://api.linkedin.com/v2/userinfo', accessToken, userinfo, classifyLinkedIn);
    return isFailure(me) ? me : { id: me.sub, name: me.name ?? me.sub };
  },

  /** The personal profile, and every company page the identity has a role on (Super Admin = ADMINISTRATOR). */
  async listProfiles(ctx, accessToken, identity) {
    const profiles: ListedProfile[] = [{ nativeId: `person-${identity.id}`, kind: 'personal', name: identity.name, canManage: true }];
    const roles = await restGet(
      ctx,
      'https://api.linkedin.com/rest/organizationAcls?q=roleAssignee&state=APPROVED&start=0&count=100',
      accessToken,
      acls,
      classifyLinkedIn,
    );
    if (isFailure(roles)) return roles;
    // One ACL per role: a person who is ADMINISTRATOR and ANALYST of a page has two; the page is listed once.
    const admin: Record<string, boolean> = {};
    for (const acl of roles.elements) admin[acl.organization] ||= acl.role === 'ADMINISTRATOR';
    for (const [urn, isAdmin] of Object.entries(admin)) {
      const id = urn.replace('urn:li:organization:', '');
      const org = await restGet(ctx, `https://api.linkedin.com/rest/organizations/${id}`, accessToken, organization, classifyLinkedIn);
      if (isFailure(org)) return org;
      profiles.push({
        nativeId: `org-${id}`,
        kind: 'company',
        name: org.localizedName,
        handle: org.vanityName,
        canManage: isAdmin,
      });
    }
    return profiles;
  },
};
