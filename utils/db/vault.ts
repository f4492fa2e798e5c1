import type { TokenSet } from '../networks/types';
import type { SecretRecord, WardenDb } from './schema';

/** The secret part of a token set: only this is encrypted and stored in `secrets`. */
export interface SecretTokens {
  accessToken: string;
  refreshToken?: string;
}

/** A check or a renewal needs a token while the vault is locked: it waits for Unlock. */
export class VaultLockedError extends Error {
  constructor() {
    super('Token Warden is locked: unlock it in the popup first.');
    this.name = 'VaultLockedError';
  }
}

let unlockedKey: () => Promise<CryptoKey | null> = () => Promise.resolve(null);

/** Where the unwrapped key of a locked vault is found (the background's session storage). */
export function setUnlockedKeySource(source: () => Promise<CryptoKey | null>): void {
  unlockedKey = source;
}

/** 'open': the default (key stored as is); 'locked' / 'unlocked': the opt-in lock. */
export async function vaultMode(db: WardenDb): Promise<'open' | 'locked' | 'unlocked'> {
  const row = await db.keys.get('vault');
  if (!row?.wrapped) return 'open';
  return (await unlockedKey()) ? 'unlocked' : 'locked';
}

/**
 * The vault key: AES-GCM 256, non-extractable, created once and kept in
 * IndexedDB. Script in the extension can use it but never read its bytes; the
 * browser, though, writes them into the profile's IndexedDB files, so a copy of
 * the profile opens the tokens unless the lock is on (vault-lock.ts).
 */
export async function vaultKey(db: WardenDb): Promise<CryptoKey> {
  const existing = await db.keys.get('vault');
  if (existing?.key) return existing.key;
  if (existing?.wrapped) {
    // Locked mode: the key exists unwrapped only in the browser session's memory (or not at all).
    const unlocked = await unlockedKey();
    if (!unlocked) throw new VaultLockedError();
    return unlocked;
  }
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // Two first runs may race: whichever key lands first is the one everybody uses.
  return db.transaction('rw', db.keys, async () => {
    const again = await db.keys.get('vault');
    if (again?.key) return again.key;
    if (again) throw new VaultLockedError();
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
