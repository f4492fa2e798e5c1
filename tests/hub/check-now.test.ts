import { checkNowFor } from '../../hub/checks/on-demand';
import { startTestHub, type TestHub } from './support/hub';

const MINUTE = 60_000;

/** "Check now" in a member's popup: the hub checks what that member sees, at once, then syncs. */
describe('a sync with fresh=1 (Check now)', () => {
  let t: TestHub;
  let owner: string;
  let member: string;
  let alex: { id: string };
  const debugTokenCalls = () => t.sandbox.state.log.filter((e) => e.network === 'facebook' && e.path.endsWith('/debug_token')).length;
  const grantChecks = async () =>
    Object.fromEntries(
      (await t.db.pool.query<{ id: string; last_check_at: string }>('select id, last_check_at from grants')).rows.map((r) => [
        r.id,
        Number(r.last_check_at),
      ]),
    );

  beforeEach(async () => {
    t = await startTestHub();
    owner = await t.device('owner@example.org', 'owner');
    member = await t.device('member@example.org', 'member');
    // Two logins, one grant each: Alex's page is given to the Member, Sam's is not.
    alex = await t.control('accounts', { network: 'facebook', name: 'Alex', pages: [{ id: '1', name: 'Café' }] });
    expect(
      (await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } })).body,
    ).toMatchObject({
      outcome: 'connected',
    });
    await t.control('accounts', { network: 'facebook', name: 'Sam', pages: [{ id: '2', name: 'Bakery' }] });
    expect(
      (await t.api('/v1/exchange', { key: owner, body: { network: 'facebook', ...(await t.authorize('facebook')) } })).body,
    ).toMatchObject({
      outcome: 'connected',
    });
    await t.command('grant-access', 'member@example.org', 'facebook:1');
  });
  afterEach(() => t.close());

  it("checks at once what the member sees (not a colleague's other profiles), finds a revoked token, and brings it in the same answer", async () => {
    await t.control('revoke', { network: 'facebook', accountId: alex.id, reason: 'password' });
    t.advance(2 * MINUTE); // the connects' own checks are no longer fresh
    const before = await grantChecks();
    const calls = debugTokenCalls();

    const answer = await t.api('/v1/sync?since=0&fresh=1', { key: member });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ checked: 1, pending: 0 });
    expect(answer.body.grants).toHaveLength(1);
    expect(answer.body.grants[0].invalidSince).not.toBeNull();
    expect(answer.body.grants[0].invalidReason).toContain('password');
    expect(debugTokenCalls() - calls).toBe(1);
    const after = await grantChecks();
    const [alexGrant, samGrant] = [answer.body.grants[0].id as string, Object.keys(after).find((id) => id !== answer.body.grants[0].id)!];
    expect(after[alexGrant]).toBeGreaterThan(before[alexGrant]!);
    expect(after[samGrant]).toBe(before[samGrant]); // not the Member's: left to its schedule

    // Asked again within a minute: nothing is checked twice, the answer still says it is fresh.
    expect((await t.api('/v1/sync?since=0&fresh=1', { key: member })).body).toMatchObject({ checked: 1, pending: 0 });
    expect(debugTokenCalls() - calls).toBe(1);

    // The Owner sees both: only Sam's grant was not checked in the last minute (Alex's is dead now anyway).
    expect((await t.api('/v1/sync?since=0&fresh=1', { key: owner })).body).toMatchObject({ checked: 2, pending: 0 });
    expect(debugTokenCalls() - calls).toBe(2);
    // Without fresh=1 a sync checks nothing and says nothing of checks.
    const plain = await t.api('/v1/sync?since=0', { key: owner });
    expect(plain.body.checked).toBeUndefined();
    expect(debugTokenCalls() - calls).toBe(2);
  });

  it('answers by its deadline even while a check round runs long, the grants still due saying pending', async () => {
    t.advance(2 * MINUTE);
    let rounds = 0;
    const stuck = { runOnce: () => ((rounds += 1), new Promise<number>(() => undefined)), stop: () => Promise.resolve() };
    const member = { id: 1, email: 'owner@example.org', role: 'owner' as const };
    const started = performance.now();
    expect(await checkNowFor(t.db.pool, stuck, member, () => t.now(), 300)).toEqual({ checked: 0, pending: 2 });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(rounds).toBe(1);
  });

  it('on a process without checks, makes the grants due for the processes that have them', async () => {
    t.advance(2 * MINUTE);
    const other = t.otherProcess(); // an API process on the same database with no check runner
    const res = await other.request('/v1/sync?since=0&fresh=1', { headers: { authorization: `Bearer ${owner}` } });
    expect(await res.json()).toMatchObject({ checked: 0, pending: 2 });
    expect(await t.hub.checks.runOnce()).toBe(2);
    expect((await t.api('/v1/sync?since=0&fresh=1', { key: owner })).body).toMatchObject({ checked: 2, pending: 0 });
  });
});
