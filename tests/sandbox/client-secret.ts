import { randomBytes } from 'node:crypto';
import { formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import type { SandboxNetwork, SandboxState } from './state';

/**
 * The networks' strictness about the client secret, opt-in (`POST /_control/require-secret
 * {secret}`; `{secret: null}` turns it off): personal mode reaches token endpoints as a public
 * client or through the exchange URL, the hub with the organisation's secret. Once on, each
 * token endpoint that needs the secret in production refuses a request without it, with the
 * network's own error. The requirement is the sandbox's configuration, like an app's
 * registration, so `reset` keeps it. Kept beside SandboxState (not in it) to stay in one file.
 */
const required = new WeakMap<SandboxState, string>();

type Carrier = 'field' | 'basic';
type Refusal = (missing: boolean) => SandboxResponse;

const graph =
  (trace: string): Refusal =>
  (missing) =>
    json(400, {
      error: {
        message: missing ? 'Missing client_secret parameter.' : 'Error validating client secret.',
        type: 'OAuthException',
        code: missing ? 101 : 1,
        fbtrace_id: trace,
      },
    });
const google: Refusal = (missing) =>
  missing
    ? json(400, { error: 'invalid_request', error_description: 'client_secret is missing.' })
    : json(401, { error: 'invalid_client', error_description: 'Unauthorized' });

/** Per network: the token endpoints that need the secret (paths after the network prefix), how it is sent, and the refusal. */
const ENDPOINTS: Record<SandboxNetwork, { paths: RegExp; carrier: Carrier; refuse: Refusal }> = {
  facebook: { paths: /^graph\.facebook\.com\/v\d+\.\d+\/oauth\/access_token$/, carrier: 'field', refuse: graph('AbCdSecret1') },
  instagram: { paths: /^graph\.facebook\.com\/v\d+\.\d+\/oauth\/access_token$/, carrier: 'field', refuse: graph('AbCdSecret2') },
  // Threads' refresh (refresh_access_token) takes the long-lived token alone, as on Threads.
  threads: { paths: /^graph\.threads\.net\/(oauth\/)?access_token$/, carrier: 'field', refuse: graph('ThrSecret1') },
  youtube: { paths: /^oauth2\.googleapis\.com\/token$/, carrier: 'field', refuse: google },
  'google-business': { paths: /^oauth2\.googleapis\.com\/token$/, carrier: 'field', refuse: google },
  linkedin: {
    paths: /^www\.linkedin\.com\/oauth\/v2\/(accessToken|introspectToken)$/,
    carrier: 'field',
    refuse: () => json(401, { error: 'invalid_client', error_description: 'Client authentication failed' }),
  },
  pinterest: {
    paths: /^api\.pinterest\.com\/v5\/oauth\/token$/,
    carrier: 'basic',
    refuse: () => json(401, { code: 2, message: 'Authentication failed.' }),
  },
  tiktok: {
    paths: /^open\.tiktokapis\.com\/v2\/oauth\/token\/$/,
    carrier: 'field',
    refuse: () =>
      json(401, {
        error: 'invalid_client',
        error_description: 'Client key or secret is incorrect.',
        log_id: randomBytes(16).toString('hex').toUpperCase(),
      }),
  },
  x: {
    paths: /^api\.x\.com\/2\/oauth2\/token$/,
    carrier: 'basic',
    refuse: () => json(401, { error: 'unauthorized_client', error_description: 'Missing valid authorization header' }),
  },
};

/** `POST /_control/require-secret {secret: string | null}`. */
export function requireSecretRoute(state: SandboxState, req: SandboxRequest): SandboxResponse {
  let secret: unknown;
  try {
    secret = (JSON.parse(req.body || '{}') as { secret?: unknown }).secret;
  } catch {
    return json(400, { error: 'the body must be JSON: {"secret": "…"} or {"secret": null}' });
  }
  if (secret === null) required.delete(state);
  else if (typeof secret === 'string' && secret) required.set(state, secret);
  else return json(400, { error: 'secret: a non-empty string, or null to stop requiring one' });
  return json(200, { ok: true, required: secret !== null });
}

/** The secret a request carries the way its network takes it: a form or query field, or HTTP Basic (RFC 6749 §2.3.1). */
function carried(carrier: Carrier, req: SandboxRequest): string | null {
  if (carrier === 'field') return formOf(req).get('client_secret') ?? req.query.get('client_secret');
  const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!basic) return null;
  const pair = Buffer.from(basic, 'base64').toString('utf8');
  const colon = pair.indexOf(':');
  if (colon < 0) return null;
  try {
    return decodeURIComponent(pair.slice(colon + 1));
  } catch {
    return null;
  }
}

/** The network's refusal when a secret is required and this token request lacks it (or has another); null otherwise. */
export function secretRefusal(state: SandboxState, network: string, req: SandboxRequest): SandboxResponse | null {
  const secret = required.get(state);
  const endpoint = ENDPOINTS[network as SandboxNetwork] as (typeof ENDPOINTS)[SandboxNetwork] | undefined;
  if (!secret || !endpoint?.paths.test(req.path)) return null;
  const sent = carried(endpoint.carrier, req);
  return sent === secret ? null : endpoint.refuse(sent === null);
}
