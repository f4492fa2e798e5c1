import { CHANGES_CHANNEL, DB_NAME, type ChangeNotice } from '../db/names';
import type { TableName, TableRecord } from '../db/table-names';

export type { TableName, TableRecord } from '../db/table-names';

/**
 * What pages (popup, options, at-risk) read: IndexedDB straight, read-only,
 * without Dexie (30 KB the popup does not need to load). The background is
 * the only writer; after each committed write it names the changed tables on
 * a BroadcastChannel, and pages re-read what they show.
 */
export interface PageStore {
  all<N extends TableName>(table: N): Promise<TableRecord<N>[]>;
  get<N extends TableName>(table: N, key: IDBValidKey): Promise<TableRecord<N> | undefined>;
  /** Records whose `index` key lies within [lower, upper]. */
  between<N extends TableName>(table: N, index: string, lower: IDBValidKey, upper: IDBValidKey): Promise<TableRecord<N>[]>;
  /** The `limit` records with the highest `index` key, highest first. */
  newest<N extends TableName>(table: N, index: string, limit: number): Promise<TableRecord<N>[]>;
  /** Called with the changed tables after each committed background write. */
  onChange(listener: (tables: ReadonlySet<string>) => void): () => void;
  close(): void;
}

export interface PageStoreOptions {
  name?: string;
  idb?: IDBFactory;
  channel?: (name: string) => Pick<BroadcastChannel, 'addEventListener' | 'close'>;
}

const asPromise = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

export function openPageStore(options: PageStoreOptions = {}): PageStore {
  const name = options.name ?? DB_NAME;
  const idb = options.idb ?? indexedDB;
  let connection: Promise<IDBDatabase | null> | null = null;

  // Opening never creates or upgrades the database: that is the background's (Dexie's) job.
  // Not there yet = nothing to show (and the next change notice tries again).
  const open = () =>
    (connection ??= new Promise<IDBDatabase | null>((resolve, reject) => {
      const request = idb.open(name);
      let created = false;
      request.onupgradeneeded = () => {
        created = true;
        request.transaction?.abort();
      };
      request.onsuccess = () => {
        const db = request.result;
        // A newer version of the extension upgrades the schema: step aside, reopen on next read.
        db.onversionchange = () => {
          db.close();
          connection = null;
        };
        resolve(db);
      };
      request.onerror = (event) => {
        connection = null;
        if (created) {
          event.preventDefault();
          resolve(null);
        } else reject(request.error ?? new Error('IndexedDB could not be opened'));
      };
    }));

  async function read<T>(table: TableName, empty: T, run: (store: IDBObjectStore) => Promise<T>): Promise<T> {
    const db = await open();
    if (!db || !db.objectStoreNames.contains(table)) return empty;
    return run(db.transaction(table, 'readonly').objectStore(table));
  }

  const listeners = new Set<(tables: ReadonlySet<string>) => void>();
  const channel = (options.channel ?? ((n) => new BroadcastChannel(n)))(CHANGES_CHANNEL);
  channel.addEventListener('message', (event) => {
    const notice = (event as MessageEvent<ChangeNotice>).data;
    if (!notice || notice.db !== name || !Array.isArray(notice.tables)) return;
    const tables = new Set(notice.tables);
    for (const listener of listeners) listener(tables);
  });

  return {
    all: <T>(table: TableName) => read<T[]>(table, [], (store) => asPromise(store.getAll() as IDBRequest<T[]>)),
    get: <T>(table: TableName, key: IDBValidKey) =>
      read<T | undefined>(table, undefined, (store) => asPromise(store.get(key) as IDBRequest<T | undefined>)),
    between: <T>(table: TableName, index: string, lower: IDBValidKey, upper: IDBValidKey) =>
      read<T[]>(table, [], (store) => asPromise(store.index(index).getAll(IDBKeyRange.bound(lower, upper)) as IDBRequest<T[]>)),
    newest: <T>(table: TableName, index: string, limit: number) =>
      read<T[]>(
        table,
        [],
        (store) =>
          new Promise<T[]>((resolve, reject) => {
            const found: T[] = [];
            const request = store.index(index).openCursor(null, 'prev');
            request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
            request.onsuccess = () => {
              const cursor = request.result;
              if (!cursor || found.length >= limit) return resolve(found);
              found.push(cursor.value as T);
              cursor.continue();
            };
          }),
      ),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel.close();
      void connection?.then((db) => db?.close()).catch(() => undefined);
      connection = null;
    },
  };
}
