import { connectNetwork } from '@/entrypoints/background/connect';
import { pollGrants, resumeInterruptedPoll } from '@/entrypoints/background/poll';
import { refreshBadge } from '@/entrypoints/background/refresh-badge';
import { renewProfile } from '@/entrypoints/background/renew';
import { applyChecks } from '@/utils/db/grant-writes';
import { openTokens, vaultKey } from '@/utils/db/vault';
import { grantStatus } from '@/utils/status';
import { DAY, HOUR } from '@/utils/time';
import Dexie from 'dexie';
import { addOne } from '../sandbox/fixtures';
import { harness, type Harness } from './support/harness';

const requestsTo = (h: Harness, network: string) =>
  h.sandbox.state.log.filter((e) => e.network === network && !/authorize|dialog/.test(e.path)).length;

describe('network-specific rules', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('a 429 pauses that network alone until Retry-After; the others go on', async () => {
    h = await harness();
    for (const i of [1, 2, 3]) {
      addOne(h.sandbox.state, 'facebook', `Page ${i}`, `70${i}`);
      await connectNetwork(h.deps, 'facebook');
    }
    addOne(h.sandbox.state, 'tiktok', 'Fern', '1');
    await connectNetwork(h.deps, 'tiktok');
    await h.control('fault', { network: 'facebook', mode: '429', retryAfter: 3600 });
    await pollGrants(h.deps, { force: true });
    expect((await h.deps.db.networkState.get('facebook'))?.pausedUntil).toBeGreaterThanOrEqual(h.deps.now() + 3_600_000);

    const fbBefore = requestsTo(h, 'facebook');
    const ttBefore = requestsTo(h, 'tiktok');
    h.setNow(h.deps.now() + 30 * 60_000);
    await pollGrants(h.deps, { force: true });
    expect(requestsTo(h, 'facebook')).toBe(fbBefore); // nothing before Retry-After
    expect(requestsTo(h, 'tiktok')).toBeGreaterThan(ttBefore); // TikTok is not delayed
    for (const g of await h.deps.db.grants.filter((g) => g.network === 'facebook').toArray()) expect(g.invalidSince).toBeNull();

    await h.control('fault', { network: 'facebook', mode: 'none' });
    h.setNow(h.deps.now() + 31 * 60_000);
    await pollGrants(h.deps, { force: true });
    expect(requestsTo(h, 'facebook')).toBe(fbBefore + 3); // resumes by itself, one request per grant
  });

  it('LinkedIn: renewal by an identity that is not Super Admin fails with that reason; the identity shows ✗', async () => {
    h = await harness();
    const { account: admin, profileId } = addOne(h.sandbox.state, 'linkedin', 'Fern Foods', '880');
    await connectNetwork(h.deps, 'linkedin');
    expect(profileId).toBe('linkedin:org-880');
    h.sandbox.state.revokeAccount(admin.id, 'revoked');
    await pollGrants(h.deps, { force: true });
    const editor = h.sandbox.state.addAccount({
      network: 'linkedin',
      name: 'Robin Editor',
      pages: [{ id: '880', name: 'Fern Foods', tasks: ['CONTENT_ADMINISTRATOR'] }],
    });
    const outcome = await renewProfile(h.deps, profileId);
    expect(outcome).toEqual({
      kind: 'no-permission',
      identity: 'Robin Editor',
      permission: 'Super Admin of the company page (or access to the personal account)',
    });
    expect((await h.deps.db.identities.get(`linkedin:${editor.id}`))!.access[profileId]).toMatchObject({ can: 'no' });
    expect((await h.deps.db.identities.get(`linkedin:${admin.id}`))!.access[profileId]).toMatchObject({ can: 'yes' });
    const grant = (await h.deps.db.grants.get((await h.deps.db.profiles.get(profileId))!.grantId))!;
    expect(grantStatus(grant, h.deps.now()).status).toBe('expired');
  });

  it('TikTok: a crash between the rotated answer and its write loses no grant and says why a sign-in is needed', async () => {
    h = await harness();
    const { profileId } = addOne(h.sandbox.state, 'tiktok', 'Fern', '1');
    await connectNetwork(h.deps, 'tiktok');
    const db = h.deps.db;
    const before = (await db.secrets.toArray())[0]!;
    const oldTokens = await openTokens(await vaultKey(db), before);
    // The worker dies after TikTok answered (old refresh token now retired) but before the write commits.
    let crash = true;
    const boom = () => {
      if (crash) {
        crash = false;
        throw new Error('worker killed');
      }
    };
    db.secrets.hook('creating', boom);
    db.secrets.hook('updating', boom);
    expect(await renewProfile(h.deps, profileId)).toMatchObject({ kind: 'failed' });
    const afterCrash = (await db.grants.toArray())[0]!;
    expect(afterCrash.refreshStartedAt).toBeGreaterThan(0);
    expect(afterCrash.invalidSince).toBeNull();
    expect(await openTokens(await vaultKey(db), (await db.secrets.toArray())[0]!)).toEqual(oldTokens); // nothing half-written

    h.setNow(h.deps.now() + DAY); // the access token lapses: the next poll must refresh
    await pollGrants(h.deps, { force: false });
    const dead = (await db.grants.toArray())[0]!;
    expect(dead.invalidReason).toBe('A renewal was interrupted before its new token could be saved; sign in again to resume');
    expect(await db.profiles.count()).toBe(1);

    expect(await renewProfile(h.deps, profileId)).toMatchObject({ kind: 'renewed' }); // through the window
    expect(grantStatus((await db.grants.toArray())[0]!, h.deps.now()).status).toBe('valid');
  });

  it('Threads: refreshes only when the token is at least 24 h old and unexpired, else asks for a sign-in', async () => {
    h = await harness();
    const { profileId } = addOne(h.sandbox.state, 'threads', 'Fern', '1', { tokenLifetimeSec: 5 * 86_400 });
    await connectNetwork(h.deps, 'threads');
    const windows = h.authCalls.length;
    // Under 24 h old: no refresh is attempted, the renewal needs the window.
    expect(await renewProfile(h.deps, profileId)).toMatchObject({ kind: 'renewed' });
    expect(h.authCalls.length).toBe(windows + 1);
    expect(h.sandbox.state.log.some((e) => e.path.includes('refresh_access_token'))).toBe(false);
  });

  it('Threads: a token older than 24 h is refreshed silently by the poll before it lapses', async () => {
    let clock = Date.now();
    h = await harness();
    h.sandbox.state.now = () => clock;
    addOne(h.sandbox.state, 'threads', 'Fern', '1', { tokenLifetimeSec: 5 * 86_400 });
    h.setNow(clock);
    await connectNetwork(h.deps, 'threads');
    const windows = h.authCalls.length;
    clock += 2 * DAY;
    h.setNow(clock);
    await pollGrants(h.deps, { force: true });
    expect(h.sandbox.state.log.filter((e) => e.path.includes('refresh_access_token'))).toHaveLength(1);
    expect(h.authCalls.length).toBe(windows);
    const grant = (await h.deps.db.grants.toArray())[0]!;
    expect(grant.expiresAt! - clock).toBeGreaterThan(4 * DAY + 23 * HOUR);
  });
});

