import 'fake-indexeddb/auto';
import { announceChanges } from '@/utils/db/announce-changes';
import { liveSignal } from '@/utils/pages/live';
import { openPageStore } from '@/utils/pages/page-store';
import { WardenDb, type ProfileRecord } from '@/utils/db/schema';

const until = async (ok: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!ok()) throw new Error(`timed out waiting for ${what}`);
};

function setup() {
  const name = `page-store-${Math.random()}`;
  const stop = announceChanges(name);
  const store = openPageStore({ name });
  onTestFinished(() => (stop(), store.close()));
  return { name, store };
}

const profile = (i: number): ProfileRecord => ({
  id: `x:${i}`,
  network: 'x',
  nativeId: String(i),
  kind: 'personal',
  name: `P${i}`,
  grantId: 'x:g',
  createdAt: i,
});

describe('the page store (pages read IndexedDB without Dexie)', () => {
  it('reads nothing before the background made the database, and does not make it', async () => {
    const { name, store } = setup();
    expect(await store.all('profiles')).toEqual([]);
    expect(await store.get('settings', 'prefs')).toBeUndefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name);
    // The background then creates it with every table, at Dexie's version.
    const db = new WardenDb(name);
    await db.profiles.add(profile(1));
    expect(await store.all('profiles')).toEqual([profile(1)]);
    db.close();
  });

  it('re-reads a live query after a background write to its table, and only then', async () => {
    const { name, store } = setup();
    const db = new WardenDb(name);
    await db.open();
    let reads = 0;
    const live = liveSignal(store, ['profiles'], () => (reads++, store.all('profiles')), []);
    await until(() => reads === 1, 'first read');
    await db.profiles.add(profile(1));
    await until(() => live.value.value.length === 1, 'the new profile');
    const before = reads;
    await db.inbox.add({ profileId: 'x:1', createdAt: 1, read: 0, title: 't', body: 'b' });
    await db.profiles.add(profile(2));
    await until(() => live.value.value.length === 2, 'the second profile');
    // The inbox write did not re-read the profiles: one read for the profile write.
    expect(reads).toBe(before + 1);
    live.dispose();
    const told: string[][] = [];
    const stop = store.onChange((t) => told.push([...t]));
    await db.profiles.add(profile(3));
    // The change was announced (so a live query would have re-read by now), and this one did not.
    await until(() => told.some((t) => t.includes('profiles')), 'the change notice');
    stop();
    expect(live.value.value).toHaveLength(2);
    db.close();
  });

  it('newest and between use the indexes: the 50 latest inbox entries, one profile’s timeline', async () => {
    const { name, store } = setup();
    const db = new WardenDb(name);
    await db.inbox.bulkAdd(Array.from({ length: 120 }, (_, i) => ({ profileId: 'x:1', createdAt: i, read: 0, title: `${i}`, body: '' })));
    await db.history.bulkAdd([
      { profileId: 'x:1', at: 5, kind: 'check', text: 'a' },
      { profileId: 'x:2', at: 6, kind: 'check', text: 'b' },
      { profileId: 'x:1', at: 7, kind: 'check', text: 'c' },
    ] as never);
    const newest = await store.newest('inbox', 'createdAt', 50);
    expect(newest.map((e) => e.createdAt)).toEqual(Array.from({ length: 50 }, (_, i) => 119 - i));
    const timeline = await store.between('history', '[profileId+at]', ['x:1', 0], ['x:1', Infinity]);
    expect(timeline.map((h) => h.at)).toEqual([5, 7]);
    db.close();
  });

  it('an open page never blocks a schema upgrade (extension update): it steps aside and reads the new version', async () => {
    const { name, store } = setup();
    const db = new WardenDb(name);
    await db.profiles.add(profile(1));
    db.close();
    expect(await store.all('profiles')).toHaveLength(1);
    const upgraded = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1000);
      request.onupgradeneeded = () => request.result.createObjectStore('later');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
      request.onblocked = () => reject(new Error('blocked by the page'));
    });
    upgraded.close();
    expect(await store.all('profiles')).toHaveLength(1);
  });

  it('ignores notices for another database and malformed notices', async () => {
    const { name: dbName, store } = setup();
    const seen: string[][] = [];
    store.onChange((t) => seen.push([...t]));
    const channel = new BroadcastChannel('token-warden.changes');
    channel.postMessage({ db: 'other', tables: ['profiles'] });
    channel.postMessage('junk');
    channel.postMessage({ db: 'x', tables: 'profiles' });
    // Messages arrive in order: once this valid one is seen, the others were all handled.
    channel.postMessage({ db: dbName, tables: ['sentinel'] });
    await until(() => seen.length > 0, 'the sentinel');
    channel.close();
    expect(seen).toEqual([['sentinel']]);
  });
});
