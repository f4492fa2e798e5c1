import { pruneAudit } from '../../hub/store/audit-retention';
import { forgetPastWindows, windowOf } from '../../hub/store/request-budgets';
import { connectTwoPages, startTestHub, type TestHub } from './support/hub';

describe('hub: exchange with the secret, custody, service keys', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => t.close());

  it('connects a Facebook login through the hub, hands the token to a publishing tool, finds a password change, and serves the renewed token', async () => {
    const owner = await t.device('owner@example.org', 'owner');
    const alex = await t.control('accounts', {
      network: 'facebook',
      name: 'Alex',
      pages: [
        { id: '1', name: 'Café' },
        { id: '2', name: 'Bakery' },
      ],
    });
    const connected = await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } });
    expect(connected.body).toMatchObject({ outcome: 'connected', profiles: 2, identity: 'Alex' });
    const listed = (tracked: boolean) => [
      { id: 'facebook:1', name: 'Café', alreadyTracked: tracked },
      { id: 'facebook:2', name: 'Bakery', alreadyTracked: tracked },
    ];
    expect(connected.body.listed).toEqual(listed(false));
    // The same login connected again: both were tracked before it.
    const again = await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } });
    expect(again.body.listed).toEqual(listed(true));

    const tool = await t.serviceKey(['facebook']);
    expect((await t.api('/v1/profiles', { key: tool })).body.profiles).toHaveLength(2);
    const first = await t.api('/v1/profiles/facebook/1/token', { key: tool });
    expect(first.status).toBe(200);
    const issued = (await t.control('tokens', { network: 'facebook' })) as { value: string; dead: string | null }[];
    expect(issued.map((x) => x.value)).toContain(`${(first.body.accessToken as string).slice(0, 8)}…`);

    await t.control('revoke', { network: 'facebook', accountId: alex.id, reason: 'password' });
    expect(await t.hub.checks.runOnce()).toBe(0); // checked at connect: nothing is due yet
    t.advance(25 * 60 * 60 * 1000);
    expect(await t.hub.checks.runOnce()).toBe(1);
    const dead = await t.api('/v1/profiles/facebook/1/token', { key: tool });
    expect(dead.status).toBe(409);
    expect(dead.body).toMatchObject({ error: 'renewal-needed', canRenew: ['owner@example.org'] });
    expect(dead.body.message).toContain('password');

    const renewed = await t.api('/v1/exchange', {
      key: owner,
      body: { network: 'facebook', renewProfileId: 'facebook:1', ...(await t.authorize('facebook')) },
    });
    expect(renewed.body).toMatchObject({ outcome: 'renewed', profiles: 2 });
    expect(renewed.body.listed).toEqual(listed(true));
    const fresh = await t.api('/v1/profiles/facebook/1/token', { key: tool });
    expect(fresh.status).toBe(200);
    expect(fresh.body.accessToken).not.toBe(first.body.accessToken);

    const audit = await t.db.pool.query("select actor, action, profile_id from audit where action = 'token-read' order by id");
    expect(audit.rows).toHaveLength(3);
    expect(audit.rows.every((r: { profile_id: string }) => r.profile_id === 'facebook:1')).toBe(true);
  });

  it('keeps tokens sealed at rest and out of the sync answer and the logs', async () => {
    const owner = await t.device('owner@example.org', 'owner');
    await t.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    const auth = await t.authorize('facebook');
    await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...auth } });
    const tool = await t.serviceKey(['facebook']);
    const token = (await t.api('/v1/profiles/facebook/1/token', { key: tool })).body.accessToken as string;
    expect(token.length).toBeGreaterThan(8);

    const sync = await t.api('/v1/sync?since=0', { key: owner });
    expect(sync.body.profiles).toHaveLength(1);
    expect(sync.body.grants[0]).toMatchObject({ network: 'facebook', invalidSince: null });
    expect(JSON.stringify(sync.body)).not.toContain(token);

    const dump = await t.db.pool.query("select string_agg(t::text, ' ') as all from (select * from grants) t");
    expect(dump.rows[0].all).not.toContain(token);
    const everything = [token, owner, tool, auth.code, auth.codeVerifier];
    const logs = t.logs.join('\n');
    expect(logs).toContain('"route":"/v1/exchange"');
    for (const secret of everything) expect(logs).not.toContain(secret);
  });

  it('says in Server-Timing how long the hub itself took and how long the networks did, and logs both', async () => {
    const owner = await t.device('owner@example.org', 'owner');
    await t.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    const auth = await t.authorize('facebook');
    await t.control('fault', { network: 'facebook', mode: 'none', latencyMs: 40 });
    const connected = await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...auth } });
    await t.control('fault', { network: 'facebook', mode: 'none' });
    expect(connected.body).toMatchObject({ outcome: 'connected' });
    const timing = /^hub;dur=([\d.]+), network;dur=([\d.]+);desc="(\d+) call\(s\)"$/.exec(connected.headers.get('server-timing') ?? '');
    expect(timing).not.toBeNull();
    const [hub, network, calls] = timing!.slice(1).map(Number) as [number, number, number];
    // Code, long-lived exchange, /me with its pages, debug_token: 40 ms each at least.
    expect(calls).toBe(4);
    expect(network).toBeGreaterThanOrEqual(4 * 40);
    expect(hub).toBeLessThan(network);
    const logged = t.logs
      .map((l) => JSON.parse(l) as { route?: string; ms?: number; networkMs?: number })
      .find((l) => l.route === '/v1/exchange');
    expect(logged?.networkMs).toBeGreaterThanOrEqual(4 * 40);
    // A route that calls no network says nothing of it.
    expect((await t.api('/v1/me', { key: owner })).headers.get('server-timing')).toBeNull();
  });

  it('refuses what it must, with a 4xx that says which, and writes nothing', async () => {
    const owner = await t.device('owner@example.org', 'owner');
    const body = { network: 'facebook', code: 'abc', codeVerifier: 'v'.repeat(43), redirectUri: 'https://evil.example/' };
    expect((await t.api('/v1/exchange', { body })).status).toBe(401);
    expect((await t.api('/v1/exchange', { key: 'twd_guessed', body })).status).toBe(401);
    expect((await t.api('/v1/exchange', { key: owner, body })).body).toMatchObject({ error: 'redirect-not-allowed' });
    expect((await t.api('/v1/exchange', { key: owner, body: { ...body, network: 'myspace' } })).body).toMatchObject({
      error: 'invalid-field',
    });
    // An empty profile to renew is no renewal (it would have been taken for a connect, then refused).
    expect((await t.api('/v1/exchange', { key: owner, body: { ...body, renewProfileId: '' } })).body).toMatchObject({
      error: 'invalid-field',
      message: expect.stringContaining('renewProfileId'),
    });
    const raw = (init: RequestInit) =>
      fetch(`${t.url}/v1/exchange`, { method: 'POST', ...init, headers: { authorization: `Bearer ${owner}`, ...init.headers } });
    expect((await raw({ headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const malformed = await raw({ headers: { 'content-type': 'application/json' }, body: '{"network":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'malformed-json' });
    expect((await raw({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(70_000) }) })).status).toBe(
      413,
    );
    // Sent without a length (chunked): cut off as it is read.
    const chunked = (text: string) =>
      raw({
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({ start: (s) => (s.enqueue(new TextEncoder().encode(text)), s.close()) }),
        duplex: 'half',
      } as RequestInit);
    const long = await chunked(JSON.stringify({ pad: 'x'.repeat(70_000) }));
    expect([long.status, ((await long.json()) as { error: string }).error]).toEqual([413, 'body-too-large']);
    expect(((await (await chunked(JSON.stringify(body))).json()) as { error: string }).error).toBe('redirect-not-allowed');
    const tool = await t.serviceKey(['instagram']);
    expect((await t.api('/v1/profiles/facebook/1/token', { key: tool })).status).toBe(403);
    expect((await t.api('/v1/profiles/facebook/1/token', { key: owner })).status).toBe(401);
    expect((await t.db.pool.query('select count(*)::int as n from grants')).rows[0].n).toBe(0);
  });

  it("lets the extension's own pages call it (CORS), and no other origin", async () => {
    const owner = await t.device('owner@example.org', 'owner');
    const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const call = (method: string, origin: string) =>
      fetch(`${t.url}/v1/me`, {
        method,
        headers:
          method === 'OPTIONS'
            ? { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' }
            : { origin, authorization: `Bearer ${owner}` },
      });
    const preflight = await call('OPTIONS', extension);
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(extension);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    const answer = await call('GET', extension);
    expect([answer.status, answer.headers.get('access-control-allow-origin'), answer.headers.get('vary')]).toEqual([
      200,
      extension,
      'Origin',
    ]);
    // A page elsewhere learns nothing: no CORS header, so its browser withholds the answer.
    expect((await call('OPTIONS', 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const other = await call('GET', 'https://evil.example');
    expect([other.headers.get('access-control-allow-origin'), other.headers.get('vary')]).toEqual([null, 'Origin']);
    // An error answer carries them too (the page can read why).
    const refused = await fetch(`${t.url}/v1/me`, { headers: { origin: extension } });
    expect([refused.status, refused.headers.get('access-control-allow-origin')]).toEqual([401, extension]);
  });

  it('rate-limits a device with 429 and Retry-After', async () => {
    await t.close();
    t = await startTestHub({ env: { HUB_RATE_LIMIT: '3' } });
    t.startOfMinute(); // the budget's window holds for the whole test
    const key = await t.device('m@example.org', 'member');
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(await t.api('/v1/me', { key }));
    expect(codes.map((c) => c.status)).toEqual([200, 200, 200, 429]);
    expect(Number(codes[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts one budget per key across hub processes on one database, and forgets the minutes that ended', async () => {
    await t.close();
    t = await startTestHub({ env: { HUB_RATE_LIMIT: '3' } });
    t.startOfMinute(); // the budget's window holds for the whole test
    // A second hub process on the same database, as behind a load balancer.
    const second = t.otherProcess();
    const key = await t.device('m@example.org', 'member');
    const viaSecond = async () => (await second.request('/v1/me', { headers: { authorization: `Bearer ${key}` } })).status;
    const statuses = [
      (await t.api('/v1/me', { key })).status,
      await viaSecond(),
      (await t.api('/v1/me', { key })).status,
      await viaSecond(),
    ];
    expect(statuses).toEqual([200, 200, 200, 429]);
    // A service key's budget is shared the same way (100 times a device's), on the list and the token routes alike:
    // 299 used this minute, one more through the second process, the next one through the first is over.
    const tool = await t.serviceKey(['facebook']);
    await t.db.pool.query(
      `insert into request_budgets (key, window_start, used) select 'service:' || id, $1, 299 from service_keys on conflict do nothing`,
      [windowOf(t.now())],
    );
    expect((await second.request('/v1/profiles', { headers: { authorization: `Bearer ${tool}` } })).status).toBe(200);
    expect((await t.api('/v1/profiles/facebook/1/token', { key: tool })).status).toBe(429);
    // Two minutes on, the rows of the minutes that ended are gone.
    await forgetPastWindows(t.db.pool, t.now() + 2 * 60_000);
    expect((await t.db.pool.query('select count(*)::int as n from request_budgets')).rows[0].n).toBe(0);
  });

  it("answers a publishing tool's token read with the right refusal: unknown network or profile, a revoked key, past its budget", async () => {
    await t.close();
    t = await startTestHub({ env: { HUB_RATE_LIMIT: '1' } }); // a service key's budget is 100 times a device's
    t.startOfMinute(); // the budget's window holds for the whole test
    const owner = await t.device('owner@example.org', 'owner');
    await t.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } });
    const tool = await t.serviceKey(['facebook']);
    expect((await t.api('/v1/profiles/myspace/1/token', { key: tool })).status).toBe(404);
    const unknown = await t.api('/v1/profiles/facebook/2/token', { key: tool });
    expect([unknown.status, unknown.body.error]).toEqual([404, 'not-found']);
    const statuses = [];
    for (let i = 0; i < 98; i++) statuses.push((await t.api('/v1/profiles/facebook/1/token', { key: tool })).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const over = await t.api('/v1/profiles/facebook/1/token', { key: tool });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Every read past the key's checks is audited (the unknown profile's 404 too); the 429 and the unknown network are not.
    const audited = await t.db.pool.query("select count(*)::int as n from audit where action = 'token-read'");
    expect(audited.rows[0].n).toBe(99);

    const other = (await t.command('service-key', 'create', 'scheduler', '--networks', 'facebook')).at(-1)!;
    expect((await t.api('/v1/profiles/facebook/1/token', { key: other })).status).toBe(200);
    await t.command('service-key', 'revoke', 'scheduler');
    expect((await t.api('/v1/profiles/facebook/1/token', { key: other })).status).toBe(401);
  });

  it('`audit` lists who read which token and who connected what, newest first, filtered by profile and time, never a token', async () => {
    // The device's name is whatever the enrolling browser sent: a line break in it must not fake an entry.
    const code = (await t.command('invite', 'owner@example.org', '--role', 'owner')).at(-1)!;
    const enrolled = await t.api('/v1/enroll', { body: { code, deviceName: 'laptop\n2026-01-01T00:00:00.000Z  token-read' } });
    await connectTwoPages(t, enrolled.body.deviceKey as string);
    const tool = (await t.command('service-key', 'create', 'scheduler', '--networks', 'facebook')).at(-1)!;
    const token = (await t.api('/v1/profiles/facebook/1/token', { key: tool })).body.accessToken as string;
    await t.api('/v1/profiles/facebook/2/token', { key: tool });

    const all = await t.command('audit');
    expect(all).toHaveLength(3);
    expect(all[0]).toMatch(/token-read\s+facebook:2\s+tool "scheduler"\s+200$/);
    expect(all[1]).toMatch(/token-read\s+facebook:1\s+tool "scheduler"\s+200$/);
    expect(all[2]).toMatch(
      /connect\s+-\s+owner@example\.org \(laptop\\u000a2026-01-01T00:00:00\.000Z {2}token-read\)\s+facebook: 2 profile/,
    );
    expect(all.every((line) => !line.includes('\n'))).toBe(true);
    expect(all.join('\n')).not.toContain(token);
    expect(await t.command('audit', '--profile', 'facebook:1')).toHaveLength(1);
    expect(await t.command('audit', '--limit', '1')).toEqual([all[0]]);
    // Entries older than --since are left out (the hub's clock moved a day and a minute on).
    t.advance(24 * 60 * 60 * 1000 + 60_000);
    expect(await t.command('audit', '--since', '24h')).toEqual(['No audit entry matches.']);
    expect(await t.command('audit', '--since', '2d')).toHaveLength(3);
  });

  it('keeps audit entries HUB_AUDIT_DAYS (400 by default) and deletes older ones in bounded batches', async () => {
    const day = 86_400_000;
    const now = t.now();
    await t.db.pool.query(
      `insert into audit (at, actor, action, profile_id, detail) select $1, 'k', 'token-read', 'facebook:1', '200' from generate_series(1, 3)`,
      [now - 401 * day],
    );
    await t.db.pool.query(`insert into audit (at, actor, action, profile_id, detail) values ($1, 'k', 'token-read', 'facebook:1', '200')`, [
      now - 399 * day,
    ]);
    expect(t.config.auditDays).toBe(400);
    // Batches of 2 until one comes back short: all three in one call.
    expect(await pruneAudit(t.db.pool, now, t.config.auditDays, 2)).toBe(3);
    expect(await pruneAudit(t.db.pool, now, t.config.auditDays, 2)).toBe(0);
    expect((await t.db.pool.query('select at from audit')).rows).toEqual([{ at: now - 399 * day }]);
  });

  it('cuts a revoked member off at once', async () => {
    const key = await t.device('m@example.org', 'member');
    expect((await t.api('/v1/me', { key })).status).toBe(200);
    expect((await t.command('revoke', 'm@example.org'))[0]).toContain('Revoked');
    expect((await t.api('/v1/me', { key })).status).toBe(401);
    const members = await t.command('members');
    expect(members[0]).toContain('(revoked)');
  });
});
