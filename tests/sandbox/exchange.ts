import { facebookToken } from './facebook';
import { googleToken } from './google';
import { contractBreach } from './exchange-contract';
import { json, type SandboxRequest, type SandboxResponse } from './http';
import { linkedinIntrospect, linkedinToken } from './linkedin';
import { pinterestToken } from './pinterest';
import { SANDBOX_NETWORKS, type SandboxNetwork, type SandboxState } from './state';
import { threadsToken } from './threads';
import { tiktokToken } from './tiktok';
import { xToken } from './x';

function bodyOf(req: SandboxRequest): Record<string, unknown> | null {
  if (!(req.headers['content-type'] ?? '').includes('application/json')) return null;
  try {
    const parsed: unknown = JSON.parse(req.body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The organisation's token-exchange URL (ARCHITECTURE §5): JSON in, the network's own token
 * answer out. A real one adds the client secret here. It holds requests to the documented
 * contract (exchange-contract.ts): an unknown field or a missing client ID is refused.
 */
export function exchangeRoute(state: SandboxState, req: SandboxRequest): SandboxResponse {
  if (req.method !== 'POST') return json(405, { error: 'invalid_request', error_description: 'POST a JSON body' });
  const body = bodyOf(req);
  if (!body) return json(400, { error: 'invalid_request', error_description: 'The body must be a JSON object' });
  const network = (typeof body.network === 'string' ? body.network : '') as SandboxNetwork;
  if (!SANDBOX_NETWORKS.includes(network)) return json(400, { error: 'unsupported_network' });
  const breach = contractBreach(network, body);
  if (breach) return json(400, { error: 'invalid_request', error_description: breach });
  const fields = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)]));
  fields.delete('network');
  fields.set('client_secret', 'sandbox-secret-held-by-the-backend');
  switch (network) {
    case 'facebook':
    case 'instagram':
      return facebookToken(state, fields, network);
    case 'youtube':
    case 'google-business':
      return googleToken(state, network, fields);
    case 'threads':
      // Threads itself takes the short-lived token as access_token.
      if (fields.get('grant_type') === 'th_exchange_token') fields.set('access_token', fields.get('fb_exchange_token')!);
      return threadsToken(state, fields);
    case 'linkedin':
      return fields.get('grant_type') === 'introspect' ? linkedinIntrospect(state, fields) : linkedinToken(state, fields);
    case 'pinterest':
      return pinterestToken(state, fields);
    case 'tiktok':
      return tiktokToken(state, fields);
    case 'x':
      return xToken(state, fields);
  }
}
