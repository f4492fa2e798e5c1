import { facebookToken } from './facebook';
import { formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import { tiktokToken } from './tiktok';
import type { SandboxState } from './state';

/**
 * The organisation's token-exchange URL (ARCHITECTURE §5): JSON in, the
 * network's own token answer out. A real one adds the client secret here.
 */
export function exchangeRoute(state: SandboxState, req: SandboxRequest): SandboxResponse {
  if (req.method !== 'POST') return json(405, { error: 'POST a JSON body' });
  const fields = formOf(req);
  const network = fields.get('network');
  fields.delete('network');
  fields.set('client_secret', 'sandbox-secret-held-by-the-backend');
  if (network === 'facebook') {
    if (!fields.get('client_id')) fields.set('client_id', 'sandbox-app');
    return facebookToken(state, fields);
  }
  if (network === 'tiktok') {
    if (!fields.get('client_key')) fields.set('client_key', 'sandbox-app');
    return tiktokToken(state, fields);
  }
  return json(400, { error: 'unsupported_network' });
}
