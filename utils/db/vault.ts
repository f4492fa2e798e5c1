import type { TokenSet } from '../networks/types';
import type { SecretRecord, WardenDb } from './schema';

/** The secret part of a token set: only this is encrypted and stored in `secrets`. */
export interface SecretTokens {
  accessToken: string;
  refreshToken?: string;
}

/**
 * The vault key: AES-GCM 256, non-extractable, created once and kept in
 * IndexedDB. Script in the extension can use it but never read its bytes, so
 * a copy of the profile's files alone does not yield the tokens.
 */
export async function vaultKey(db: WardenDb): Promise<CryptoKey> {
  const existing = await db.keys.get('vault');
  if (existing) return existing.key;
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // Two first runs may race: whichever key lands first is the one everybody uses.
  return db.transaction('rw', db.keys, async () => {
    const again = await db.keys.get('vault');
    if (again) return again.key;
    await db.keys.add({ id: 'vault', key: fresh });
    return fresh;
  });
}

export async function sealTokens(key: CryptoKey, grantId: string, tokens: SecretTokens): Promise<SecretRecord> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify({ a: tokens.accessToken, r: tokens.refreshToken }));
  // The grant id is bound as additional data: a secret moved to another grant will not open.
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(grantId) }, key, plain);
  return { grantId, iv, ciphertext };
}

export async function openTokens(key: CryptoKey, record: SecretRecord): Promise<SecretTokens> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: record.iv, additionalData: new TextEncoder().encode(record.grantId) },
    key,
    record.ciphertext,
  );
  const parsed = JSON.parse(new TextDecoder().decode(plain)) as { a: string; r?: string };
  return { accessToken: parsed.a, refreshToken: parsed.r };
}

export function secretPart(tokens: TokenSet): SecretTokens {
  return { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
}
