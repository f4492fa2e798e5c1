import type { SandboxNetwork } from './state';

/**
 * The token-exchange URL's request contract, as README's "Settings file format" documents it:
 * a JSON body with these fields and no other. A real backend would refuse anything else (it
 * forwards fields to the network with its client secret), so the sandbox does too.
 */
export const EXCHANGE_FIELDS = [
  'network',
  'grant_type',
  'client_id',
  'client_key',
  'code',
  'code_verifier',
  'redirect_uri',
  'refresh_token',
  'refresh_on',
  'fb_exchange_token',
  'token',
] as const;

/** The fields each grant type must carry (besides network, grant_type and the client-id field). */
const REQUIRED: Record<string, readonly string[]> = {
  authorization_code: ['code', 'redirect_uri'],
  refresh_token: ['refresh_token'],
  fb_exchange_token: ['fb_exchange_token'],
  th_exchange_token: ['fb_exchange_token'],
  introspect: ['token'],
};

/** Grant types a network's backend forwards (its own token endpoint's, plus LinkedIn introspection). */
const GRANTS: Record<SandboxNetwork, readonly string[]> = {
  youtube: ['authorization_code', 'refresh_token'],
  'google-business': ['authorization_code', 'refresh_token'],
  facebook: ['authorization_code', 'fb_exchange_token'],
  instagram: ['authorization_code', 'fb_exchange_token'],
  threads: ['authorization_code', 'th_exchange_token'],
  linkedin: ['authorization_code', 'refresh_token', 'introspect'],
  pinterest: ['authorization_code', 'refresh_token'],
  tiktok: ['authorization_code', 'refresh_token'],
  x: ['authorization_code', 'refresh_token'],
};

/** TikTok names its client ID client_key; every other network client_id. */
export const clientIdField = (network: SandboxNetwork): 'client_key' | 'client_id' => (network === 'tiktok' ? 'client_key' : 'client_id');

/** Why a request breaks the contract, or null when it keeps it. */
export function contractBreach(network: SandboxNetwork, body: Record<string, unknown>): string | null {
  const known = new Set<string>(EXCHANGE_FIELDS);
  const extra = Object.keys(body).filter((k) => !known.has(k));
  if (extra.length > 0) return `Fields not in the token-exchange contract: ${extra.join(', ')}`;
  const nonString = Object.entries(body).filter(([, v]) => typeof v !== 'string');
  if (nonString.length > 0) return `Fields must be strings: ${nonString.map(([k]) => k).join(', ')}`;
  const grant = typeof body.grant_type === 'string' ? body.grant_type : '';
  if (!GRANTS[network].includes(grant)) return `grant_type ${grant || '(none)'} is not forwarded for ${network}`;
  const idField = clientIdField(network);
  const missing = [idField, ...REQUIRED[grant]!].filter((k) => !body[k]);
  if (missing.length > 0) return `Missing fields: ${missing.join(', ')}`;
  const otherId = idField === 'client_id' ? 'client_key' : 'client_id';
  if (otherId in body) return `${network} names its client ID ${idField}, not ${otherId}`;
  return null;
}
