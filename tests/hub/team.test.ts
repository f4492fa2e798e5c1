import { connectTwoPages, startTestHub, type TestHub } from './support/hub';
import { inChangeTx } from '../../hub/store/tx';
import { startWebhookSink } from '../sandbox/webhook-sink';
import { serveHub } from '../../hub/serve';
import { silentLogger } from '../../hub/log';
import { loadConfig } from '../../hub/config';
import { hubEnv } from './support/env';

const HOUR = 60 * 60 * 1000;

describe('hub: a team', () => {
  let t: TestHub;
  afterEach(async () => t?.close());

  it('a Member sees and renews only the profiles given to them; the hub enforces it', async () => {
    t = await startTestHub();
    const owner = await t.device('owner@example.org', 'owner');
    const member = await t.device('member@example.org', 'member');
    await connectTwoPages(t, owner);
    expect((await t.api('/v1/sync?since=0', { key: member })).body).toMatchObject({ profiles: [], grants: [] });
    expect((await t.command('grant-access', 'member@example.org', 'facebook:1'))[0]).toContain('may now see and renew');
    const synced = await t.api('/v1/sync?since=0', { key: member });
    expect(synced.body.profiles.map((p: { id: string }) => p.id)).toEqual(['facebook:1']);
    expect(synced.body.grants).toHaveLength(1);
    expect((await t.api('/v1/renew', { key: member, body: { profileId: 'facebook:2' } })).status).toBe(403);
    const renewOther = { network: 'facebook', renewProfileId: 'facebook:2', ...(await t.authorize('facebook')) };
    expect((await t.api('/v1/exchange', { key: member, body: renewOther })).status).toBe(403);
    expect((await t.api('/v1/renew', { key: member, body: { profileId: 'facebook:1' } })).body).toMatchObject({ outcome: 'needs-consent' });

    // Disconnected by the Owner: the Member's browser is told to drop it.
    expect((await t.api('/v1/disconnect', { key: owner, body: { profileId: 'facebook:1' } })).body).toEqual({ ok: true });
    const after = await t.api(`/v1/sync?since=${synced.body.cursor}`, { key: member });
    expect(after.body.removed).toEqual(['facebook:1']);
  });

  it('a profile given to a Member after their last sync comes with their next one, with its grant, who can renew it and its history', async () => {
    t = await startTestHub();
    const owner = await t.device('owner@example.org', 'owner');
    const member = await t.device('member@example.org', 'member');
    await connectTwoPages(t, owner);
    // The Member's cursor is past the page's last change already.
    const before = await t.api('/v1/sync?since=0', { key: member });
    expect(before.body.profiles).toEqual([]);
    const cursor = before.body.cursor as number;

    await t.command('grant-access', 'member@example.org', 'facebook:1');
    const after = await t.api(`/v1/sync?since=${cursor}`, { key: member });
    expect(after.body.profiles.map((p: { id: string }) => p.id)).toEqual(['facebook:1']);
    expect(after.body.grants).toHaveLength(1);
    expect(after.body.access.map((a: { profileId: string; can: string }) => [a.profileId, a.can])).toEqual([['facebook:1', 'yes']]);
    expect(after.body.history.map((h: { profileId: string; kind: string }) => [h.profileId, h.kind])).toEqual([
      ['facebook:1', 'connected'],
    ]);
  });

  it('one device of a member delivers each reminder; preferences follow the member to every device', async () => {
    t = await startTestHub();
    const laptop = await t.device('m@example.org', 'manager');
    const phone = await t.device('m@example.org', 'manager');
    const other = await t.device('o@example.org', 'manager');
    const keys = ['facebook:1:123:7:facebook:1', 'facebook:1:123:3:facebook:1'];
    expect((await t.api('/v1/reminders/claim', { key: laptop, body: { keys } })).body.claimed).toEqual(keys);
    expect((await t.api('/v1/reminders/claim', { key: phone, body: { keys } })).body.claimed).toEqual([]);
    expect((await t.api('/v1/reminders/claim', { key: laptop, body: { keys } })).body.claimed.sort()).toEqual([...keys].sort());
    expect((await t.api('/v1/reminders/claim', { key: other, body: { keys } })).body.claimed).toEqual(keys);

    const before = (await t.api('/v1/sync?since=0', { key: phone })).body.cursor as number;
    const prefs = { reminders: { thresholds: [14, 1], mode: 'all', profiles: {} }, notifications: false, startupWarning: true };
    expect((await t.api('/v1/preferences', { key: laptop, body: prefs })).body).toEqual({ ok: true });
    expect((await t.api(`/v1/sync?since=${before}`, { key: phone })).body.preferences).toEqual(prefs);
    expect((await t.api(`/v1/sync?since=${before}`, { key: other })).body.preferences).toBeNull();
  });

  it("the organisation's Slack hears of each reminder once, even from two hub processes", async () => {
    const sink = await startWebhookSink();
    t = await startTestHub({ env: { HUB_SLACK_URL: `${sink.url}/slack`, HUB_WEBHOOK_URL: `${sink.url}/hook` } });
    const second = await serveHub(
      t.db,
      loadConfig({
        ...hubEnv(t.sandbox.url, t.config.databaseUrl!),
        HUB_SECRET_KEY: t.config.secretKey.current.toString('base64'),
        HUB_SLACK_URL: `${sink.url}/slack`,
        HUB_WEBHOOK_URL: `${sink.url}/hook`,
      }),
      silentLogger,
      { autoCheck: false },
    );
    try {
      const owner = await t.device('owner@example.org', 'owner');
      const alex = await t.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café & <Bakery>' }] });
      await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } });
      await t.control('revoke', { network: 'facebook', accountId: alex.id, reason: 'password' });
      t.advance(25 * HOUR);
      await t.hub.checks.runOnce();
      await Promise.all([t.hub.orgReminders(), second.orgReminders(), t.hub.orgReminders()]);
      await Promise.all([t.hub.orgReminders(), second.orgReminders()]);
      expect(sink.received.map((r) => r.path).sort()).toEqual(['/hook', '/slack']);
      const slack = JSON.stringify(sink.received.find((r) => r.path === '/slack')!.body);
      expect(slack).toContain('Café &amp; &lt;Bakery&gt;');
    } finally {
      await second.close();
      await sink.close();
    }
  });

  it('a 429 pauses that network alone until Retry-After; transient failures change no status', async () => {
    t = await startTestHub();
    const owner = await t.device('owner@example.org', 'owner');
    await connectTwoPages(t, owner);
    await t.control('accounts', { network: 'pinterest', name: 'Pins' });
    expect(
      (await t.api('/v1/exchange', { key: owner, body: { network: 'pinterest', ...(await t.authorize('pinterest')) } })).body,
    ).toMatchObject({ outcome: 'connected' });
    await t.control('fault', { network: 'facebook', mode: '429', retryAfter: 600 });
    t.advance(25 * HOUR);
    await t.hub.checks.runOnce();
    const grants = await t.db.pool.query<{ network: string; last_check_result: string; invalid_since: number | null }>(
      'select network, last_check_result, invalid_since from grants order by network',
    );
    expect(grants.rows).toEqual([
      { network: 'facebook', last_check_result: 'unknown', invalid_since: null },
      { network: 'pinterest', last_check_result: 'valid', invalid_since: null },
    ]);
    const pause = await t.db.pool.query<{ network: string }>('select network from network_pauses');
    expect(pause.rows.map((r) => r.network)).toEqual(['facebook']);
    expect((await t.command('jobs')).join('\n')).toMatch(/facebook paused until/);
  });
});

