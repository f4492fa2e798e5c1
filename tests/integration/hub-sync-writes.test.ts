import 'fake-indexeddb/auto';
import { syncFromHub } from '@/entrypoints/background/hub-sync';
import type { Deps } from '@/entrypoints/background/deps';
import { applyHubSync, enterHubMode, leaveHubMode } from '@/utils/db/hub-writes';
import { readProfileRows, type ProfileRow } from '@/utils/db/profile-rows';
import { WardenDb, type GrantRecord, type HubRecord } from '@/utils/db/schema';
import type { SyncAnswer } from '@/utils/hub-protocol';

const NOW = Date.UTC(2026, 0, 10);
const DAY = 86_400_000;

const grant = (id: string, expiresAt = NOW + 30 * DAY): SyncAnswer['grants'][number] => ({
  id,
  network: 'facebook',
  identityId: id,
  scopes: ['pages_show_list'],
  issuedAt: NOW - DAY,
  expiresAt,
  accessExpiresAt: null,
  invalidSince: null,
  invalidReason: null,
  refreshable: false,
  lastCheckAt: NOW,
  lastCheckResult: 'valid',
  lastError: null,
  failures: 0,
  nextCheckAt: NOW + DAY,
});

const profile = (id: string, grantId: string, name = `Page ${id}`): SyncAnswer['profiles'][number] => ({
  id,
  network: 'facebook',
  nativeId: id.split(':')[1]!,
  kind: 'page',
  name,
  handle: null,
  avatar: null,
  grantId,
  createdAt: NOW - DAY,
});

const answer = (parts: Partial<SyncAnswer>): SyncAnswer => ({
  cursor: 1,
  grants: [],
  profiles: [],
  removed: [],
  access: [],
  history: [],
  ...parts,
});

let seq = 0;
async function enrolledDb(): Promise<WardenDb> {
  const db = new WardenDb(`hub-sync-${++seq}`);
  const hub: HubRecord = {
    id: 'hub',
    url: 'http://127.0.0.1:1',
    memberEmail: 'owner@example.org',
    role: 'owner',
    deviceId: 'd1',
    enrolledAt: NOW,
    cursor: 0,
    lastSyncAt: null,
    lastError: null,
  };
  await db.hub.put(hub);
  onTestFinished(() => db.delete());
  return db;
}

