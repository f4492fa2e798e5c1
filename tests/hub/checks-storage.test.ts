import { openDatabase, type Database } from '../../hub/db/database';
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
    await seedGrants(db.pool, Buffer.alloc(32, 7), issueInProcess(new SandboxState()), 900, Date.now());
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
});
