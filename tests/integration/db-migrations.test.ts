import Dexie from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, WardenDb } from '@/utils/db/schema';
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
    expect(v2.verno).toBe(8);
    await v2.delete();
  });
});

const SCHEMAS = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7];

/** 1,000 rows in every table a version had (ids and dates differ per row). */
function rowsFor(version: number): Record<string, object[]> {
  const n = 1000;
  const tables: Record<string, object[]> = {
    profiles: Array.from({ length: n }, (_, i) => ({ id: `facebook:${i}`, network: 'facebook', grantId: `facebook:g${i}`, name: `P${i}` })),
    grants: Array.from({ length: n }, (_, i) => ({
      id: `facebook:g${i}`,
      network: 'facebook',
      identityId: `u${i}`,
      nextCheckAt: i,
      expiresAt: i,
    })),
    secrets: Array.from({ length: n }, (_, i) => ({
      grantId: `facebook:g${i}`,
      iv: new Uint8Array([i % 256]),
      ciphertext: new ArrayBuffer(8),
    })),
    identities: Array.from({ length: n }, (_, i) => ({ id: `u${i}`, network: 'facebook', name: `U${i}`, access: {} })),
    ledger: Array.from({ length: n }, (_, i) => ({ key: `facebook:g${i}:1:7`, grantId: `facebook:g${i}`, channel: 'inbox', sentAt: i })),
    inbox: Array.from({ length: n }, (_, i) => ({ profileId: `facebook:${i}`, title: 't', body: 'b', createdAt: i, read: 0 })),
    history: Array.from({ length: n }, (_, i) => ({ profileId: `facebook:${i % 10}`, at: i, kind: 'check', text: 'ok' })),
  };
  if (version >= 2) tables.networkState = [{ id: 'facebook', pausedUntil: 5, reason: '429' }];
  if (version >= 3)
    tables.outbox = Array.from({ length: n }, (_, i) => ({
      channel: 'webhook',
      url: 'https://h.example/x',
      body: '{}',
      reminderKey: `k${i}`,
      createdAt: i,
      attempts: 0,
      nextAttemptAt: i,
      status: 'pending',
      lastError: null,
    }));
  if (version >= 4) tables.jobs = Array.from({ length: n }, (_, i) => ({ id: `job${i}`, network: 'facebook', total: 1, done: 0 }));
  if (version >= 6) tables.hub = [{ id: 'hub', url: 'https://hub.example', cursor: 3 }];
  if (version >= 5)
    tables.snapshots = [{ id: 'list-head', at: 7, total: 1, counts: { expired: 1, expiring: 0, valid: 0, 'no-expiry': 0 }, rows: [] }];
  return tables;
}

describe('upgrading from each earlier version with 1,000 rows', () => {
  it.each([1, 2, 3, 4, 5, 6, 7])(
    'from v%i: every row of every table is still there, unchanged, and the indexes answer',
    async (version) => {
      const name = `upgrade-from-v${version}`;
      const old = new Dexie(name);
      SCHEMAS.slice(0, version).forEach((schema, i) => old.version(i + 1).stores(schema));
      const rows = rowsFor(version);
      for (const [table, items] of Object.entries(rows)) await old.table(table).bulkAdd(items);
      old.close();

      const current = new WardenDb(name);
      for (const [table, items] of Object.entries(rows)) {
        const stored = await current.table(table).toArray();
        expect(stored).toHaveLength(items.length);
        // Auto-increment tables gained their ids; everything else is exactly what was written.
        const autoId = table === 'inbox' || table === 'history' || table === 'outbox';
        const comparable = (list: object[]) =>
          list
            .map((r) => ({ ...r, id: autoId ? undefined : (r as { id?: unknown }).id }))
            .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
        expect(comparable(stored)).toEqual(comparable(items));
      }
      expect(await current.grants.where('nextCheckAt').below(10).count()).toBe(10);
      expect(await current.history.where('[profileId+at]').between(['facebook:3', 0], ['facebook:3', Infinity]).count()).toBe(100);
      expect(current.verno).toBe(8);
      // v6's table is there, empty until this browser enrolls in a hub.
      expect(await current.hub.count()).toBe(version >= 6 ? 1 : 0);
      // v7: the grants' network and identity indexes are gone (nothing read by them; each cost a write).
      expect(current.grants.schema.indexes.map((i) => i.name)).toEqual(['nextCheckAt']);
      // v8: the profiles' network index too (a profile's id begins with its network).
      expect(current.profiles.schema.indexes.map((i) => i.name)).toEqual(['grantId']);
      expect(await current.profiles.where('id').startsWith('facebook:').count()).toBe(rows.profiles!.length);
      await current.snapshots.put({
        id: 'list-head',
        at: 1,
        total: 0,
        counts: { expired: 0, expiring: 0, valid: 0, 'no-expiry': 0 },
        rows: [],
      });
      await current.delete();
    },
  );
});
