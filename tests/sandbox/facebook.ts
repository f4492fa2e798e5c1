import { authorize } from './authorize';
import { json, type SandboxRequest, type SandboxResponse } from './http';
import type { Account, SandboxNetwork, SandboxState, TokenRecord } from './state';

const DAY_SEC = 86_400;
const SHORT_LIVED_SEC = 2 * 3600;

/** Real Graph error bodies (code 190 and its subcodes). */
const DEAD_TOKEN_ERRORS: Record<string, { message: string; subcode?: number }> = {
  password: {
    message:
      'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
    subcode: 460,
  },
  'app-removed': { message: 'Error validating access token: The user has not authorized application 1234567890.', subcode: 458 },
  expired: { message: 'Error validating access token: Session has expired.', subcode: 463 },
  revoked: { message: 'Error validating access token: The user has logged out.', subcode: 467 },
  retired: { message: 'Invalid OAuth access token - Cannot parse access token' },
  unknown: { message: 'Invalid OAuth access token - Cannot parse access token' },
};

function graphError(status: number, code: number, message: string, subcode?: number): SandboxResponse {
  return json(status, {
    error: { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AbCdEfGh123' },
  });
}

/** The Graph error for a dead token, by why it died (Threads answers the same way). */
export function deadError(reason: string): SandboxResponse {
  const e = DEAD_TOKEN_ERRORS[reason] ?? DEAD_TOKEN_ERRORS.unknown!;
  return graphError(400, 190, e.message, e.subcode);
}

/** Resolves `access_token` or answers the Graph error for a dead one. */
function authed(state: SandboxState, req: SandboxRequest, network: SandboxNetwork): TokenRecord | SandboxResponse {
  const token = state.tokens.get(req.query.get('access_token') ?? '');
  if (token && token.network !== network) return deadError('unknown');
  const dead = state.deadReason(token);
  return dead || !token ? deadError(dead ?? 'unknown') : token;
}

/** oauth/access_token: code exchange and fb_exchange_token. Also used by the token-exchange URL. */
export function facebookToken(state: SandboxState, q: URLSearchParams, network: SandboxNetwork = 'facebook'): SandboxResponse {
  if (!q.get('client_id')) return graphError(400, 101, 'Error validating application. Invalid application ID.');
  if (q.get('grant_type') === 'fb_exchange_token') {
    const short = state.tokens.get(q.get('fb_exchange_token') ?? '');
    const dead = state.deadReason(short);
    if (dead || !short) return deadError(dead ?? 'unknown');
    const account = state.accounts.get(short.accountId)!;
    const long = state.issue(network, account.id, 'access', account.tokenLifetimeSec, Math.max(account.tokenLifetimeSec, 90 * DAY_SEC));
    return json(200, { access_token: long.value, token_type: 'bearer', expires_in: account.tokenLifetimeSec });
  }
  const redeemed = state.redeemCode(network, q.get('code') ?? '', q.get('code_verifier'), q.get('redirect_uri'));
  if (typeof redeemed === 'string') return graphError(400, 100, `Invalid verification code format. (${redeemed})`);
  const short = state.issue(network, redeemed.accountId, 'short', SHORT_LIVED_SEC);
  return json(200, { access_token: short.value, token_type: 'bearer', expires_in: SHORT_LIVED_SEC });
}

function debugToken(state: SandboxState, req: SandboxRequest, network: SandboxNetwork): SandboxResponse {
  const caller = authed(state, req, network);
  if ('status' in caller) return caller;
  const input = state.tokens.get(req.query.get('input_token') ?? '');
  const dead = state.deadReason(input);
  const sec = (ms: number | null | undefined) => (ms ? Math.floor(ms / 1000) : 0);
  if (dead || !input) {
    const e = DEAD_TOKEN_ERRORS[dead ?? 'unknown']!;
    return json(200, {
      data: { app_id: '1234567890', is_valid: false, error: { code: 190, message: e.message, subcode: e.subcode }, scopes: [] },
    });
  }
  return json(200, {
    data: {
      app_id: '1234567890',
      type: 'USER',
      application: 'Token Warden (sandbox)',
      data_access_expires_at: sec(input.dataAccessExpiresAt),
      expires_at: sec(input.expiresAt),
      is_valid: true,
      issued_at: sec(input.issuedAt),
      scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'business_management', 'public_profile'],
      user_id: input.accountId,
    },
  });
}

/** A Graph field list: each field with what its braces ask of it (empty: nothing asked). */
type FieldList = Map<string, FieldList>;

/**
 * Graph's `fields` parameter (`id,name,accounts.limit(100){id,name,tasks}`), nested braces and
 * modifiers read as Graph reads them: the fields, or the syntax error Graph answers.
 */
