import { connectNetwork } from '@/entrypoints/background/connect';
import { pollGrants } from '@/entrypoints/background/poll';
import { DAY, MINUTE } from '@/utils/time';
import { addOne } from '../sandbox/fixtures';
import { harness, type Harness } from './support/harness';

const NETWORKS = ['facebook', 'instagram', 'linkedin'] as const;

/** Three days of 15-minute poll alarms over 30 grants; returns the checks sent and how many failed. */
async function threeDays(faultRate: number): Promise<{ requests: number; failed: number; h: Harness }> {
  const h = await harness();
  for (const network of NETWORKS) {
    for (let i = 0; i < 10; i += 1) {
      // Facebook's tokens lapse in 5 days: checked every 2 hours, the busiest part of the schedule.
      addOne(h.sandbox.state, network, `${network} ${i}`, `4${i}`, network === 'facebook' ? { tokenLifetimeSec: 5 * 86_400 } : {});
      await connectNetwork(h.deps, network);
    }
  }
  if (faultRate > 0) for (const network of NETWORKS) await h.control('fault', { network, mode: '5xx', rate: faultRate, seed: 7 });
  const checks = () =>
    h.sandbox.state.log.filter((e) => !/authorize|dialog|oauth\/v2|\/me\b|accounts|organizationAcls|exchange/.test(e.path));
  const before = checks().length;
  const start = h.deps.now();
  for (let t = start; t <= start + 3 * DAY; t += 15 * MINUTE) {
    h.setNow(t);
    await pollGrants(h.deps, { force: false });
  }
  const sent = checks().slice(before);
  return { requests: sent.length, failed: sent.filter((e) => e.status >= 500).length, h };
}

describe('10% of requests failing (5xx)', () => {
  it('costs at most 1.2× the requests of a fault-free run, and changes no status', async () => {
    const clean = await threeDays(0);
    const faulty = await threeDays(0.1);
    expect(clean.failed).toBe(0);
    // The faults happened: about one request in ten failed.
    expect(faulty.failed / faulty.requests).toBeGreaterThan(0.05);
    expect(faulty.requests / clean.requests).toBeLessThanOrEqual(1.2);
    for (const run of [clean, faulty]) {
      expect((await run.h.deps.db.grants.toArray()).every((g) => g.invalidSince === null)).toBe(true);
      await run.h.close();
    }
    console.info(`fault-free: ${clean.requests} requests; 10% failing: ${faulty.requests} (${faulty.failed} failed)`);
  }, 60_000);
});
