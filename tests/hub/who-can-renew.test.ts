import { startTestHub, type TestHub } from './support/hub';

interface AccessRow {
  identityId: string;
  memberEmail: string | null;
  profileId: string;
  can: string;
  reason: string | null;
}

/** SPEC §4 across the team: every connect and renewal records which member's identity did it, ✓ ✗ ? with the reason. */
describe('hub: who can renew, as logins are written', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => t.close());

  const accessOf = async (key: string) => {
    const rows = (await t.api('/v1/sync?since=0', { key })).body.access as AccessRow[];
    return Object.fromEntries(rows.map((a) => [`${a.identityId} ${a.profileId}`, [a.can, a.reason, a.memberEmail]]));
  };

  it('a LinkedIn page the person holds two roles on (two ACLs) is one profile, managed: the login is written, ✓', async () => {
    const owner = await t.device('owner@example.org', 'owner');
    const li = await t.control('accounts', {
      network: 'linkedin',
      name: 'Lee',
      pages: [{ id: '7', name: 'Fern Foods', tasks: ['ANALYST', 'ADMINISTRATOR'] }],
    });
    await t.control('login', { network: 'linkedin', accountId: li.id });
    const connected = await t.api('/v1/exchange', { key: owner, body: { network: 'linkedin', ...(await t.authorize('linkedin')) } });
    expect(connected.body).toMatchObject({ outcome: 'connected', profiles: 2 });
    const access = await accessOf(owner);
    expect(Object.entries(access).filter(([k]) => k.endsWith('linkedin:org-7'))).toEqual([
      [`linkedin:${li.id} linkedin:org-7`, ['yes', null, 'owner@example.org']],
    ]);
  });

  it('records ✓ and ✗ at connect, ? for the identity a profile moved away from, ✗ with the permission when a renewal is refused, and the history of each', async () => {
    const owner = await t.device('owner@example.org', 'owner');
    const manager = await t.device('manager@example.org', 'manager');
    const alex = await t.control('accounts', {
      network: 'facebook',
      name: 'Alex',
      pages: [
        { id: '1', name: 'Café' },
        { id: '2', name: 'Bakery', tasks: ['CREATE_CONTENT', 'ANALYZE'] },
      ],
    });
    await t.control('login', { network: 'facebook', accountId: alex.id });
    const connected = await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } });
    expect(connected.body).toMatchObject({ outcome: 'connected', profiles: 2 });
    expect(await accessOf(owner)).toEqual({
      [`facebook:${alex.id} facebook:1`]: ['yes', null, 'owner@example.org'],
      [`facebook:${alex.id} facebook:2`]: ['no', 'The network refused this account', 'owner@example.org'],
    });

    // Blake (the Manager's login) renews the Café: the page moves to Blake's grant; Alex's permission there is now unknown.
    const blake = await t.control('accounts', { network: 'facebook', name: 'Blake', pages: [{ id: '1', name: 'Café' }] });
    await t.control('login', { network: 'facebook', accountId: blake.id });
    const renewed = await t.api('/v1/exchange', {
      key: manager,
      body: { network: 'facebook', renewProfileId: 'facebook:1', ...(await t.authorize('facebook')) },
    });
    expect(renewed.body).toMatchObject({ outcome: 'renewed', profiles: 1, identity: 'Blake' });
    const moved = await accessOf(owner);
    expect(moved[`facebook:${alex.id} facebook:1`]).toEqual([
      'unknown',
      'Held a token for this profile before; its current permission is not known',
      'owner@example.org',
    ]);
    expect(moved[`facebook:${blake.id} facebook:1`]).toEqual(['yes', null, 'manager@example.org']);

    // Blake cannot renew the Bakery: refused, ✗ with the permission; nothing else of the Bakery changes.
    await t.control('login', { network: 'facebook', accountId: blake.id });
    const refused = await t.api('/v1/exchange', {
      key: manager,
      body: { network: 'facebook', renewProfileId: 'facebook:2', ...(await t.authorize('facebook')) },
    });
    expect(refused.body).toMatchObject({ outcome: 'no-permission', identity: 'Blake' });
    const after = await accessOf(owner);
    expect(after[`facebook:${blake.id} facebook:2`]).toEqual([
      'no',
      `Missing: ${(refused.body as { permission: string }).permission}`,
      'manager@example.org',
    ]);
    const bakery = await t.db.pool.query<{ grant_id: string }>("select grant_id from profiles where id = 'facebook:2'");
    expect(bakery.rows[0]!.grant_id).toBe(connected.body.grantId);

    const history = await t.db.pool.query<{ profile_id: string; kind: string; fact: { code: string; by: string } }>(
      'select profile_id, kind, fact from history order by id',
    );
    expect(history.rows.map((h) => [h.profile_id, h.kind, h.fact])).toEqual([
      ['facebook:1', 'connected', { code: 'connected', by: 'Alex (owner@example.org)' }],
      ['facebook:2', 'connected', { code: 'connected', by: 'Alex (owner@example.org)' }],
      ['facebook:1', 'renewal', { code: 'renewed', by: 'Blake (manager@example.org)' }],
      ['facebook:1', 'renewal', { code: 'renewed', by: 'Blake (manager@example.org)' }],
    ]);
    const audit = await t.db.pool.query<{ action: string; profile_id: string | null }>('select action, profile_id from audit order by id');
    expect(audit.rows).toEqual([
      { action: 'connect', profile_id: null },
      { action: 'renew', profile_id: 'facebook:1' },
      { action: 'renew', profile_id: 'facebook:2' },
    ]);
    // One change number per login: every row one exchange wrote carries the same.
    const changes = await t.db.pool.query<{ n: number }>(
      `select count(distinct change)::int as n from (
         select change from grants union all select change from profiles union all select change from access
         union all select change from history) c`,
    );
    expect(changes.rows[0]!.n).toBe(3);
  });
});
