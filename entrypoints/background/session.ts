import { browser } from 'wxt/browser';

import { STORAGE_PROBLEM_KEY, type StorageProblem } from '@/utils/storage-problem';

/** The only user of browser.storage (session storage: in memory, so it works even with a full disk). */
const KEY = 'browserSessionStarted';

/**
 * True once per browser session: storage.session is emptied when the browser
 * restarts and kept across service-worker restarts. runtime.onStartup does
 * not fire in every case (an extension loaded with the browser from the command
 * line, for one), so worker start-up asks this instead.
 */
export async function claimBrowserSessionStart(): Promise<boolean> {
  const seen = await browser.storage.session.get(KEY);
  if (seen[KEY]) return false;
  await browser.storage.session.set({ [KEY]: Date.now() });
  return true;
}

/**
 * Records (or clears, with null) that writes are refused for lack of space. Pages show it;
 * returns true when the problem is new (it was not already recorded).
 */
export async function setStorageProblem(problem: StorageProblem | null): Promise<boolean> {
  const current = (await browser.storage.session.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY] as StorageProblem | undefined;
  if (problem === null) {
    if (current) await browser.storage.session.remove(STORAGE_PROBLEM_KEY);
    return false;
  }
  await browser.storage.session.set({ [STORAGE_PROBLEM_KEY]: problem });
  return !current;
}

const VAULT_KEY = 'vaultKey';
let cached: { raw: string; key: CryptoKey } | null = null;

/**
 * The unwrapped vault key of a locked vault, for this browser session only: storage.session
 * lives in memory (never on disk) and empties when the browser closes. Null when locked.
 */
export async function sessionVaultKey(importKey: (raw: ArrayBuffer) => Promise<CryptoKey>): Promise<CryptoKey | null> {
  const raw = (await browser.storage.session.get(VAULT_KEY))[VAULT_KEY] as string | undefined;
  if (!raw) return (cached = null);
  if (cached?.raw !== raw) cached = { raw, key: await importKey(base64ToBytes(raw)) };
  return cached.key;
}

/** Keeps the raw key for the session (after Unlock), or forgets it (Lock now: null). */
export async function setSessionVaultKey(raw: ArrayBuffer | null): Promise<void> {
  cached = null;
  if (raw === null) await browser.storage.session.remove(VAULT_KEY);
  else await browser.storage.session.set({ [VAULT_KEY]: bytesToBase64(raw) });
}

/** The raw key held for the session (to turn the lock off), or null. */
export async function sessionVaultRaw(): Promise<ArrayBuffer | null> {
  const raw = (await browser.storage.session.get(VAULT_KEY))[VAULT_KEY] as string | undefined;
  return raw ? base64ToBytes(raw) : null;
}

function bytesToBase64(raw: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(raw)));
}

function base64ToBytes(text: string): ArrayBuffer {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0)).buffer;
}
