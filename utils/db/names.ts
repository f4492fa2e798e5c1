/** The IndexedDB database every context opens (Dexie in the background, the page store in pages). */
export const DB_NAME = 'token-warden';

/** The BroadcastChannel on which the background names the tables a committed write changed. */
export const CHANGES_CHANNEL = 'token-warden.changes';

export interface ChangeNotice {
  db: string;
  tables: string[];
}
