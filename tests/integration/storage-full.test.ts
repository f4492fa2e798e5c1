import type { DBCore, Middleware } from 'dexie';
import { connectNetwork } from '@/entrypoints/background/connect';
import { handleMessage } from '@/entrypoints/background/commands';
import { pollGrants } from '@/entrypoints/background/poll';
import { isQuotaError } from '@/utils/storage-problem';
import { addOne } from '../sandbox/fixtures';
import { harness, type Harness } from './support/harness';

const SELF = { id: 'tw', origin: 'chrome-extension://tw' };
const PAGE = { id: 'tw', url: 'chrome-extension://tw/popup.html', origin: 'chrome-extension://tw' };

/** Makes every write to `table` fail as a full disk does, while `armed()` says so. */
function quotaOn(table: string, armed: () => boolean): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: `quota-${table}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) =>
            name === table && armed()
              ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
              : t.mutate(req),
        };
      },
    }),
  };
}

describe('A full disk (QuotaExceededError)', () => {
  let h: Harness;
  let full = false;
  afterEach(() => h?.close());

  async function setup() {
    h = await harness();
    h.deps.db.close();
    h.deps.db.use(quotaOn('history', () => full));
    await h.deps.db.open();
    const accounts = [];
    for (const i of [1, 2, 3]) {
      accounts.push(addOne(h.sandbox.state, 'facebook', `Page ${i}`, `30${i}`).account);
      await connectNetwork(h.deps, 'facebook');
    }
    return accounts;
  }

  it('leaves no partial write: the batch whose history entry is refused writes none of its grants', async () => {
    const [first] = await setup();
    // A password change: the check turns the grant Expired, which also writes a history entry.
    await h.control('revoke', { network: 'facebook', accountId: first!.id, reason: 'password' });
    const before = await h.deps.db.grants.toArray();
    full = true;
    const poll = pollGrants(h.deps, { force: true });
    await expect(poll).rejects.toSatisfy(isQuotaError);
    const after = await h.deps.db.grants.toArray();
    // Only the lease (its own, earlier transaction) moved; no result of the refused batch landed.
    expect(after.map((g) => ({ ...g, nextCheckAt: 0, leasedUntil: 0, leasedBy: '' }))).toEqual(
      before.map((g) => ({ ...g, nextCheckAt: 0, leasedUntil: 0, leasedBy: '' })),
    );
    expect(h.storageProblems).toEqual([{ at: expect.any(Number), error: 'QuotaExceededError' }]);
    // The refused batch's grants are not left leased: they are due again at once.
    expect(after.every((g) => g.nextCheckAt! <= h.deps.now() && !g.leasedUntil)).toBe(true);

    // Space again: the next poll writes everything and the problem is cleared.
    full = false;
    await pollGrants(h.deps, { force: true });
    const saved = await h.deps.db.grants.toArray();
    expect(saved.filter((g) => g.invalidSince !== null)).toHaveLength(1);
    expect(h.storageProblems.at(-1)).toBeNull();
  });

  it('a command refused for lack of space answers with a clear message and records the problem', async () => {
    await setup();
    full = true;
    h.deps.db.close();
    h.deps.db.use(quotaOn('profiles', () => full));
    await h.deps.db.open();
    addOne(h.sandbox.state, 'tiktok', 'Creator', '77');
    const reply = await handleMessage(h.deps, { command: 'connect', payload: { network: 'tiktok' } }, PAGE, SELF);
    expect(JSON.stringify(reply)).toMatch(/Storage is full/);
    expect(h.storageProblems).toHaveLength(1);
    expect(await h.deps.db.grants.filter((g) => g.network === 'tiktok').count()).toBe(0);
  });
});