function graphFields(list: string): FieldList | string {
  let i = 0;
  const level = (nested: boolean): FieldList | string => {
    const fields: FieldList = new Map();
    for (;;) {
      while (list[i] === ' ') i += 1;
      const name = /^[a-z_][a-z0-9_]*/.exec(list.slice(i))?.[0];
      if (!name) return `Syntax error "Expected a field name at character ${i}."`;
      i += name.length;
      let inner: FieldList = new Map();
      for (let braced = false; ;) {
        const modifier = /^\.[a-z_]+\(\w+\)/.exec(list.slice(i))?.[0];
        if (modifier) i += modifier.length;
        else if (list[i] === '{' && !braced) {
          i += 1;
          const sub = level(true);
          if (typeof sub === 'string') return sub;
          i += 1; // its closing brace
          [inner, braced] = [sub, true];
        } else break;
      }
      fields.set(name, inner);
      while (list[i] === ' ') i += 1;
      if (list[i] === ',') i += 1;
      else if (nested ? list[i] === '}' : i === list.length) return fields;
      else return `Syntax error "Expected ${nested ? '}' : 'end of string'} instead of ${list[i] ?? 'end of string'} at character ${i}."`;
    }
  };
  return level(false);
}

const PAGE_FIELDS = ['id', 'name', 'category', 'access_token', 'tasks', 'picture', 'instagram_business_account'];
const INSTAGRAM_FIELDS = ['id', 'username', 'name'];
/** What /me/accounts answers when no field is named. */
const PAGE_DEFAULT = graphFields('id,name,category,access_token,tasks') as FieldList;

/** The fields asked for (Graph always adds the id). */
const pick = (all: Record<string, unknown>, fields: FieldList) =>
  Object.fromEntries(Object.entries(all).filter(([k]) => k === 'id' || fields.has(k)));

/** The pages a login can act on, each with the fields asked for; an unknown field is the error Graph answers. */
function pagesOf(account: Account, asked: FieldList): Record<string, unknown>[] | string {
  const fields = asked.size > 0 ? asked : PAGE_DEFAULT;
  const unknown =
    [...fields.keys()].find((f) => !PAGE_FIELDS.includes(f)) ??
    [...(fields.get('instagram_business_account')?.keys() ?? [])].find((f) => !INSTAGRAM_FIELDS.includes(f));
  if (unknown) return `Tried accessing nonexisting field (${unknown}) on node type (Page)`;
  return account.pages
    .filter((p) => p.tasks.length > 0)
    .map((p) =>
      pick(
        {
          id: p.id,
          name: p.name,
          category: 'Brand',
          access_token: `EAAPAGE${p.id}`,
          tasks: p.tasks,
          picture: { data: { url: `https://sandbox.invalid/avatars/${p.id}.png` } },
          ...(p.instagram
            ? {
                instagram_business_account: pick(
                  { id: p.instagram.id, username: p.instagram.username, name: p.name },
                  fields.get('instagram_business_account')!,
                ),
              }
            : {}),
        },
        fields,
      ),
    );
}

/** Graph API routes, for Facebook and for Instagram through Facebook Login. */
export const graphRoutes =
  (network: 'facebook' | 'instagram') =>
  (state: SandboxState, req: SandboxRequest): SandboxResponse | null => {
    const path = req.path.replace(/^(www|graph)\.facebook\.com\/v\d+\.\d+\//, '$1:');
    switch (path) {
      case 'www:dialog/oauth':
        return authorize(state, { network, clientIdParam: 'client_id', req });
      case 'graph:oauth/access_token':
        return facebookToken(state, req.query, network);
      case 'graph:debug_token':
        return debugToken(state, req, network);
      case 'graph:me': {
        const token = authed(state, req, network);
        if ('status' in token) return token;
        const account = state.accounts.get(token.accountId)!;
        // Field expansion: `id,name,accounts.limit(100){id,name,tasks}` asks for the pages in the same call.
        const fields = graphFields(req.query.get('fields') || 'id,name');
        if (typeof fields === 'string') return graphError(400, 100, `(#100) ${fields}`);
        const unknown = [...fields.keys()].find((f) => !['id', 'name', 'accounts'].includes(f));
        if (unknown) return graphError(400, 100, `(#100) Tried accessing nonexisting field (${unknown}) on node type (User)`);
        const pages = fields.has('accounts') ? pagesOf(account, fields.get('accounts')!) : [];
        if (typeof pages === 'string') return graphError(400, 100, `(#100) ${pages}`);
        return json(200, {
          id: account.id,
          ...(fields.has('name') ? { name: account.name } : {}),
          // An edge with nothing on it is left out of the answer, as Graph does.
          ...(pages.length > 0 ? { accounts: { data: pages, paging: { cursors: { before: 'QVFIUa', after: 'QVFIUb' } } } } : {}),
        });
      }
      case 'graph:me/accounts': {
        const token = authed(state, req, network);
        if ('status' in token) return token;
        const fields = graphFields(req.query.get('fields') || 'id');
        if (typeof fields === 'string') return graphError(400, 100, `(#100) ${fields}`);
        const data = pagesOf(state.accounts.get(token.accountId)!, req.query.get('fields') ? fields : new Map());
        if (typeof data === 'string') return graphError(400, 100, `(#100) ${data}`);
        return json(200, { data, paging: { cursors: { before: 'QVFIUa', after: 'QVFIUb' } } });
      }
      default:
        return null;
    }
  };
