import { signal } from '@preact/signals';
import type { SaveResult } from './messages';
import { confirmationKey, hostOf, originsToGrant, type UrlChange } from './url-policy';

/** A change waiting for the person: what it moves, and how to send it again once confirmed. */
export interface PendingUrlChange {
  changes: UrlChange[];
  resend: (confirmed: string[]) => Promise<SaveResult>;
}

/**
 * The page's half of the gate in front of token-receiving URLs (base and
 * exchange URLs, the hub URL): a command answered with `confirm` is held and
 * shown (`ConfirmUrls`); on Confirm the browser is asked for each new host
 * (it names them), then the command goes again with the confirmation.
 */
export function createUrlConfirmation(requestHosts: (origins: string[]) => Promise<boolean>) {
  const pending = signal<PendingUrlChange | null>(null);
  return {
    pending,
    /** Sends a command; a request for confirmation is held (null), anything else returned. */
    async submit(send: (confirmed?: string[]) => Promise<SaveResult>): Promise<SaveResult | null> {
      const result = await send();
      if (!result.ok && result.confirm?.length) {
        pending.value = { changes: result.confirm, resend: send };
        return null;
      }
      return result;
    },
    /** The Confirm click: host access is asked for on it (a user gesture), before any other await. */
    async confirm(): Promise<SaveResult | { ok: false; message: string; notGranted: string[] } | null> {
      const held = pending.value;
      if (!held) return null;
      pending.value = null;
      const origins = originsToGrant(held.changes);
      if (origins.length > 0 && !(await requestHosts(origins).catch(() => false))) {
        return { ok: false, message: '', notGranted: [...new Set(held.changes.filter((c) => c.to).map((c) => hostOf(c.to)))] };
      }
      return held.resend(held.changes.map(confirmationKey));
    },
    cancel(): void {
      pending.value = null;
    },
  };
}
export type UrlConfirmation = ReturnType<typeof createUrlConfirmation>;
