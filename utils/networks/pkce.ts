/** PKCE S256 (RFC 7636) and OAuth state with Web Crypto: works in the worker and in Node. */
function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * How a network wants SHA-256(verifier) written in `code_challenge`: RFC 7636's base64url, or
 * lower-case hex (TikTok's Login Kit documents HEX(SHA256(code_verifier)) and refuses base64url).
 */
export type ChallengeEncoding = 'base64url' | 'hex';

function randomToken(byteLength = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

export async function codeChallengeS256(verifier: string, encoding: ChallengeEncoding = 'base64url'): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return encoding === 'hex' ? hex(digest) : base64Url(digest);
}

export interface PkcePair {
  verifier: string;
  challenge: string;
  state: string;
}

export async function createPkce(encoding: ChallengeEncoding = 'base64url'): Promise<PkcePair> {
  const verifier = randomToken(48);
  return { verifier, challenge: await codeChallengeS256(verifier, encoding), state: randomToken(24) };
}
