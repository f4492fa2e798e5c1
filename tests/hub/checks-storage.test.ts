import { LEASE_SQL, leaseValues } from '../../hub/checks/lane';
import { storeChecks } from '../../hub/custody';
import { openDatabase, type Database } from '../../hub/db/database';
import { saveHubLogin } from '../../hub/store/logins';
import { toGrantRecord, type GrantRow } from '../../hub/store/grant-rows';
import { SandboxState } from '../sandbox/state';
import { freshDatabaseUrl } from './support/hub';
import { issueInProcess, seedGrants } from './support/seed';

describe('hub: the checks’ writes on the grants table', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase(await freshDatabaseUrl(), '', 2);
  });
  afterAll(async () => db?.close());

  it('a lease is a HOT update (no new index entries): the pages keep room for it', async () => {
    await seedGrants(db.pool, { current: Buffer.alloc(32, 7), previous: null }, issueInProcess(new SandboxState()), 900, Date.now());
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      // One network's due grants leased, as a lane leases them (its own columns only); pg_stat_xact_*
      // counts this transaction's updates at once.
      const leased = await client.query(`update grants set leased_until = $1, leased_by = 'test:1' where network = 'facebook'`, [
        Date.now() + 60_000,
      ]);
      const { rows } = await client.query<{ upd: number; hot: number }>(
        `select n_tup_upd::int as upd, n_tup_hot_upd::int as hot from pg_stat_xact_user_tables where relname = 'grants'`,
      );
      await client.query('rollback');
      expect(leased.rowCount).toBe(100);
      expect(rows[0]).toEqual({ upd: 100, hot: 100 });
    } finally {
      client.release();
    }
  });

  it("a lease reads its own network's due grants alone, not every network's (the per-network index)", async () => {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await client.query('set local enable_seqscan = off'); // 900 rows: the planner would read them all otherwise
      const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(
        `explain (analyze, format json) ${LEASE_SQL}`,
        leaseValues('facebook', 'test:2', Date.now() + 86_400_000 * 400, Date.now() + 60_000, 32),
      );
      await client.query('rollback');
      const plan = JSON.stringify(rows[0]!['QUERY PLAN']);
      expect(plan).toContain('"Index Name":"grants_due_network"');
      // 32 facebook grants taken, and no other network's row read on the way to them.
      expect(plan).toMatch(/"Actual Rows":32\b/);
      expect(plan).not.toMatch(/"Rows Removed by Filter":[1-9]/);
    } finally {
      client.release();
    }
  });

  it('verdicts are kept only under the lease they were checked under, in one change; a grant that died gets its history fact, once', async () => {
    const now = Date.now();
    const [a, b] = (await db.pool.query<GrantRow>(`select * from grants where network = 'x' order by id limit 2`)).rows;
    for (const g of [a!, b!]) {
      await db.pool.query(
        `insert into profiles (id, network, native_id, kind, name, grant_id, created_at, change) values ($1, 'x', $1, 'account', 'P', $2, 0, 0)`,
        [`x:${g.id}`, g.id],
      );
    }
    // a is held by lease one; b was taken over by lease two after lease one lapsed.
    await db.pool.query(`update grants set leased_by = case id when $1 then 'one' else 'two' end, leased_until = $3 where id in ($1, $2)`, [
      a!.id,
      b!.id,
      now + 60_000,
    ]);
    const dead = { kind: 'invalid' as const, code: 'revoked' as const, reason: 'The app was removed' };
    const kept = await storeChecks(db.pool, [
      { grant: toGrantRecord(a!), result: dead, now, lease: 'one' },
      { grant: toGrantRecord(b!), result: dead, now, lease: 'one' },
    ]);
    expect(kept).toBe(1);
    const after = await db.pool.query<{ id: string; invalid_since: number | null; leased_until: number | null; change: string }>(
      'select id, invalid_since, leased_until, change from grants where id in ($1, $2) order by id',
      [a!.id, b!.id],
    );
    expect(after.rows.map((r) => [r.id, r.invalid_since, r.leased_until])).toEqual([
      [a!.id, now, null],
      [b!.id, null, now + 60_000],
    ]);
    const facts = await db.pool.query<{ profile_id: string; kind: string; fact: { code: string; to: string }; change: string }>(
      `select profile_id, kind, fact, change from history where kind = 'status'`,
    );
    expect(facts.rows.map((h) => [h.profile_id, h.fact.code, h.fact.to])).toEqual([[`x:${a!.id}`, 'statusChanged', 'expired']]);
    expect(facts.rows[0]!.change).toBe(after.rows[0]!.change);
  });

  it('a check that was running when its grant was renewed does not overwrite the renewed grant', async () => {
    const now = Date.now();
    const key = { current: Buffer.alloc(32, 7), previous: null };
    const [g] = (await db.pool.query<GrantRow>(`select * from grants where network = 'pinterest' order by id limit 1`)).rows;
    await db.pool.query(`update grants set leased_by = 'lane:1', leased_until = $2 where id = $1`, [g!.id, now + 60_000]);
    const member = await db.pool.query<{ id: number }>(
      `insert into members (email, role, created_at) values ('r@example.org', 'owner', 0) returning id`,
    );
    // The renewal: the same identity signs in again (grant id network:identity), new tokens.
    const renewed = await saveHubLogin(
      db.pool,
      key,
      {
        network: 'pinterest',
        tokens: { accessToken: 'pina_new_token_value', accessExpiresAt: now + 30 * 86_400_000, scopes: [] },
        identity: { id: g!.id.slice('pinterest:'.length), name: 'Seed' },
        profiles: [{ nativeId: 'board-1', kind: 'account', name: 'Boards', canManage: true }],
        listed: [{ nativeId: 'board-1', kind: 'account', name: 'Boards', canManage: true }],
        memberId: member.rows[0]!.id,
        historyKind: 'renewal',
        historyBy: 'Seed (r@example.org)',
        now,
      },
      { audit: { actor: 'test', action: 'renew', profileId: null, detail: 'test' } },
    );
    expect(renewed).toEqual({ grantId: g!.id, trackedBefore: [] }); // the seeded grant covers no profile
    const kept = await storeChecks(db.pool, [
      { grant: toGrantRecord(g!), result: { kind: 'invalid', code: 'revoked', reason: 'Password changed' }, now, lease: 'lane:1' },
    ]);
    expect(kept).toBe(0);
    const after = await db.pool.query('select invalid_since, leased_by from grants where id = $1', [g!.id]);
    expect(after.rows[0]).toEqual({ invalid_since: null, leased_by: null });
  });
});
