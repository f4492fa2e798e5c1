import { authorize } from './authorize';
import { bearer, formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import { standardToken } from './standard-token';
import type { SandboxState } from './state';

const invalidAccess = () =>
  json(401, { serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token', status: 401 });

/** LinkedIn's token endpoint: the refresh token keeps the expiry of the first grant (365 days). */
export function linkedinToken(state: SandboxState, form: URLSearchParams): SandboxResponse {
  return standardToken(state, 'linkedin', form, {
    rotate: true,
    fixedRefreshExpiry: true,
    error: () =>
      json(400, {
        error: 'invalid_grant',
        error_description: 'The provided authorization grant or refresh token is invalid, expired or revoked',
      }),
    scope: 'openid,profile,email,w_member_social,r_organization_admin,rw_organization_admin,w_organization_social',
  });
}

export function linkedinIntrospect(state: SandboxState, form: URLSearchParams): SandboxResponse {
  const t = state.tokens.get(form.get('token') ?? '');
  if (!t || t.network !== 'linkedin') return json(200, { active: false, status: 'invalid' });
  const dead = state.deadReason(t);
  if (dead) return json(200, { active: false, status: dead === 'expired' ? 'expired' : 'revoked' });
  const sec = (ms: number | null) => (ms ? Math.floor(ms / 1000) : undefined);
  return json(200, {
    active: true,
    client_id: 'sandbox-app',
    authorized_at: sec(t.issuedAt),
    created_at: sec(t.issuedAt),
    status: 'active',
    expires_at: sec(t.expiresAt),
    scope: 'openid,profile',
    auth_type: '3L',
  });
}

/** Months since year 0 of a UTC instant. */
const monthOf = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();

/**
 * LinkedIn's versioned API: every `/rest/*` call names a `YYYYMM` (or `YYYYMM.RR`) version in
 * LinkedIn-Version; a version is active from its month for 12 months (by the sandbox's clock),
 * anything else is NONEXISTENT_VERSION, a missing header VERSION_MISSING.
 */
export function versionRefusal(state: SandboxState, header: string | undefined): SandboxResponse | null {
  if (!header) {
    return json(400, {
      status: 400,
      code: 'VERSION_MISSING',
      message: 'A version must be present. Please specify a version by adding the LinkedIn-Version header.',
    });
  }
  const m = /^(\d{4})(0[1-9]|1[0-2])(\.\d{2})?$/.exec(header);
  const age = m ? monthOf(state.now()) - (Number(m[1]) * 12 + Number(m[2]) - 1) : -1;
  if (age < 0 || age > 12)
    return json(426, { status: 426, code: 'NONEXISTENT_VERSION', message: `Requested version ${header} is not active` });
  return null;
}

export function linkedinRoutes(state: SandboxState, req: SandboxRequest): SandboxResponse | null {
  if (req.path.startsWith('api.linkedin.com/rest/')) {
    const refusal = versionRefusal(state, req.headers['linkedin-version']);
    if (refusal) return refusal;
  }
  const token = () => {
    const t = state.tokens.get(bearer(req) ?? '');
    return t && t.network === 'linkedin' && t.kind === 'access' && !state.deadReason(t) ? t : null;
  };
  switch (req.path) {
    case 'www.linkedin.com/oauth/v2/authorization':
      return authorize(state, { network: 'linkedin', clientIdParam: 'client_id', req });
    case 'www.linkedin.com/oauth/v2/accessToken':
      return linkedinToken(state, formOf(req));
    case 'www.linkedin.com/oauth/v2/introspectToken':
      return linkedinIntrospect(state, formOf(req));
    case 'api.linkedin.com/v2/userinfo': {
      const t = token();
      if (!t) return invalidAccess();
      const a = state.accounts.get(t.accountId)!;
      return json(200, {
        sub: a.id,
        name: a.name,
        given_name: a.name.split(' ')[0],
        email: `${a.username}@example.org`,
        email_verified: true,
      });
    }
    case 'api.linkedin.com/rest/organizationAcls': {
      const t = token();
      if (!t) return invalidAccess();
      const a = state.accounts.get(t.accountId)!;
      // The roleAssignee finder: the caller's own ACLs, filtered by role and state, paged (10 by default).
      const q = req.query;
      if (q.get('q') !== 'roleAssignee') return json(400, { status: 400, code: 'ILLEGAL_ARGUMENT', message: 'Invalid finder' });
      // One ACL per role the person holds on a page (a page's roles are its tasks here).
      const all = a.pages
        .flatMap((p) =>
          p.tasks.map((role) => ({
            organization: `urn:li:organization:${p.id}`,
            role,
            roleAssignee: `urn:li:person:${a.id}`,
            state: 'APPROVED',
          })),
        )
        .filter((acl) => (!q.get('role') || acl.role === q.get('role')) && (!q.get('state') || acl.state === q.get('state')));
      const start = Number(q.get('start') ?? 0);
      const count = Number(q.get('count') ?? 10);
      return json(200, { elements: all.slice(start, start + count), paging: { count, start, total: all.length, links: [] } });
    }
    default: {
      const m = /^api\.linkedin\.com\/rest\/organizations\/(\d+)$/.exec(req.path);
      if (!m) return null;
      if (!token()) return invalidAccess();
      const org = [...state.accounts.values()].flatMap((a) => a.pages).find((p) => p.id === m[1]);
      if (!org) return json(404, { status: 404, message: 'Not found' });
      return json(200, { id: Number(org.id), localizedName: org.name, vanityName: org.name.toLowerCase().replace(/\W+/g, '-') });
    }
  }
}
