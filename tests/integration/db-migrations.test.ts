import Dexie from 'dexie';
import { SCHEMA_V1, WardenDb } from '@/utils/db/schema';
import { loadSettings } from '@/utils/db/settings-store';

describe('Dexie migrations', () => {
  it('v1 → v2 keeps every row and adds the network-state table', async () => {
    const name = 'migration-v1';
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('profiles').bulkAdd(
      Array.from({ length: 1000 }, (_, i) => ({
        id: `facebook:${i}`,
        network: 'facebook',
        grantId: `facebook:g${i % 10}`,
        name: `P${i}`,
      })),
    );
    await v1
      .table('grants')
      .bulkAdd(Array.from({ length: 10 }, (_, i) => ({ id: `facebook:g${i}`, network: 'facebook', identityId: 'x', nextCheckAt: i })));
    await v1.table('settings').put({ id: 'prefs', doc: { version: 1, networks: {}, polling: { intervalMinutes: 15 } } });
    v1.close();

    const v2 = new WardenDb(name);
    expect(await v2.profiles.count()).toBe(1000);
    expect(await v2.grants.where('nextCheckAt').belowOrEqual(4).count()).toBe(5);
    expect((await v2.settings.get('prefs'))?.doc.polling.intervalMinutes).toBe(15);
    // The stored preferences document (version 1) is migrated when read, not lost.
    const loaded = await loadSettings(v2);
    expect(loaded).toMatchObject({
      repaired: false,
      settings: { version: 2, polling: { intervalMinutes: 15 }, reminders: { thresholds: [7, 3, 1, 0] } },
    });
    await v2.networkState.put({ id: 'x', pausedUntil: 1, reason: 'r' });
    expect(v2.verno).toBe(4);
    await v2.delete();
  });
});
