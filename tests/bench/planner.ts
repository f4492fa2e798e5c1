import { planReminders, type PlannerGrant } from '../../utils/reminders/planner';
import { nextCheckAt } from '../../utils/poll-schedule';

const DAY = 86_400_000;

/** Median time of planning reminders over `n` grants (pure, in Node). */
export function plannerMs(n: number, runs = 21): number {
  const now = Date.UTC(2026, 10, 26);
  const profiles = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, grantId: `g${i}` }));
  const grants = new Map<string, PlannerGrant>(
    profiles.map((p, i) => [p.grantId, { expiresAt: now + ((i % 400) - 30) * DAY, invalidSince: i % 97 === 0 ? now : null }]),
  );
  const recorded = new Set<string>();
  const times: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const t0 = performance.now();
    planReminders({ profiles, grants, prefs: { thresholds: [7, 3, 1, 0], mode: 'all', profiles: {} }, recorded, now });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

/** Requests per grant per day under the polling schedule, for a grant `days` from expiry. */
export function requestsPerDay(days: number): number {
  const start = Date.UTC(2026, 10, 26);
  const grant = { expiresAt: start + days * DAY, invalidSince: null };
  let t = start;
  let count = 0;
  while (t < start + DAY) {
    count += 1;
    t = nextCheckAt(grant, 'valid', 0, t);
  }
  return count;
}