describe('hub: one grant per YouTube channel', () => {
  let t: TestHub;
  afterEach(async () => t?.close());

  it('two channels of one Google login are two grants, each checked, each renewed with its own consent', async () => {
    t = await startTestHub();
    const owner = await t.device('owner@example.org', 'owner');
    t.sandbox.state.addAccount({
      network: 'youtube',
      name: 'Alex Rivera',
      pages: [
        { id: 'UCkitchen', name: 'Fern Kitchen TV', tasks: ['MANAGE'] },
        { id: 'UCbarista', name: 'Fern Barista School', tasks: ['MANAGE'] },
      ],
    });
    const consent = async (channelId: string, renewProfileId?: string) => {
      t.sandbox.state.nextChannel.set('youtube', channelId);
      return (await t.api('/v1/exchange', { key: owner, body: { network: 'youtube', renewProfileId, ...(await t.authorize('youtube')) } }))
        .body;
    };
    expect(await consent('UCkitchen')).toMatchObject({ outcome: 'connected', profiles: 1 });
    expect(await consent('UCbarista')).toMatchObject({ outcome: 'connected', profiles: 1 });
    const grants = await t.db.pool.query<{ id: string }>('select id from grants order by id');
    expect(grants.rows.map((g) => g.id)).toHaveLength(2);
    const profiles = await t.db.pool.query<{ id: string; grant_id: string }>('select id, grant_id from profiles order by id');
    expect(new Set(profiles.rows.map((p) => p.grant_id)).size).toBe(2);
    t.advance(25 * HOUR);
    expect(await t.hub.checks.runOnce()).toBe(2);
    expect(await consent('UCbarista', 'youtube:UCkitchen')).toMatchObject({
      outcome: 'failed',
      reason: expect.stringContaining('“Fern Barista School”'),
    });
    expect(await consent('UCkitchen', 'youtube:UCkitchen')).toMatchObject({ outcome: 'renewed', profiles: 1 });
  });
});

describe('hub: the sync cursor under concurrent writers', () => {
  let t: TestHub;
  afterEach(async () => t?.close());

  it('a change that commits after a sync, though it began before, comes with the next sync (no writer waits for another)', async () => {
    t = await startTestHub();
    const owner = await t.device('owner@example.org', 'owner');
    await connectTwoPages(t, owner);
    const first = (await t.api('/v1/sync?since=0', { key: owner })).body as { cursor: number };

    // A slow writer: its transaction (and id) starts first, and commits last.
    const slow = await t.db.pool.connect();
    await slow.query('begin');
    const { rows } = await slow.query<{ n: string }>('select pg_current_xact_id()::text as n');
    await slow.query("update profiles set name = 'Café (renamed)', change = $1 where id = 'facebook:1'", [Number(rows[0]!.n)]);
    // A quick writer commits meanwhile.
    await inChangeTx(t.db.pool, (tx, change) =>
      tx.query("update profiles set name = 'Bakery (renamed)', change = $1 where id = 'facebook:2'", [change]),
    );

    const middle = (await t.api(`/v1/sync?since=${first.cursor}`, { key: owner })).body as {
      cursor: number;
      profiles: { id: string; name: string }[];
    };
    expect(middle.profiles.map((p) => p.name)).toEqual(['Bakery (renamed)']);
    await slow.query('commit');
    slow.release();
    const last = (await t.api(`/v1/sync?since=${middle.cursor}`, { key: owner })).body as { profiles: { id: string; name: string }[] };
    expect(last.profiles.map((p) => p.name)).toContain('Café (renamed)');
  });
});