describe('a hub sync written to IndexedDB', () => {
  it('a first sync writes every profile and grant, and returns them as a read after the commit gives them', async () => {
    const db = await enrolledDb();
    // This browser's own login (personal mode) stays, and is among the rows handed on.
    const own: GrantRecord = { ...grant('linkedin:me'), network: 'linkedin', renewal: null };
    await db.grants.put(own);
    await db.profiles.put({ ...profile('linkedin:me', 'linkedin:me'), network: 'linkedin', handle: undefined, avatar: undefined });
    const ids = Array.from({ length: 300 }, (_, i) => `facebook:${String(300 - i).padStart(4, '0')}`);
    const rows = await applyHubSync(
      db,
      answer({ cursor: 7, grants: ids.map((id) => grant(id)), profiles: ids.map((id) => profile(id, id)) }),
      NOW,
      0,
    );
    expect(rows).toEqual(await readProfileRows(db));
    expect(rows).toHaveLength(301);
    expect((rows as ProfileRow[]).map((r) => r.profile.id)).toEqual([...ids, 'linkedin:me'].sort());
    const stored = await db.grants.get('facebook:0001');
    expect(stored).toMatchObject({ hub: true, renewal: null, leasedUntil: 0 });
    // Never polled here: no next check, so no entry in the poll's index (a write fewer per grant).
    expect(stored).not.toHaveProperty('nextCheckAt');
    expect(await db.grants.where('nextCheckAt').aboveOrEqual(-Infinity).count()).toBe(1);
    expect(await db.hub.get('hub')).toMatchObject({ cursor: 7, lastSyncAt: NOW, lastError: null });
  });

  it("a login of this browser's own that the hub takes over leaves no token behind; other own logins keep theirs", async () => {
    const db = await enrolledDb();
    const sealed = (grantId: string) => ({ grantId, iv: new Uint8Array(12), ciphertext: new ArrayBuffer(32) });
    for (const id of ['facebook:0001', 'linkedin:me']) {
      await db.grants.put({ ...grant(id), renewal: null });
      await db.secrets.put(sealed(id));
    }
    await db.profiles.put({ ...profile('facebook:0001', 'facebook:0001'), handle: undefined, avatar: undefined });
    await applyHubSync(
      db,
      answer({ cursor: 3, grants: [grant('facebook:0001')], profiles: [profile('facebook:0001', 'facebook:0001')] }),
      NOW,
      0,
    );
    expect(await db.grants.get('facebook:0001')).toMatchObject({ hub: true });
    expect((await db.secrets.toArray()).map((x) => x.grantId)).toEqual(['linkedin:me']);
  });

  it('a later sync keeps snoozes and renewals, removes what left, and drops grants no profile holds any more', async () => {
    const db = await enrolledDb();
    await applyHubSync(
      db,
      answer({
        grants: [grant('facebook:g1'), grant('facebook:g2'), grant('facebook:g3')],
        profiles: [profile('facebook:a', 'facebook:g1'), profile('facebook:b', 'facebook:g2'), profile('facebook:c', 'facebook:g3')],
      }),
      NOW,
      0,
    );
    await db.profiles.update('facebook:a', { snoozedUntil: NOW + DAY });
    await db.grants.update('facebook:g1', { renewal: { state: 'running', startedAt: NOW } });
    const rows = await applyHubSync(
      db,
      answer({
        cursor: 2,
        // g1 changed status; b moved from g2 to g3 (g2 is left without a profile); c was removed (g3 is still b's).
        grants: [grant('facebook:g1', NOW - DAY)],
        profiles: [profile('facebook:a', 'facebook:g1', 'Renamed'), profile('facebook:b', 'facebook:g3')],
        removed: ['facebook:c'],
      }),
      NOW,
      1,
    );
    expect(rows).toEqual(await readProfileRows(db));
    const byId = new Map((rows as ProfileRow[]).map((r) => [r.profile.id, r]));
    expect([...byId.keys()]).toEqual(['facebook:a', 'facebook:b']);
    expect(byId.get('facebook:a')!.profile).toMatchObject({ name: 'Renamed', snoozedUntil: NOW + DAY });
    expect(byId.get('facebook:a')!.grant).toMatchObject({ expiresAt: NOW - DAY, renewal: { state: 'running' } });
    expect(byId.get('facebook:b')!.grant?.id).toBe('facebook:g3');
    expect((await db.grants.toArray()).map((g) => g.id)).toEqual(['facebook:g1', 'facebook:g3']);
  });

  it('a sync with no profile or grant in it reads no table and says so (null); the cursor still moves', async () => {
    const db = await enrolledDb();
    await applyHubSync(db, answer({ grants: [grant('facebook:g1')], profiles: [profile('facebook:a', 'facebook:g1')] }), NOW, 0);
    expect(await applyHubSync(db, answer({ cursor: 9 }), NOW + 1, 1)).toBeNull();
    expect(await db.hub.get('hub')).toMatchObject({ cursor: 9, lastSyncAt: NOW + 1 });
    expect(await db.profiles.count()).toBe(1);
  });

  it('two syncs asked from one cursor: the one written second is dropped (it may be older), nothing it held is written', async () => {
    const db = await enrolledDb();
    // A disconnect's sync (asked later) removed b first; the poll's answer, asked earlier from the same cursor, still has it.
    await applyHubSync(db, answer({ cursor: 5, grants: [grant('facebook:g1')], profiles: [profile('facebook:a', 'facebook:g1')] }), NOW, 0);
    const stale = answer({ cursor: 3, grants: [grant('facebook:g2')], profiles: [profile('facebook:b', 'facebook:g2')] });
    expect(await applyHubSync(db, stale, NOW + 1, 0)).toBe(false);
    expect((await db.profiles.toArray()).map((p) => p.id)).toEqual(['facebook:a']);
    expect(await db.hub.get('hub')).toMatchObject({ cursor: 5, lastSyncAt: NOW });
  });

  it('an answer in an unexpected shape is said, with nothing written and the cursor kept; the same answer well formed is written', async () => {
    const db = await enrolledDb();
    await enterHubMode(db, (await db.hub.get('hub'))!, `twd_${'k'.repeat(43)}`);
    const ids = Array.from({ length: 500 }, (_, i) => `facebook:${i}`);
    const good = answer({ cursor: 3, grants: ids.map((id) => grant(id)), profiles: ids.map((id) => profile(id, id)) });
    // One bad row among 500 (a date as text): the whole answer is refused.
    const bad = structuredClone(good) as unknown as { grants: Record<string, unknown>[] };
    bad.grants[499]!.expiresAt = 'next week';
    let body: unknown = bad;
    const deps = {
      db,
      now: () => NOW,
      fetch: () => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })),
    } as unknown as Deps;
    expect(await syncFromHub(deps)).toEqual({ grants: 0, rows: null });
    expect(await db.hub.get('hub')).toMatchObject({ cursor: 0, lastError: 'The organisation hub answered in an unexpected shape' });
    expect(await db.profiles.count()).toBe(0);
    expect(await db.grants.count()).toBe(0);
    body = good;
    const synced = await syncFromHub(deps);
    expect(synced.grants).toBe(500);
    expect(synced.rows).toEqual(await readProfileRows(db));
    expect(await db.hub.get('hub')).toMatchObject({ cursor: 3, lastError: null });
  });

  it('leaving the hub takes its profiles and their timeline; enrolling again brings the timeline back once', async () => {
    const db = await enrolledDb();
    const hub = (await db.hub.get('hub'))!;
    const fact = { code: 'connected' as const, by: 'Alex (o@example.org)' };
    const whole = answer({
      cursor: 4,
      grants: [grant('facebook:g1')],
      profiles: [profile('facebook:a', 'facebook:g1')],
      history: [{ profileId: 'facebook:a', at: NOW - DAY, kind: 'connected', fact }],
    });
    // A profile of this browser's own (personal mode) keeps its timeline.
    await db.history.add({ profileId: 'linkedin:me', at: NOW - 2 * DAY, kind: 'connected', text: 'Connected' });
    await applyHubSync(db, whole, NOW, 0);
    await leaveHubMode(db);
    expect((await db.history.toArray()).map((h) => h.profileId)).toEqual(['linkedin:me']);
    await db.hub.put({ ...hub, cursor: 0 });
    await applyHubSync(db, whole, NOW + 1, 0);
    expect((await db.history.toArray()).map((h) => h.profileId).sort()).toEqual(['facebook:a', 'linkedin:me']);
  });
});