describe('polling', () => {
  it('never runs two checks of one grant at once, even when a forced check overlaps a poll', async () => {
    const h = await harness();
    for (const i of [1, 2, 3, 4, 5]) {
      addOne(h.sandbox.state, 'facebook', `Page ${i}`, `80${i}`);
      await connectNetwork(h.deps, 'facebook');
    }
    await h.control('fault', { network: 'facebook', latencyMs: 100 });
    const before = requestsTo(h, 'facebook');
    await Promise.all([pollGrants(h.deps, { force: true }), pollGrants(h.deps, { force: true }), pollGrants(h.deps, { force: false })]);
    expect(requestsTo(h, 'facebook') - before).toBe(5);
    // The lease ends with the check: the next poll checks them again.
    await pollGrants(h.deps, { force: true });
    expect(requestsTo(h, 'facebook') - before).toBe(10);
    await h.close();
  });
});

/** Counts the write transactions committed on this harness's database while `run` runs. */
async function writeTransactions(h: Harness, run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const prefix = `idb://${h.deps.db.name}/`;
  const listener = (parts: Record<string, unknown>) => void (Object.keys(parts).some((k) => k.startsWith(prefix)) && count++);
  Dexie.on('storagemutated', listener);
  try {
    await run();
  } finally {
    Dexie.on('storagemutated').unsubscribe(listener);
  }
  return count;
}

