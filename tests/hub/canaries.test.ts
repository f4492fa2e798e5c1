import { echoForms } from '../../utils/networks/http';
import { startTestHub, SANDBOX_SECRET, type TestHub } from './support/hub';

const HOUR = 60 * 60 * 1000;

/**
 * Canaries through every route of the hub: each secret it ever handles (access and refresh
 * tokens with ! * / ~ + ., authorization codes, PKCE verifiers, enrollment codes, device and
 * service keys, a guessed key, the app secret) is looked for, in every form an echo may take,
 * in the hub's logs and in every table of its database. Ciphertexts and hashes only.
 */
describe('hub: canaries through every route', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => t.close());

  it('finds none in the logs nor in clear in any table', async () => {
    const canaries: string[] = [SANDBOX_SECRET];
    const codeLines = async (email: string, role: string) => (await t.command('invite', email, '--role', role)).at(-1)!;
    const ownerCode = await codeLines('owner@example.org', 'owner');
    canaries.push(ownerCode);
    const owner = (await t.api('/v1/enroll', { body: { code: ownerCode, deviceName: 'laptop' } })).body.deviceKey as string;
    const member = await t.device('member@example.org', 'member');
    canaries.push(owner, member);

    await t.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    await t.control('accounts', { network: 'tiktok', name: 'Clips', accessLifetimeSec: 120 });
    await t.control('accounts', { network: 'linkedin', name: 'Lin', pages: [{ id: '5', name: 'Org' }] });
    await t.control('accounts', { network: 'x', name: 'Ex' });
    for (const network of ['facebook', 'tiktok', 'linkedin', 'x'] as const) {
      const auth = await t.authorize(network);
      canaries.push(auth.code, auth.codeVerifier);
      const r = await t.api('/v1/exchange', { key: owner, body: { network, ...auth } });
      expect(r.body).toMatchObject({ outcome: 'connected' });
    }
    const synced = await t.api('/v1/sync?since=0', { key: owner });
    expect(synced.status).toBe(200);
    const tiktok = (synced.body.profiles as { id: string; network: string; nativeId: string }[]).find((p) => p.network === 'tiktok')!;
    expect((await t.api('/v1/renew', { key: owner, body: { profileId: tiktok.id } })).body).toMatchObject({ outcome: 'renewed' });
    await t.api('/v1/me', { key: member });
    await t.api('/v1/preferences', {
      key: owner,
      body: { reminders: { thresholds: [7], mode: 'all', profiles: {} }, notifications: true, startupWarning: false },
    });
    await t.api('/v1/reminders/claim', { key: owner, body: { keys: ['k1'] } });

    const tool = await t.serviceKey(['facebook', 'tiktok', 'linkedin', 'x']);
    canaries.push(tool);
    const listed = (await t.api('/v1/profiles', { key: tool })).body.profiles as { network: string; profileId: string }[];
    expect(listed).toHaveLength(5); // LinkedIn lists the personal profile and the company page
    for (const p of listed) expect((await t.api(`/v1/profiles/${p.network}/${p.profileId}/token`, { key: tool })).status).toBe(200);

    // A network that echoes the whole request in its error (URL, Authorization, body) during a check.
    await t.control('fault', { network: 'facebook', mode: 'echo' });
    t.advance(25 * HOUR);
    await t.hub.checks.runOnce();
    const echoed = await t.db.pool.query<{ last_error: string }>("select last_error from grants where network = 'facebook'");
    expect(echoed.rows[0]!.last_error).toContain('[redacted]'); // the echo was stored, scrubbed
    const guessed = 'twd_guessed-key-that-must-not-be-logged-0123456789ab';
    canaries.push(guessed);
    expect((await t.api('/v1/me', { key: guessed })).status).toBe(401);
    expect((await t.api('/v1/disconnect', { key: owner, body: { profileId: 'facebook:1' } })).status).toBe(200);

    canaries.push(...[...t.sandbox.state.tokens.values()].map((x) => x.value));
    expect(canaries.length).toBeGreaterThan(20);
    const tables = await t.db.pool.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public'",
    );
    let dump = '';
    for (const { table_name } of tables.rows) {
      dump +=
        (await t.db.pool.query<{ rows: string | null }>(`select json_agg(x)::text as rows from "${table_name}" x`)).rows[0]!.rows ?? '';
    }
    expect(dump).toContain('Café'); // the dump holds what was written
    const logs = t.logs.join('\n');
    expect(logs).toContain('/v1/profiles/:network/:profileId/token');
    const found = canaries.flatMap((c) =>
      echoForms(c)
        .filter((form) => logs.includes(form) || dump.includes(form))
        .map(() => `${c.slice(0, 6)}…`),
    );
    expect(found).toEqual([]);
  });
});
