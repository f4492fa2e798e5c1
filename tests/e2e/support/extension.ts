import { confirmationKey } from '../../../utils/url-policy';
import type { Page, WebWorker } from 'puppeteer-core';

/** Sends a command the way the popup does (through runtime messaging from an extension page). */
export async function command<T = unknown>(page: Page, name: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), { command: name, payload })) as {
    ok: boolean;
    result?: T;
    error?: string;
  };
  if (!reply.ok) throw new Error(reply.error);
  return reply.result as T;
}

export type SaveReply =
  { ok: true } | { ok: false; message: string; confirm?: { field: string; label: string; from: string; to: string }[] };

/**
 * Imports a settings document as the options page does: when it moves a URL that receives
 * tokens, the change is confirmed as shown (the e2e build has 127.0.0.1 granted, so the browser
 * has nothing to ask). `send` defaults to runtime messaging from `page`.
 */
export async function importSettings(page: Page, settings: unknown, send?: (payload: unknown) => Promise<SaveReply>): Promise<SaveReply> {
  const text = typeof settings === 'string' ? settings : JSON.stringify(settings);
  const run = send ?? ((payload: unknown) => command<SaveReply>(page, 'importSettings', payload));
  const first = await run({ text });
  if (first.ok || !first.confirm) return first;
  return run({ text, confirmed: first.confirm.map(confirmationKey) });
}

/** Reads a whole IndexedDB table with the raw API (what is really stored), from the worker or an extension page. */
export function readTable<T = Record<string, unknown>>(where: WebWorker | Page, table: string): Promise<T[]> {
  return (where as WebWorker).evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('token-warden');
        open.onerror = () => reject(new Error(open.error?.message ?? 'IndexedDB open failed'));
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => reject(new Error(req.error?.message ?? 'IndexedDB read failed'));
        };
      }),
    table,
  );
}

/** Sets fields on stored grants, all or one network's (test set-up: a test cannot wait for days to pass). */
export function patchGrants(where: WebWorker | Page, changes: Record<string, unknown>, network?: string): Promise<void> {
  return (where as WebWorker).evaluate(
    (fields, only) =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('token-warden');
        open.onsuccess = () => {
          const store = open.result.transaction('grants', 'readwrite').objectStore('grants');
          store.openCursor().onsuccess = (e) => {
            const cursor = (e.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return resolve();
            const grant = cursor.value as { network: string };
            if (!only || grant.network === only) cursor.update({ ...grant, ...fields });
            cursor.continue();
          };
        };
      }),
    changes,
    network ?? null,
  );
}

export async function badge(worker: WebWorker): Promise<{ text: string; color: number[] }> {
  return worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: (await chrome.action.getBadgeBackgroundColor({})) as unknown as number[],
  }));
}

/** The popup's rows as a person reads them. */
export async function popupRows(page: Page): Promise<{ id: string; name: string; status: string; text: string; outcome: string }[]> {
  return page.$$eval('li.row', (rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-profile-id') ?? '',
      name: r.querySelector('.row-name')?.textContent ?? '',
      status: r.getAttribute('data-status') ?? '',
      text: r.querySelector('.pill-text')?.textContent ?? '',
      outcome: r.querySelector('.row-outcome')?.textContent ?? '',
    })),
  );
}
