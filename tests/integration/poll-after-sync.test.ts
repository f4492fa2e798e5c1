import 'fake-indexeddb/auto';
import type { Deps } from '@/entrypoints/background/deps';
import { disconnectThroughHub } from '@/entrypoints/background/hub-login';
import { syncFromHub } from '@/entrypoints/background/hub-sync';
import { pollGrants } from '@/entrypoints/background/poll';
import { stateChanged } from '@/entrypoints/background/state-changed';
import { enterHubMode } from '@/utils/db/hub-writes';
import { WardenDb, type HubRecord } from '@/utils/db/schema';

const NOW = Date.UTC(2026, 0, 10);
const DAY = 86_400_000;
const grant = (id: string) => ({
  id,
  network: 'facebook' as const,
  identityId: id,
  scopes: ['pages_show_list'],
  issuedAt: NOW - DAY,
  expiresAt: NOW + 2 * DAY,
  accessExpiresAt: null,
  invalidSince: null,
  invalidReason: null,
  refreshable: false,
  lastCheckAt: NOW,
  lastCheckResult: 'valid' as const,
  lastError: null,
  failures: 0,
  nextCheckAt: NOW + DAY,
});
const profile = (id: string, grantId: string) => ({
  id,
  network: 'facebook' as const,
  nativeId: id.split(':')[1]!,
  kind: 'page' as const,
  name: id,
  handle: null,
  avatar: null,
  grantId,
  createdAt: NOW - DAY,
});
const empty = { grants: [], profiles: [], removed: [], access: [], history: [] };

/** A browser enrolled in a hub, its cursor at 1. */
async function enrolled(name: string): Promise<WardenDb> {
  const db = new WardenDb(`${name}-${Math.random()}`);
  const hub: HubRecord = {
    id: 'hub',
    url: 'http://hub.example',
    memberEmail: 'o@example.org',
    role: 'owner',
    deviceId: 'd',
    enrolledAt: NOW,
    cursor: 1,
    lastSyncAt: null,
    lastError: null,
  };
  await enterHubMode(db, hub, `twd_${'k'.repeat(43)}`);
  return db;
}

/**
 * A poll's sync hands its committed rows to the state-changed step (no second read of every row);
 * a writer that commits after the sync (here a disconnect, while the poll leases its own grants)
 * must not be undone by those rows: the badge and the list head end as the tables are.
 */
describe('hub mode: a poll and a disconnect at the same time', () => {
  it('the list head and the badge follow the disconnect that came after the poll’s sync', async () => {
    const db = await enrolled('poll-after-sync');
    await db.grants.put({ ...grant('facebook:g1'), hub: true, renewal: null });
    await db.profiles.put({ ...profile('facebook:p1', 'facebook:g1'), handle: undefined, avatar: undefined });

    let syncs = 0;
    const json = (b: unknown) => Promise.resolve(new Response(JSON.stringify(b), { status: 200 }));
    const badges: { text: string }[] = [];
    const deps = {
      db,
      now: () => NOW,
      fetch: (url: string) => {
        if (url.includes('/v1/sync')) {
          syncs++;
          // The poll's sync brings a new page p2; the disconnect's sync removes p1.
          return json(
            syncs === 1
              ? { ...empty, cursor: 2, grants: [grant('facebook:g2')], profiles: [profile('facebook:p2', 'facebook:g2')] }
              : { ...empty, cursor: 3, removed: ['facebook:p1'] },
          );
        }
        if (url.includes('/v1/disconnect')) return json({ ok: true });
        if (url.includes('/v1/reminders/claim')) return json({ claimed: [] });
        return json({});
      },
      setBadge: (b: { text: string }) => Promise.resolve(void badges.push(b)),
      scheduleAlarm: () => Promise.resolve(),
      notify: () => Promise.resolve(),
      storageProblem: () => Promise.resolve(),
      ensurePollAlarm: () => Promise.resolve(),
    } as unknown as Deps;
    // "Disconnect p1" lands while the poll leases its own grants (after its sync committed), and
    // runs its own state-changed step, as the command does.
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    let fired = false;
    (db as unknown as { transaction: (...args: unknown[]) => unknown }).transaction = (...args: unknown[]) => {
      const tables = args
        .slice(1, -1)
        .flat()
        .map((t) => (typeof t === 'string' ? t : (t as { name: string }).name));
      if (!fired && tables.includes('networkState')) {
        fired = true;
        return disconnectThroughHub(deps, 'facebook:p1')
          .then(() => stateChanged(deps))
          .then(() => transaction(...args));
      }
      return transaction(...args);
    };
    await pollGrants(deps, { force: false });

    expect(fired).toBe(true);
    expect((await db.profiles.toArray()).map((p) => p.id)).toEqual(['facebook:p2']);
    const head = (await db.snapshots.toArray())[0]!;
    expect([head.rows.map((r) => r.profile.id), head.total]).toEqual([['facebook:p2'], 1]);
    expect(badges.at(-1)?.text).toBe('1');
  });

  it('a sync overtaken by another is dropped and asked again from the newer cursor: what it brought still lands', async () => {
    const db = await enrolled('overtaken');
    const asked: string[] = [];
    const deps = {
      db,
      now: () => NOW,
      fetch: async (url: string) => {
        asked.push(new URL(url).search);
        // The first answer is overtaken: another sync moves the cursor to 2 before it is written.
        if (asked.length === 1) await db.hub.update('hub', { cursor: 2 });
        const body =
          asked.length === 1
            ? { ...empty, cursor: 2, grants: [grant('facebook:g1')], profiles: [profile('facebook:p1', 'facebook:g1')] }
            : { ...empty, cursor: 3, grants: [grant('facebook:g2')], profiles: [profile('facebook:p2', 'facebook:g2')] };
        return new Response(JSON.stringify(body), { status: 200 });
      },
    } as unknown as Deps;
    const synced = await syncFromHub(deps);
    expect(asked).toEqual(['?since=1', '?since=2']);
    expect((synced.rows || []).map((r) => r.profile.id)).toEqual(['facebook:p2']);
    expect((await db.hub.get('hub'))?.cursor).toBe(3);
  });
});
