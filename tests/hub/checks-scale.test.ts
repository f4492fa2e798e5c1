import { startChecks } from '../../hub/checks/runner';
import { loadConfig } from '../../hub/config';
import { openDatabase, type Database } from '../../hub/db/database';
import { silentLogger } from '../../hub/log';
import { NETWORK_IDS } from '../../utils/networks/catalog';
import { spawnHub, type HubChild } from './support/child';
import { freshDatabaseUrl, hubEnv, requireSecret, SANDBOX_SECRET } from './support/hub';
import { startSandboxChild, type SandboxChild } from './support/sandbox-child';
import { issueOverHttp, recordChecks, seedGrants } from './support/seed';

const GRANTS = 10_000;
/** Short enough for the test, long enough for this machine's slowest database round trip. */
const LEASE_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('hub: several processes on one database', () => {
  let sandbox: SandboxChild;
  let db: Database;
  let hubB: HubChild | undefined;
  afterAll(async () => {
    hubB?.kill('SIGKILL');
    await hubB?.exited;
    await db?.close();
    await sandbox?.close();
  });

  const count = async (sql: string, args: unknown[] = []) => (await db.pool.query<{ n: number }>(sql, args)).rows[0]!.n;
  /** In-process runners take rounds until every grant has been checked `times` times (a lapsed lease is due again). */
  const until = async (runners: { runOnce(): Promise<number> }[], times: number, deadline: number) => {
    const short = `select count(*)::int as n from grants g
      left join (select grant_id, count(*) as n from check_log group by grant_id) c on c.grant_id = g.id where coalesce(c.n, 0) < $1`;
    while ((await count(short, [times])) > 0) {
      if (Date.now() > deadline) throw new Error('the checks did not finish in time');
      await Promise.all(runners.map((r) => r.runOnce()));
      await sleep(100);
    }
  };

  it('10,000 grants, two processes: each grant checked once per due time; one killed with SIGKILL mid-run loses nothing and repeats nothing', async () => {
    const started = Date.now();
    sandbox = await startSandboxChild();
    await requireSecret(sandbox.url, SANDBOX_SECRET);
    const env = hubEnv(sandbox.url, await freshDatabaseUrl(), { HUB_CHECK_LEASE_MS: String(LEASE_MS), HUB_CHECK_INTERVAL_MS: '100' });
    const config = loadConfig(env);
    db = await openDatabase(config.databaseUrl, '', 10);
    await recordChecks(db.pool);
    await seedGrants(db.pool, config.secretKey, issueOverHttp(sandbox.seedUrl), GRANTS, Date.now());
    const t0 = Date.now();

    // Process B: a real `npm run hub` on the same DATABASE_URL; process A: a runner in this process.
    hubB = spawnHub(env);
    const a = startChecks(db.pool, config, silentLogger, { processId: 'A', autoStart: false });
    await hubB.waitFor(/ready at/, 30_000);
    const running = until([a], 1, started + 100_000);
    while ((await count("select count(*)::int as n from check_log where leased_by like 'hub-%'")) < 1_000) await sleep(20);
    hubB.kill('SIGKILL');
    await hubB.exited;
    const killedAt = Date.now() - t0;
    await running;
    const round1 = Date.now() - t0;

    const byB = await count("select count(*)::int as n from check_log where leased_by like 'hub-%'");
    // What B held when it died (leased, never written), every grant of it taken over by A.
    const heldByB = await count(
      "select count(distinct l.grant_id)::int as n from lease_log l where l.leased_by like 'hub-%' and not exists (select 1 from check_log c where c.grant_id = l.grant_id and c.leased_by like 'hub-%')",
    );
    const summary = `B stored ${byB} and held ${heldByB} when killed at ${killedAt} ms; round one took ${round1} ms`;
    expect(byB, summary).toBeGreaterThanOrEqual(1_000);
    expect(heldByB, summary).toBeGreaterThan(0);
    // Every grant stored exactly once: nothing lost, nothing checked twice.
    expect(await count('select count(distinct grant_id)::int as n from check_log'), summary).toBe(GRANTS);
    expect(await count('select count(*)::int as n from check_log'), summary).toBe(GRANTS);
    expect(await count("select count(*)::int as n from grants where last_check_result <> 'valid' or leased_until is not null")).toBe(0);
    // One inspection per lease of a grant: one per grant, plus one for each grant B held when killed.
    const requests = [...(await sandbox.requests())].filter(([n]) => NETWORK_IDS.includes(n as never)).reduce((s, [, c]) => s + c, 0);
    const leases = await count('select count(*)::int as n from lease_log');
    expect(requests, summary).toBeGreaterThanOrEqual(GRANTS);
    expect(requests, `${summary}; ${requests} requests, ${leases} leases`).toBeLessThanOrEqual(leases);

    // The next due time: every grant due again, two processes (A and C) share it; each grant once more.
    await db.pool.query('update grants set next_check_at = $1', [Date.now() - 1]);
    const t2 = Date.now();
    const c = startChecks(db.pool, config, silentLogger, { processId: 'C', autoStart: false });
    await until([a, c], 2, Date.now() + 60_000);
    expect(await count('select count(*)::int as n from (select grant_id from check_log group by grant_id having count(*) <> 2) t')).toBe(0);
    const shares = await db.pool.query<{ by: string; n: number }>(
      "select split_part(leased_by, ':', 1) as by, count(*)::int as n from check_log where leased_by ~ '^(A|C):' group by 1",
    );
    expect(shares.rows.map((r) => r.by).sort()).toEqual(['A', 'C']);
    expect(shares.rows.every((r) => r.n > 1_000)).toBe(true); // (A's count includes round one)
    console.info(`seeded in ${t0 - started} ms; ${summary}; ${requests} requests for ${GRANTS} grants; round two ${Date.now() - t2} ms`);
  }, 200_000);
});