describe('a worker stopped in the middle of a poll', () => {
  it('its successor checks the grants the stopped one had leased at once, and leaves its own leases alone', async () => {
    const h = await harness();
    for (const i of [1, 2, 3, 4]) {
      addOne(h.sandbox.state, 'pinterest', `Board ${i}`, `61${i}`);
      await connectNetwork(h.deps, 'pinterest');
    }
    const now = h.deps.now();
    const [a, b, c] = await h.deps.db.grants.toArray();
    // Two leased by a stopped life of the worker, mid-poll; one checked long ago and not due.
    await h.deps.db.grants.bulkUpdate([
      { key: a!.id, changes: { nextCheckAt: now + 60_000, leasedUntil: now + 60_000, leasedBy: 'stopped-life' } },
      { key: b!.id, changes: { nextCheckAt: now + 90_000, leasedUntil: now + 90_000, leasedBy: 'stopped-life' } },
      { key: c!.id, changes: { nextCheckAt: now + DAY } },
    ]);
    const before = requestsTo(h, 'pinterest');
    expect(await resumeInterruptedPoll(h.deps)).toBe(2);
    expect(requestsTo(h, 'pinterest') - before).toBe(2);
    const after = await h.deps.db.grants.bulkGet([a!.id, b!.id]);
    expect(after.every((g) => g!.lastCheckAt === now && g!.nextCheckAt! > now + HOUR)).toBe(true);
    // A plain poll (an alarm) takes over abandoned leases too, without a restart.
    const [d] = (await h.deps.db.grants.toArray()).filter((g) => g.id !== a!.id && g.id !== b!.id && g.id !== c!.id);
    await h.deps.db.grants.update(d!.id, { nextCheckAt: now + 30_000, leasedUntil: now + 30_000, leasedBy: 'another-stopped-life' });
    expect(await pollGrants(h.deps, { force: false })).toBe(1);
    expect(requestsTo(h, 'pinterest') - before).toBe(3);
    // Leases this life holds are not released by it.
    await h.deps.db.grants.update(c!.id, { nextCheckAt: now });
    const poll = pollGrants(h.deps, { force: false });
    expect(await resumeInterruptedPoll(h.deps)).toBe(0);
    await poll;
    expect(requestsTo(h, 'pinterest') - before).toBe(4);
    await h.close();
  });
});

