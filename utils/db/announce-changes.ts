import Dexie from 'dexie';
import { CHANGES_CHANNEL, type ChangeNotice } from './names';

/**
 * Names the tables each committed write changed, on the BroadcastChannel that
 * open pages listen to (see page-store.ts). Returns a function that stops it.
 */
export function announceChanges(
  dbName: string,
  channel: Pick<BroadcastChannel, 'postMessage' | 'close'> = new BroadcastChannel(CHANGES_CHANNEL),
) {
  const prefix = `idb://${dbName}/`;
  const listener = (parts: Record<string, unknown>) => {
    const tables = new Set<string>();
    for (const key of Object.keys(parts)) {
      if (key.startsWith(prefix)) tables.add(key.slice(prefix.length).split('/')[0]!);
    }
    if (tables.size > 0) channel.postMessage({ db: dbName, tables: [...tables] } satisfies ChangeNotice);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    Dexie.on('storagemutated').unsubscribe(listener);
    channel.close();
  };
}
