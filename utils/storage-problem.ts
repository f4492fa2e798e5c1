/** Where the background keeps it, in session storage (in memory: writable with a full disk). */
export const STORAGE_PROBLEM_KEY = 'storageProblem';

/** Set while the browser refuses Token Warden's writes for lack of space (kept in session storage). */
export interface StorageProblem {
  at: number;
  /** The browser's error name, e.g. QuotaExceededError. */
  error: string;
}

/** A write refused for lack of space, as IndexedDB, Dexie (which wraps it) or storage report it. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    const { name, message, inner } = e as { name?: unknown; message?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message))) return true;
    e = inner;
  }
  return false;
}