describe('polling writes in batches', () => {
  it('a poll of 120 grants commits one lease, one write per 100 results (2) and the list’s head, never one per grant', async () => {
    const h = await harness();
    for (let i = 0; i < 120; i += 1) {
      addOne(h.sandbox.state, 'pinterest', `Board ${i}`, `7${i}`);
      await connectNetwork(h.deps, 'pinterest');
    }
    const before = requestsTo(h, 'pinterest');
    const writes = await writeTransactions(h, () => pollGrants(h.deps, { force: true }));
    expect(requestsTo(h, 'pinterest') - before).toBe(120);
    expect(writes).toBe(1 + 2 + 1); // the lease, two batches, the list's head
    expect((await h.deps.db.grants.toArray()).every((g) => g.lastCheckResult === 'valid')).toBe(true);
    await h.close();
  }, 60_000); // 120 connects through the real sandbox to set it up

  it('the list head is written after a change, and not on a mere worker start', async () => {
    const h = await harness();
    addOne(h.sandbox.state, 'x', 'Dockside', '5');
    await connectNetwork(h.deps, 'x');
    expect(await writeTransactions(h, () => refreshBadge(h.deps, { head: false }))).toBe(0);
    expect(await writeTransactions(h, () => refreshBadge(h.deps))).toBe(1);
    expect(await h.deps.db.snapshots.get('list-head')).toMatchObject({ total: 1, counts: { 'no-expiry': 1 } });
    await h.close();
  });

  it('Google: a due refresh joins the batch (its refresh token never rotates) and its new access token is stored', async () => {
    const h = await harness();
    addOne(h.sandbox.state, 'youtube', 'Channel', 'UC1');
    await connectNetwork(h.deps, 'youtube');
    const [grant] = await h.deps.db.grants.toArray();
    const key = await vaultKey(h.deps.db);
    const old = await openTokens(key, (await h.deps.db.secrets.get(grant!.id))!);
    h.setNow(grant!.accessExpiresAt! - 60_000); // inside the refresh margin
    const writes = await writeTransactions(h, () => pollGrants(h.deps, { force: true }));
    expect(writes).toBe(3); // the lease, the batch with the grant and its secret, the list's head
    const after = await h.deps.db.grants.get(grant!.id);
    const fresh = await openTokens(key, (await h.deps.db.secrets.get(grant!.id))!);
    expect(fresh.accessToken).not.toBe(old.accessToken);
    expect(fresh.refreshToken).toBe(old.refreshToken);
    expect(after!.accessExpiresAt).toBeGreaterThan(grant!.accessExpiresAt!);
    expect(after!.refreshStartedAt ?? null).toBeNull();
    expect(grantStatus(after!, grant!.accessExpiresAt!).status).not.toBe('expired');
    await h.close();
  });
});

describe('who can renew (SPEC §4)', () => {
  it('records ✓ for the identity that connected, ? for it once another identity takes over, ✗ on a permission refusal', async () => {
    const h = await harness();
    const first = h.sandbox.state.addAccount({
      network: 'youtube',
      name: 'Alex',
      pages: [{ id: 'UC1', name: 'Fern TV', tasks: ['MANAGE'] }],
    });
    await connectNetwork(h.deps, 'youtube');
    const access = async (accountId: string) => (await h.deps.db.identities.get(`youtube:${accountId}`))!.access['youtube:UC1'];
    expect(await access(first.id)).toMatchObject({ can: 'yes' });

    const second = h.sandbox.state.addAccount({
      network: 'youtube',
      name: 'Sam',
      pages: [{ id: 'UC1', name: 'Fern TV', tasks: ['MANAGE'] }],
    });
    h.sandbox.state.revokeAccount(first.id, 'revoked');
    await pollGrants(h.deps, { force: true });
    expect(await renewProfile(h.deps, 'youtube:UC1')).toMatchObject({ kind: 'renewed' });
    expect(await access(second.id)).toMatchObject({ can: 'yes' });
    expect(await access(first.id)).toMatchObject({ can: 'unknown' });
    expect(await h.deps.db.grants.count()).toBe(1); // the old grant went with its last profile

    const grant = (await h.deps.db.grants.toArray())[0]!;
    await applyChecks(
      h.deps.db,
      [{ grantId: grant.id, result: { kind: 'invalid', reason: 'The caller does not have permission', code: 'permission' } }],
      h.deps.now(),
    );
    expect(await access(second.id)).toMatchObject({ can: 'no', reason: 'The caller does not have permission' });
    await h.close();
  });
});
