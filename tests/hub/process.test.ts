import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHub, spawnHub, type HubChild } from './support/child';
import { MIGRATIONS } from '../../hub/db/migrate';
import { openDatabase } from '../../hub/db/database';
import { startSandbox } from '../sandbox/server';
import { hubEnv, SANDBOX_SECRET } from './support/env';
import { authorizeAt, EXTENSION_ID, freshDatabaseUrl, requireSecret } from './support/hub';

async function control(sandboxUrl: string, action: string, body: unknown): Promise<void> {
  const res = await fetch(`${sandboxUrl}/_control/${action}`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${action}: ${res.status}`);
}

describe('hub: `npm run hub` as a real process, with its embedded PostgreSQL', () => {
  let dir: string;
  let hub: HubChild | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tw-hub-data-'));
  });
  afterAll(async () => {
    hub?.kill('SIGKILL');
    await hub?.exited;
    await rm(dir, { recursive: true, force: true });
  });

  it('prints its URL once ready; `invite` beside it prints a code on its last line that enrolls once; SIGTERM stops it cleanly', async () => {
    const env = {
      HUB_SECRET_KEY: randomBytes(32).toString('base64'),
      HUB_EXTENSION_IDS: EXTENSION_ID,
      HUB_DATA_DIR: dir,
      HUB_PORT: '0',
    };
    hub = spawnHub(env);
    const ready = await hub.waitFor(/ready at/, 60_000);
    const url = /^Token Warden hub ready at (http:\/\/127\.0\.0\.1:\d+)$/.exec(ready)?.[1];
    expect(url).toBeDefined();
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    // The embedded database's URL (with its password) is for the owner only.
    expect((await stat(join(dir, 'db-url'))).mode & 0o077).toBe(0);

    const invited = await runHub(env, ['invite', 'a@b.c', '--role', 'manager']);
    expect(invited.code).toBe(0);
    const code = invited.out.at(-1)!;
    expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

    const enroll = () =>
      fetch(`${url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, deviceName: 'test browser' }),
      });
    const first = await enroll();
    expect(first.status).toBe(200);
    const body = (await first.json()) as { deviceKey: string; member: unknown };
    expect(body.member).toEqual({ email: 'a@b.c', role: 'manager' });
    const me = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${body.deviceKey}` } });
    expect(me.status).toBe(200);
    expect((await enroll()).status).toBe(403);

    const members = await runHub(env, ['members']);
    expect(members.out[0]).toBe('a@b.c  manager');
    expect(members.out[1]).toContain('test browser');

    // SIGTERM to the group (npm passes it on too): npm ends by the signal, the hub by its handler,
    // which stops the embedded server and removes the URL file that named it.
    hub.kill('SIGTERM');
    expect([0, 'SIGTERM']).toContain(await hub.exited);
    await expect(readFile(join(dir, 'db-url'), 'utf8')).rejects.toThrow();
    await expect(stat(join(dir, 'pg', 'postmaster.pid'))).rejects.toThrow();
    // No line of the log holds a key or the code.
    const log = hub.out.join('\n');
    expect(log).toContain('"route":"/v1/enroll"');
    for (const secret of [code, body.deviceKey, env.HUB_SECRET_KEY]) expect(log).not.toContain(secret);
  }, 120_000);

  it('a port already taken stops the start with one line naming HUB_PORT, and leaves no database server running', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as AddressInfo).port);
    try {
      const env = {
        HUB_SECRET_KEY: randomBytes(32).toString('base64'),
        HUB_EXTENSION_IDS: EXTENSION_ID,
        HUB_DATA_DIR: dir,
        HUB_PORT: port,
      };
      const started = await runHub(env);
      expect(started.code).toBe(1);
      expect(started.err).toEqual([`Token Warden hub: cannot listen on 127.0.0.1:${port} (EADDRINUSE): set HUB_PORT to a free port`]);
      await expect(stat(join(dir, 'pg', 'postmaster.pid'))).rejects.toThrow();
    } finally {
      taken.close();
    }
  }, 120_000);
});

describe('hub: stopping while a request is in flight', () => {
  it('SIGTERM while an exchange waits on the network: the exchange is answered and written, then the hub and its embedded PostgreSQL stop', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tw-hub-stop-'));
    const sandbox = await startSandbox();
    await requireSecret(sandbox.url, SANDBOX_SECRET);
    const { DATABASE_URL: _, ...rest } = hubEnv(sandbox.url, '');
    const env = { ...rest, HUB_DATA_DIR: dir };
    // The hub's own process alone gets the signal, as a container's first process does.
    const hub = spawnHub(env, [], { direct: true });
    try {
      const url = /ready at (\S+)$/.exec(await hub.waitFor(/ready at/, 60_000))![1]!;
      const code = (await runHub(env, ['invite', 'a@b.c', '--role', 'owner'])).out.at(-1)!;
      const enrolled = await fetch(`${url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, deviceName: 'test browser' }),
      });
      const { deviceKey } = (await enrolled.json()) as { deviceKey: string };
      await control(sandbox.url, 'accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
      const auth = await authorizeAt(sandbox.url, 'facebook');
      await control(sandbox.url, 'fault', { network: 'facebook', mode: 'none', latencyMs: 400 });
      const pending = fetch(`${url}/v1/exchange`, {
        method: 'POST',
        headers: { authorization: `Bearer ${deviceKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ network: 'facebook', ...auth }),
      });
      // The first of its five network calls answered (the code's): the exchange is in flight for four more.
      while (!sandbox.state.log.some((e) => e.path.endsWith('/oauth/access_token'))) await new Promise((r) => setTimeout(r, 20));
      hub.kill('SIGTERM');
      const answer = await pending;
      expect(answer.status).toBe(200);
      expect(await answer.json()).toMatchObject({ outcome: 'connected', profiles: 1 });
      expect(await hub.exited).toBe(0);
      await expect(stat(join(dir, 'pg', 'postmaster.pid'))).rejects.toThrow();
      // What the exchange wrote is there at the next start.
      const db = await openDatabase(null, dir, 1);
      try {
        expect((await db.pool.query('select id from profiles')).rows).toEqual([{ id: 'facebook:1' }]);
      } finally {
        await db.close();
      }
    } finally {
      hub.kill('SIGKILL');
      await hub.exited;
      await sandbox.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('hub: two `npm run hub` starting together on one DATABASE_URL', () => {
  const started: HubChild[] = [];
  afterAll(async () => {
    for (const h of started) h.kill('SIGTERM');
    await Promise.all(started.map((h) => h.exited));
  });

  it('migrate once: one applies every migration, the other waits on the lock and applies none; a third start applies none', async () => {
    const env = {
      HUB_SECRET_KEY: randomBytes(32).toString('base64'),
      HUB_EXTENSION_IDS: EXTENSION_ID,
      HUB_PORT: '0',
      DATABASE_URL: await freshDatabaseUrl(),
    };
    const applied = async (h: HubChild) =>
      (JSON.parse(await h.waitFor(/"message":"database ready"/, 60_000)) as { migrationsApplied: string }).migrationsApplied;
    const pair = [spawnHub(env), spawnHub(env)];
    started.push(...pair);
    const all = MIGRATIONS.map((m) => m.id).join(',');
    expect((await Promise.all(pair.map(applied))).sort()).toEqual([all, 'none'].sort());
    await Promise.all(pair.map((h) => h.waitFor(/ready at/)));
    const third = spawnHub(env);
    started.push(third);
    expect(await applied(third)).toBe('none');
  }, 120_000);
});
