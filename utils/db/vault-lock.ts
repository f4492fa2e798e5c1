import type { SecretRecord, WardenDb, WrappedVaultKey } from './schema';
import { openTokens, sealTokens, vaultKey } from './vault';

/** OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
export const PBKDF2_ITERATIONS = 600_000;
export { MIN_PASSPHRASE } from '../passphrase';

const bytes = (text: string) => new TextEncoder().encode(text);

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', bytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

async function wrap(raw: ArrayBuffer, passphrase: string): Promise<WrappedVaultKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const kek = await passphraseKey(passphrase, salt, PBKDF2_ITERATIONS);
  return { ciphertext: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, kek, raw), iv, salt, iterations: PBKDF2_ITERATIONS };
}

/** The raw key for the session, or null for a wrong passphrase. */
export async function unwrapVaultKey(db: WardenDb, passphrase: string): Promise<ArrayBuffer | null> {
  const wrapped = (await db.keys.get('vault'))?.wrapped;
  if (!wrapped) return null;
  const kek = await passphraseKey(passphrase, wrapped.salt, wrapped.iterations);
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv: wrapped.iv }, kek, wrapped.ciphertext).catch(() => null);
}

/** A usable, non-extractable key from the session's raw bytes. */
export function importVaultKey(raw: ArrayBuffer): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/**
 * Turns the lock on. The stored key cannot be wrapped (it is non-extractable), so a new key
 * is made, every secret re-sealed under it in one transaction with the wrapped key, and the
 * old key deleted. Returns the new key's raw bytes, for the session only.
 */
export async function enableLock(db: WardenDb, passphrase: string): Promise<ArrayBuffer> {
  const old = await vaultKey(db);
  const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const raw = await crypto.subtle.exportKey('raw', fresh);
  const wrapped = await wrap(raw, passphrase);
  const before = await db.secrets.toArray();
  const resealed: SecretRecord[] = await Promise.all(before.map(async (r) => sealTokens(fresh, r.grantId, await openTokens(old, r))));
  await db.transaction('rw', [db.secrets, db.keys], async () => {
    // A secret written meanwhile (a refresh) would be lost: refuse, the person tries again.
    const now = await db.secrets.toArray();
    const same = now.length === before.length && now.every((r, i) => r.grantId === before[i]!.grantId && sameBytes(r.iv, before[i]!.iv));
    if (!same) throw new Error('Tokens changed while the lock was being set: try again.');
    await db.secrets.bulkPut(resealed);
    await db.keys.put({ id: 'vault', wrapped });
  });
  return raw;
}

/** Turns the lock off (the session must hold the key): the key is stored as is again, the default. */
export async function disableLock(db: WardenDb, raw: ArrayBuffer): Promise<void> {
  await db.keys.put({ id: 'vault', key: await importVaultKey(raw) });
}

/**
 * A forgotten passphrase: the wrapped key and every sealed token are erased (they cannot be
 * opened any more); the logins stay, each says no token is stored, and a renewal reconnects it.
 */
export async function resetLock(db: WardenDb): Promise<void> {
  await db.transaction('rw', [db.keys, db.secrets], async () => {
    await db.secrets.clear();
    await db.keys.delete('vault');
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
