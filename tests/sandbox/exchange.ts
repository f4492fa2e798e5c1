import { facebookToken } from './facebook';
import { googleToken } from './google';
import { formOf, json, type SandboxRequest, type SandboxResponse } from './http';
import { linkedinIntrospect, linkedinToken } from './linkedin';
import { pinterestToken } from './pinterest';
import type { SandboxState } from './state';
import { threadsToken } from './threads';
import { tiktokToken } from './tiktok';
import { xToken } from './x';

/**
 * The organisation's token-exchange URL (ARCHITECTURE §5): JSON in, the
 * network's own token answer out. A real one adds the client secret here.
 */
export function exchangeRoute(state: SandboxState, req: SandboxRequest): SandboxResponse {
  if (req.method !== 'POST') return json(405, { error: 'POST a JSON body' });
  const fields = formOf(req);
  const network = fields.get('network') ?? '';
  fields.delete('network');
  fields.set('client_secret', 'sandbox-secret-held-by-the-backend');
  for (const key of ['client_id', 'client_key']) if (!fields.get(key)) fields.set(key, 'sandbox-app');
  switch (network) {
    case 'facebook':
    case 'instagram':
      return facebookToken(state, fields, network);
    case 'youtube':
    case 'google-business':
      return googleToken(state, network, fields);
    case 'threads':
      return threadsToken(state, fields);
    case 'linkedin':
      return fields.get('grant_type') === 'introspect' ? linkedinIntrospect(state, fields) : linkedinToken(state, fields);
    case 'pinterest':
      return pinterestToken(state, fields);
    case 'tiktok':
      return tiktokToken(state, fields);
    case 'x':
      return xToken(state, fields);
    default:
      return json(400, { error: 'unsupported_network' });
  }
}
