import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { SecretTokens } from './tokens';

/**
 * The keys of tokens at rest: HUB_SECRET_KEY seals, and opens together with the key it replaced
 * (HUB_SECRET_KEY_PREVIOUS) while `npm run hub -- reseal` moves every token set to the new one.
 */
export interface TokenKeys {
  current: Buffer;
  previous: Buffer | null;
}

/** Tokens at rest: AES-256-GCM under the current key, the grant id as associated data (a sealed set moved to another grant will not open). */
export function sealTokens(keys: TokenKeys, grantId: string, tokens: SecretTokens): { iv: Buffer; ct: Buffer } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
  cipher.setAAD(Buffer.from(grantId, 'utf8'));
  const plain = Buffer.from(JSON.stringify(tokens), 'utf8');
  const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return { iv, ct };
}

/** A token set neither key opens: sealed under a HUB_SECRET_KEY that was replaced without naming it as the previous one. */
export class TokenKeyError extends Error {
  override name = 'TokenKeyError';
  constructor() {
    super("A profile's tokens were sealed under another HUB_SECRET_KEY: set HUB_SECRET_KEY_PREVIOUS to the key it replaced");
  }
}

/** Opens a sealed set with the current key, or the previous one, saying which; TokenKeyError when neither opens it. */
export function openSealed(keys: TokenKeys, grantId: string, iv: Buffer, ct: Buffer): { tokens: SecretTokens; underCurrent: boolean } {
  for (const key of keys.previous ? [keys.current, keys.previous] : [keys.current]) {
    try {
      return { tokens: openWith(key, grantId, iv, ct), underCurrent: key === keys.current };
    } catch {
      // the next key, if any
    }
  }
  throw new TokenKeyError();
}

/** Opens a sealed set with the current key, or the previous one; TokenKeyError when neither opens it. */
export function openTokens(keys: TokenKeys, grantId: string, iv: Buffer, ct: Buffer): SecretTokens {
  return openSealed(keys, grantId, iv, ct).tokens;
}

/** Whether the current key opens this set (else it was sealed under the previous one). */
export function sealedUnderCurrent(keys: TokenKeys, grantId: string, iv: Buffer, ct: Buffer): boolean {
  try {
    openWith(keys.current, grantId, iv, ct);
    return true;
  } catch {
    return false;
  }
}

function openWith(key: Buffer, grantId: string, iv: Buffer, ct: Buffer): SecretTokens {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(grantId, 'utf8'));
  decipher.setAuthTag(ct.subarray(ct.length - 16));
  const plain = Buffer.concat([decipher.update(ct.subarray(0, ct.length - 16)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as SecretTokens;
}

/** A bearer key: 256 random bits behind a prefix that says what it is (`twd_` device, `tws_` service). */
export function newKey(prefix: 'twd' | 'tws'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Keys and codes are stored only as this hash (they carry 80 to 256 random bits: a plain SHA-256 suffices). */
export function hashSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A one-time enrollment code people can type: 16 characters of an unambiguous alphabet (80 bits), in groups of four. */
export function newEnrollmentCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export function normaliseCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/(.{4})(?=.)/g, '$1-');
}

export function shortId(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('base64url')}`;
}
