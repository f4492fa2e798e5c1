import { nextReminderAt, planReminders, type PlannerGrant, type ReminderPrefs } from '@/utils/reminders/planner';
import { DAY, HOUR } from '@/utils/time';

const T0 = Date.UTC(2026, 10, 26, 9);
const PREFS: ReminderPrefs = { thresholds: [7, 3, 1, 0], mode: 'all', profiles: {} };

/**
 * A simulated calendar: the background's loop (plan → record → deliver) at
 * the given instants, with the ledger kept between them as IndexedDB would.
 */
function calendar(grant: PlannerGrant, prefs = PREFS, profiles = [{ id: 'p1', grantId: 'g1' }]) {
  const recorded = new Set<string>();
  const sent: { at: number; threshold: number; profileId: string }[] = [];
  const grants = new Map([['g1', grant]]);
  const runAt = (now: number) => {
    for (const r of planReminders({ profiles, grants, prefs, recorded, now })) {
      recorded.add(r.key);
      r.superseded.forEach((k) => recorded.add(k));
      sent.push({ at: now, threshold: r.threshold, profileId: r.profileId });
    }
  };
  return { sent, runAt, grants };
}

describe('reminder planner over a simulated calendar', () => {
  it('sends each threshold exactly once when checked every hour for 40 days', () => {
    const c = calendar({ expiresAt: T0 + 30 * DAY, invalidSince: null });
    for (let t = T0; t <= T0 + 40 * DAY; t += HOUR) c.runAt(t);
    expect(c.sent.map((s) => s.threshold)).toEqual([7, 3, 1, 0]);
    expect(c.sent.map((s) => s.at)).toEqual([T0 + 23 * DAY, T0 + 27 * DAY, T0 + 29 * DAY, T0 + 30 * DAY]);
  });

  it('restarts (running the same instant again and again) send nothing new', () => {
    const c = calendar({ expiresAt: T0 + 6 * DAY, invalidSince: null });
    for (let i = 0; i < 20; i += 1) c.runAt(T0);
    expect(c.sent).toEqual([{ at: T0, threshold: 7, profileId: 'p1' }]);
  });

  it('sleeping across two thresholds sends only the most severe one, not a burst', () => {
    const c = calendar({ expiresAt: T0 + 10 * DAY, invalidSince: null });
    c.runAt(T0);
    c.runAt(T0 + 9 * DAY + 12 * HOUR); // asleep from 10 days to half a day left: 7, 3 and 1 crossed
    expect(c.sent.map((s) => s.threshold)).toEqual([1]);
    c.runAt(T0 + 11 * DAY);
    expect(c.sent.map((s) => s.threshold)).toEqual([1, 0]);
  });

  it('a clock jumping back and forth repeats nothing', () => {
    const c = calendar({ expiresAt: T0 + 10 * DAY, invalidSince: null });
    c.runAt(T0 + 8 * DAY); // 2 days left: 3-day reminder (7 superseded)
    c.runAt(T0 + 4 * DAY); // clock back to 6 days left: 7 was superseded
    c.runAt(T0 + 8 * DAY);
    c.runAt(T0 - 30 * DAY);
    c.runAt(T0 + 9 * DAY + HOUR);
    c.runAt(T0 + 5 * DAY);
    expect(c.sent.map((s) => s.threshold)).toEqual([3, 1]);
  });

  it('a renewal (new expiry) re-arms every threshold', () => {
    const c = calendar({ expiresAt: T0 + 2 * DAY, invalidSince: null });
    c.runAt(T0);
    c.grants.set('g1', { expiresAt: T0 + 60 * DAY, invalidSince: null });
    for (let t = T0; t <= T0 + 61 * DAY; t += 6 * HOUR) c.runAt(t);
    expect(c.sent.map((s) => s.threshold)).toEqual([3, 7, 3, 1, 0]);
  });

  it('a token found invalid early gets the "expired" reminder once, whatever its expiry', () => {
    const c = calendar({ expiresAt: T0 + 200 * DAY, invalidSince: T0 });
    for (let t = T0; t < T0 + 10 * DAY; t += HOUR) c.runAt(t);
    expect(c.sent).toEqual([{ at: T0, threshold: 0, profileId: 'p1' }]);
  });

  it('per-profile overrides: a muted profile gets nothing, another has its own thresholds', () => {
    const prefs: ReminderPrefs = {
      thresholds: [7, 3, 1, 0],
      mode: 'per-profile',
      profiles: { p1: { muted: true }, p2: { thresholds: [14, 0] } },
    };
    const c = calendar({ expiresAt: T0 + 20 * DAY, invalidSince: null }, prefs, [
      { id: 'p1', grantId: 'g1' },
      { id: 'p2', grantId: 'g1' },
      { id: 'p3', grantId: 'g1' },
    ]);
    for (let t = T0; t <= T0 + 21 * DAY; t += HOUR) c.runAt(t);
    expect(c.sent.filter((s) => s.profileId === 'p1')).toEqual([]);
    expect(c.sent.filter((s) => s.profileId === 'p2').map((s) => s.threshold)).toEqual([14, 0]);
    expect(c.sent.filter((s) => s.profileId === 'p3').map((s) => s.threshold)).toEqual([7, 3, 1, 0]);
    // With 'all', the overrides are ignored.
    const all = calendar({ expiresAt: T0 + 20 * DAY, invalidSince: null }, { ...prefs, mode: 'all' }, [{ id: 'p1', grantId: 'g1' }]);
    for (let t = T0; t <= T0 + 21 * DAY; t += HOUR) all.runAt(t);
    expect(all.sent.map((s) => s.threshold)).toEqual([7, 3, 1, 0]);
  });

  it('snooze: nothing while snoozed; afterwards the most severe pending one', () => {
    const profiles = [{ id: 'p1', grantId: 'g1', snoozedUntil: T0 + 5 * DAY }];
    const c = calendar({ expiresAt: T0 + 6 * DAY, invalidSince: null }, PREFS, profiles);
    for (let t = T0; t < T0 + 5 * DAY; t += HOUR) c.runAt(t);
    expect(c.sent).toEqual([]);
    c.runAt(T0 + 5 * DAY);
    expect(c.sent.map((s) => s.threshold)).toEqual([1]);
  });

  it('nextReminderAt: the next crossing or the end of a snooze', () => {
    const grants = new Map([['g1', { expiresAt: T0 + 10 * DAY, invalidSince: null }]]);
    expect(nextReminderAt({ profiles: [{ id: 'p1', grantId: 'g1' }], grants, prefs: PREFS, now: T0 })).toBe(T0 + 3 * DAY);
    expect(nextReminderAt({ profiles: [{ id: 'p1', grantId: 'g1', snoozedUntil: T0 + DAY }], grants, prefs: PREFS, now: T0 })).toBe(
      T0 + DAY,
    );
    expect(nextReminderAt({ profiles: [{ id: 'p1', grantId: 'g1' }], grants, prefs: PREFS, now: T0 + 10 * DAY })).toBeNull();
  });
});
