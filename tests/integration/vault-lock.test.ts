import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/entrypoints/background/commands';
import { connectNetwork } from '@/entrypoints/background/connect';
import { pollGrants } from '@/entrypoints/background/poll';
import { runReminders } from '@/entrypoints/background/reminders';
import { sessionVaultKey } from '@/entrypoints/background/session';
import { openTokens, setUnlockedKeySource, vaultKey } from '@/utils/db/vault';
import { importVaultKey, PBKDF2_ITERATIONS } from '@/utils/db/vault-lock';
import { DAY } from '@/utils/time';
import { addOne } from '../sandbox/fixtures';
import { harness, type Harness } from './support/harness';

const self = { id: 'ext', origin: 'chrome-extension://ext' };
const page = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const PASSPHRASE = 'correct horse battery staple';

// Each passphrase derivation is PBKDF2 at 600,000 rounds (about half a second on these cores, several
// times that while the other test projects run beside it): more than the default 5 s for three of them.
describe('the opt-in vault lock', { timeout: 30_000 }, () => {
  let h: Harness;
  beforeEach(async () => {
    fakeBrowser.reset();
    setUnlockedKeySource(() => sessionVaultKey(importVaultKey));
    h = await harness();
  });
  afterEach(async () => {
    setUnlockedKeySource(() => Promise.resolve(null));
    await h.close();
  });
  const send = async (command: string, payload: unknown = {}) => handleMessage(h.deps, { command, payload }, page, self);
  const result = async (command: string, payload: unknown = {}) => ((await send(command, payload)) as { result: unknown }).result;

  it('wraps the key under the passphrase (PBKDF2-SHA256, ≥ 600,000 iterations) and stores no usable key', async () => {
    addOne(h.sandbox.state, 'tiktok', 'Fern', '1');
    await connectNetwork(h.deps, 'tiktok');
    const [before] = await h.deps.db.secrets.toArray();
    const tokens = await openTokens(await vaultKey(h.deps.db), before!);

    expect(await result('lockOn', { passphrase: 'short' })).toEqual({ ok: false, message: 'The passphrase needs at least 10 characters.' });
    expect(await result('lockOn', { passphrase: PASSPHRASE })).toEqual({ ok: true });
    const [row] = await h.deps.db.keys.toArray();
    expect(row!.key).toBeUndefined();
    expect(row!.wrapped!.iterations).toBeGreaterThanOrEqual(600_000);
    expect(PBKDF2_ITERATIONS).toBe(600_000);
    // Every secret re-sealed under the new key, which this session holds.
    const [after] = await h.deps.db.secrets.toArray();
    expect(after!.iv).not.toEqual(before!.iv);
    expect(await openTokens(await vaultKey(h.deps.db), after!)).toEqual(tokens);
    expect(await result('vaultState')).toEqual({ mode: 'unlocked' });
  });

  it('while locked: the badge and reminders go on from stored expiries, checks and renewals wait; Unlock lets them run', async () => {
    const { profileId } = addOne(h.sandbox.state, 'tiktok', 'Fern', '1', { refreshLifetimeSec: 2 * 86_400 });
    await connectNetwork(h.deps, 'tiktok');
    await result('lockOn', { passphrase: PASSPHRASE });
    await result('lockNow');
    expect(await result('vaultState')).toEqual({ mode: 'locked' });

    const requests = h.sandbox.state.log.length;
    const badges = h.badges.length;
    expect(await pollGrants(h.deps, { force: true })).toBe(0);
    expect(h.sandbox.state.log.length).toBe(requests);
    expect(h.badges.length).toBe(badges + 1);
    expect(await result('renew', { profileId })).toEqual({
      kind: 'failed',
      reason: 'Token Warden is locked: unlock it in the popup first.',
    });
    expect(h.authCalls).toHaveLength(1); // the connect's, none since
    expect(h.sandbox.state.log.length).toBe(requests);
    // Reminders need no token: the 3-day one still goes out.
    h.setNow(h.deps.now() + DAY);
    expect(await runReminders(h.deps)).toBe(1);

    expect(await result('unlock', { passphrase: 'wrong passphrase!' })).toEqual({ ok: false, message: 'Wrong passphrase: still locked.' });
    expect(await result('vaultState')).toEqual({ mode: 'locked' });
    expect(await result('unlock', { passphrase: PASSPHRASE })).toEqual({ ok: true });
    expect(await result('vaultState')).toEqual({ mode: 'unlocked' });
    // The checks that waited ran on Unlock.
    expect(h.sandbox.state.log.length).toBeGreaterThan(requests);
  });

  it('a forgotten passphrase: the locked tokens are erased, each login says so, and a renewal signs in again', async () => {
    const { profileId } = addOne(h.sandbox.state, 'tiktok', 'Fern', '1');
    await connectNetwork(h.deps, 'tiktok');
    await result('lockOn', { passphrase: PASSPHRASE });
    await result('lockNow');
    expect(await result('lockReset')).toEqual({ ok: true });
    expect(await result('vaultState')).toEqual({ mode: 'open' });
    expect(await h.deps.db.secrets.count()).toBe(0);
    // The wrapped key is gone; a fresh key (the default) serves from now on.
    expect((await h.deps.db.keys.toArray()).map((k) => [k.key !== undefined, k.wrapped])).toEqual([[true, undefined]]);
    const [grant] = await h.deps.db.grants.toArray();
    expect(grant).toMatchObject({ invalidReason: 'No token is stored for this login' });
    expect(await result('renew', { profileId })).toMatchObject({ kind: 'renewed' });
    expect(await h.deps.db.secrets.count()).toBe(1);
  });

  it('turning the lock off (unlocked only) stores the key as is again, tokens intact', async () => {
    addOne(h.sandbox.state, 'x', 'Dock', '2');
    await connectNetwork(h.deps, 'x');
    await result('lockOn', { passphrase: PASSPHRASE });
    await result('lockNow');
    expect(await result('lockOff')).toEqual({ ok: false, message: 'Unlock first.' });
    await result('unlock', { passphrase: PASSPHRASE });
    expect(await result('lockOff')).toEqual({ ok: true });
    expect(await result('vaultState')).toEqual({ mode: 'open' });
    const [row] = await h.deps.db.keys.toArray();
    expect(row!.key).toBeDefined();
    expect(row!.wrapped).toBeUndefined();
    const [secret] = await h.deps.db.secrets.toArray();
    expect((await openTokens(row!.key!, secret!)).accessToken).toMatch(/^act\./);
  });
});
