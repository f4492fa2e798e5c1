import { connectNetwork } from '@/entrypoints/background/connect';
import { historyText } from '@/utils/history-facts';
import { pollGrants } from '@/entrypoints/background/poll';
import { cancelRenewAll, disconnectProfile, renewAll } from '@/entrypoints/background/renew-all';
import type { AuthFlow } from '@/entrypoints/background/identity';
import { followRedirect, harness, type Harness } from './support/harness';

describe('"Try renewing all" and Disconnect', () => {
  let h: Harness;
  /** Who logs in at each OAuth window, in order ('cancel' = the person closes it). */
  let script: string[] = [];
  const scripted: AuthFlow = (url, interactive) => {
    const next = script.shift();
    if (next === 'cancel') return Promise.resolve({ ok: false, kind: 'cancelled', reason: 'The user did not approve access.' });
    if (next) h.sandbox.state.nextLogin.set('facebook', next);
    return followRedirect(url, interactive);
  };
  afterEach(() => h?.close());

  async function fivePages() {
    h = await harness({ authFlow: scripted });
    const owners = [];
    for (const i of [1, 2, 3, 4, 5]) {
      const a = h.sandbox.state.addAccount({
        network: 'facebook',
        name: `Owner ${i}`,
        pages: [{ id: `50${i}`, name: `Page ${i}`, tasks: ['MANAGE'] }],
      });
      owners.push(a);
      script = [a.id];
      await connectNetwork(h.deps, 'facebook');
    }
    for (const a of owners) h.sandbox.state.revokeAccount(a.id, 'password');
    await pollGrants(h.deps, { force: true });
    return owners;
  }

  it('renews sequentially with progress, and sums up renewed, cancelled and failed with why', async () => {
    const owners = await fivePages();
    const editor = h.sandbox.state.addAccount({
      network: 'facebook',
      name: 'Robin Editor',
      pages: [{ id: '504', name: 'Page 4', tasks: ['CREATE_CONTENT'] }],
    });
    script = [owners[0]!.id, 'cancel', owners[2]!.id, editor.id, owners[4]!.id];
    const job = await renewAll(h.deps, 'facebook');
    expect(job).toMatchObject({ state: 'done', total: 5, done: 5 });
    expect(job.results.map((r) => [r.name, r.outcome.kind])).toEqual([
      ['Page 1', 'renewed'],
      ['Page 2', 'cancelled'],
      ['Page 3', 'renewed'],
      ['Page 4', 'no-permission'],
      ['Page 5', 'renewed'],
    ]);
    expect(job.results[3]!.outcome).toMatchObject({ identity: 'Robin Editor' });
    expect(await h.deps.db.jobs.get('renew-all:facebook')).toMatchObject({ state: 'done', done: 5, currentProfileId: null });
  });

  it('stops between profiles when cancelled', async () => {
    const owners = await fivePages();
    script = owners.map((o) => o.id);
    const original = h.deps.authFlow;
    let calls = 0;
    h.deps.authFlow = async (url, i) => {
      calls += 1;
      if (calls === 2) await cancelRenewAll(h.deps, 'facebook');
      return original(url, i);
    };
    const job = await renewAll(h.deps, 'facebook');
    expect(job.state).toBe('cancelled');
    expect(job.done).toBe(2);
  });

  it('Disconnect stops tracking, keeps the history, and drops a login left with no profile', async () => {
    h = await harness();
    h.sandbox.state.addAccount({
      network: 'facebook',
      name: 'Alex',
      pages: [
        { id: '1', name: 'A', tasks: ['MANAGE'] },
        { id: '2', name: 'B', tasks: ['MANAGE'] },
      ],
    });
    await connectNetwork(h.deps, 'facebook');
    await disconnectProfile(h.deps, 'facebook:1');
    expect(await h.deps.db.profiles.count()).toBe(1);
    expect(await h.deps.db.grants.count()).toBe(1);
    await disconnectProfile(h.deps, 'facebook:2');
    expect(await h.deps.db.grants.count()).toBe(0);
    expect(await h.deps.db.secrets.count()).toBe(0);
    const history = await h.deps.db.history.where('[profileId+at]').between(['facebook:1', 0], ['facebook:1', Infinity]).toArray();
    expect(history.map(historyText)).toEqual(['Connected by Alex', 'Disconnected: no longer tracked']);
    // Stored as facts, not sentences: the popup says them in its own language.
    expect(history.map((e) => [e.fact?.code, e.text])).toEqual([
      ['connected', undefined],
      ['disconnected', undefined],
    ]);
  });
});
