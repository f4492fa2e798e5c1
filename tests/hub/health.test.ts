import pg from 'pg';
import { inject } from 'vitest';
import { migrate, MIGRATIONS } from '../../hub/db/migrate';
import { freshDatabaseUrl, startTestHub, type TestHub } from './support/hub';

/** An administrator's connection to the test PostgreSQL (not to the hub's database). */
async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const dbName = (url: string) => new URL(url).pathname.slice(1);

describe('hub: health', () => {
  let t: TestHub;
  afterEach(async () => {
    await t?.close();
  });

  it('answers 200 {ok:true} while the database is reachable, 503 while it is not, and 200 again once it is back', async () => {
    t = await startTestHub();
    const ok = await t.api('/healthz');
    expect(ok).toMatchObject({ status: 200, body: { ok: true } });

    const name = dbName(t.db.url);
    // The database goes away under the running hub: no new connection, every open one cut.
    await admin(async (c) => {
      await c.query(`alter database ${name} allow_connections false`);
      await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    });
    const down = await t.api('/healthz');
    expect(down).toMatchObject({ status: 503, body: { ok: false } });
    // The hub survived the cut connections (no crash on the pool's idle-client errors).
    expect((await t.api('/v1/openapi.json')).status).toBe(200);

    await admin((c) => c.query(`alter database ${name} allow_connections true`));
    expect(await t.api('/healthz')).toMatchObject({ status: 200, body: { ok: true } });
  });
});

describe('hub: migrations', () => {
  it('run once when two processes start together (an advisory lock), and a second start applies nothing', async () => {
    const url = await freshDatabaseUrl();
    // Two pools are two sessions, as two processes are: the lock is the database's.
    const pools = [new pg.Pool({ connectionString: url }), new pg.Pool({ connectionString: url })];
    try {
      const all = MIGRATIONS.map((m) => m.id);
      const applied = await Promise.all(pools.map((p) => migrate(p)));
      // One start applied every migration, the other waited on the lock and found none left.
      expect(applied.map((a) => a.length).sort()).toEqual([0, all.length]);
      expect(applied.flat()).toEqual(all);
      const rows = await pools[0]!.query<{ id: number }>('select id from schema_migrations order by id');
      expect(rows.rows.map((r) => r.id)).toEqual(all);

      expect(await migrate(pools[1]!)).toEqual([]);
      expect((await pools[0]!.query('select count(*)::int as n from schema_migrations')).rows[0]).toEqual({ n: all.length });
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});

describe('hub: its API document', () => {
  let t: TestHub;
  afterEach(async () => {
    await t?.close();
  });

  it('documents every route it serves in /v1/openapi.json, the 429s with Retry-After', async () => {
    t = await startTestHub();
    const app = t.otherProcess();
    const served = app.routes
      .filter((r) => r.method !== 'ALL') // middleware
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const doc = (await t.api('/v1/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: Record<string, { headers?: object }> }>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    expect(served.length).toBeGreaterThan(10);
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    for (const ops of Object.values(doc.paths))
      for (const op of Object.values(ops)) if (op.responses['429']) expect(op.responses['429'].headers).toHaveProperty('Retry-After');
  });
});
