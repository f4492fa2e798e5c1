import type { Page } from 'puppeteer-core';
import { inboxTitle } from '../../utils/reminders/messages';
import type { InboxRecord } from '../../utils/domain';
import { sandboxSettings } from '../sandbox/settings-for';
import { SANDBOX_NETWORKS } from '../sandbox/state';
import { waitFor } from './support/chromium';
import { command, importSettings, readTable } from './support/extension';
import { cloneGrants } from './support/seed';
import { openSession, type Session } from './support/session';

type Grant = { id: string; network: string; invalidSince: number | null; lastCheckAt: number | null; expiresAt: number | null };
type Inbox = InboxRecord;

const DAY_SEC = 86_400;
const KILLS = 50;
const PERIOD_MIN = 0.5;

/** Wakes the worker the way any page does: a message (an unknown one, refused, changes nothing). */
const wake = (page: Page) => page.evaluate(() => chrome.runtime.sendMessage({ command: 'wake-up' }).catch(() => null));

describe('The service worker killed 50 times during a poll of 1,000 grants', () => {
  let s: Session;
  afterAll(() => s?.close());

  it('loses no status, rolls none back, sends no reminder twice, and finishes the poll', async () => {
    s = await openSession();
    await importSettings(s.page, sandboxSettings(s.sandbox.url, PERIOD_MIN));
    const accounts: Record<string, { id: string }> = {};
    for (const network of SANDBOX_NETWORKS) {
      const pages = [{ id: `${network}-1`, name: `${network} page` }];
      // Facebook's tokens here lapse in 2 days: each of its profiles gets its "3 days" reminder, once.
      const extra = network === 'facebook' ? { tokenLifetimeSec: 2 * DAY_SEC } : {};
      accounts[network] = await s.control('accounts', { network, name: `${network} owner`, pages, ...extra });
      await command(s.page, 'connect', { network });
    }
    expect(await cloneGrants(s.worker, 1000)).toBe(1000);
    // Instagram's login dies before the poll: its 111 grants must end Expired and stay so.
    await s.control('revoke', { network: 'instagram', accountId: accounts.instagram!.id, reason: 'password' });
    for (const network of SANDBOX_NETWORKS) await s.control('fault', { network, latencyMs: 150 });
    const started = Date.now();
    void s.page.evaluate(() => chrome.runtime.sendMessage({ command: 'pollNow', payload: {} }).catch(() => null));

    const seen = new Map<string, number | null>(); // grant → invalidSince once seen set
    const rollbacks: string[] = [];
    const sample = async () => {
      for (const g of await readTable<Grant>(s.page, 'grants')) {
        const was = seen.get(g.id);
        if (was !== undefined && was !== null && g.invalidSince !== was) rollbacks.push(`${g.id}: ${was} → ${g.invalidSince}`);
        if (g.network !== 'instagram' && g.invalidSince !== null) rollbacks.push(`${g.id} died`);
        seen.set(g.id, g.invalidSince);
      }
    };
    // The kills fall during the poll: it has leased its grants first (a kill before that would only
    // lose the "Check now" itself, and the grants, due in hours, would wait for their time).
    await waitFor(
      async () =>
        (await readTable<Grant & { leasedUntil?: number }>(s.page, 'grants')).some(
          (g) => (g.leasedUntil ?? 0) > started || (g.lastCheckAt ?? 0) >= started,
        ),
      'the poll under way',
    );
    for (let kill = 0; kill < KILLS; kill += 1) {
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 1900));
      const worker = await s.ext.worker();
      await worker.close(); // stopped wherever it was: mid-request, mid-decrypt or mid-write
      await sample();
      await wake(s.page);
    }
    const checkedDuringKills = [...(await readTable<Grant>(s.page, 'grants'))].filter((g) => (g.lastCheckAt ?? 0) >= started).length;

    // The poll completes within two more alarm periods.
    const deadline = Date.now() + 2 * PERIOD_MIN * 60_000;
    const unchecked = async () =>
      (await readTable<Grant & Record<string, unknown>>(s.page, 'grants')).filter((g) => (g.lastCheckAt ?? 0) < started);
    await waitFor(async () => (await unchecked()).length === 0, 'every grant checked', deadline - Date.now()).catch(
      async (error: Error) => {
        // Say what was left: which grants, leased by whom, due when.
        const left = await unchecked();
        const now = Date.now();
        const sample = left
          .slice(0, 5)
          .map((g) => ({ id: g.id, due: Number(g.nextCheckAt) - now, lease: Number(g.leasedUntil ?? 0) - now, by: g.leasedBy }));
        throw new Error(`${error.message}: ${left.length} left, e.g. ${JSON.stringify(sample)}`);
      },
    );
    await sample();
    expect(rollbacks).toEqual([]);
    const grants = await readTable<Grant>(s.page, 'grants');
    expect(grants).toHaveLength(1000);
    expect(grants.filter((g) => g.network === 'instagram').every((g) => g.invalidSince !== null)).toBe(true);
    expect(grants.filter((g) => g.network !== 'instagram').every((g) => g.invalidSince === null)).toBe(true);

    // Reminders: at most one per profile and threshold; each Facebook profile got exactly its one.
    await waitFor(async () => (await readTable<Inbox>(s.page, 'inbox')).length >= 112, 'reminders');
    const inbox = await readTable<Inbox>(s.page, 'inbox');
    const perProfile = new Map<string, number>();
    for (const e of inbox) perProfile.set(`${e.profileId} ${inboxTitle(e)}`, (perProfile.get(`${e.profileId} ${inboxTitle(e)}`) ?? 0) + 1);
    expect([...perProfile.values()].every((n) => n === 1)).toBe(true);
    const facebookProfiles = (await readTable<{ id: string; network: string }>(s.page, 'profiles')).filter((p) => p.network === 'facebook');
    expect(facebookProfiles.length).toBeGreaterThan(100);
    for (const p of facebookProfiles) expect(inbox.filter((e) => e.profileId === p.id)).toHaveLength(1);

    const alarms = await (await s.ext.worker()).evaluate(() => chrome.alarms.getAll());
    expect(alarms.filter((a) => a.name === 'poll')).toHaveLength(1);
    // The kills fell during the poll, not after it: part of it was done between them.
    expect(checkedDuringKills).toBeGreaterThan(0);
    console.info(`worker kills: ${KILLS}; grants checked while being killed: ${checkedDuringKills} of 1000`);
  }, 240_000);
});
