import { grantStatus, nextStatusChange } from '@/utils/status';
import { DAY, HOUR } from '@/utils/time';
import { compareUrgency } from '@/utils/urgency';
import { statusLabel } from '@/utils/format';

const NOW = Date.UTC(2026, 10, 26, 12);
const g = (expiresAt: number | null, invalidSince: number | null = null) => ({ expiresAt, invalidSince });

describe('grantStatus (SPEC §2)', () => {
  it.each([
    ['expired at the exact instant', NOW, 'expired', null],
    ['expired in the past', NOW - DAY, 'expired', null],
    ['expiring under 24 h shows 0 days ("today")', NOW + 3 * HOUR, 'expiring', 0],
    ['expiring rounds up: 1 day + 1 ms is 2 days', NOW + DAY + 1, 'expiring', 2],
    ['exactly 1 day left is 1 day', NOW + DAY, 'expiring', 1],
    ['exactly 7 days is still expiring', NOW + 7 * DAY, 'expiring', 7],
    ['7 days + 1 ms is valid', NOW + 7 * DAY + 1, 'valid', 8],
  ])('%s', (_, expiresAt, status, daysLeft) => {
    const view = grantStatus(g(expiresAt), NOW);
    expect(view.status).toBe(status);
    expect(view.daysLeft).toBe(daysLeft);
  });

  it('no expiry is its own status unless known invalid', () => {
    expect(grantStatus(g(null), NOW).status).toBe('no-expiry');
    expect(grantStatus(g(null, NOW - HOUR), NOW)).toEqual({ status: 'expired', daysLeft: null, expiredSince: NOW - HOUR });
  });

  it('a definitive invalid signal wins over a far expiry, dated at the earlier of the two', () => {
    expect(grantStatus(g(NOW + 100 * DAY, NOW - 2 * DAY), NOW)).toMatchObject({ status: 'expired', expiredSince: NOW - 2 * DAY });
    expect(grantStatus(g(NOW - 5 * DAY, NOW - 2 * DAY), NOW).expiredSince).toBe(NOW - 5 * DAY);
  });

  it('nextStatusChange: entering the window, then the expiry, then nothing', () => {
    const exp = NOW + 10 * DAY;
    expect(nextStatusChange(g(exp), NOW)).toBe(exp - 7 * DAY);
    expect(nextStatusChange(g(exp), exp - 7 * DAY)).toBe(exp);
    expect(nextStatusChange(g(exp), exp)).toBeNull();
    expect(nextStatusChange(g(null), NOW)).toBeNull();
    expect(nextStatusChange(g(exp, NOW), NOW)).toBeNull();
  });
});

describe('statusLabel', () => {
  const label = (exp: number | null, inv: number | null = null) => statusLabel(grantStatus(g(exp, inv), NOW), exp, NOW);
  it('says what a person needs', () => {
    expect(label(NOW + 3 * DAY)).toBe('Expires in 3 days');
    expect(label(NOW + DAY)).toBe('Expires in 1 day');
    expect(label(NOW + HOUR)).toBe('Expires today');
    expect(label(Date.UTC(2027, 2, 12))).toBe('Valid until 12 Mar 2027');
    expect(label(null)).toBe('No expiration date');
    expect(label(NOW - 2 * DAY - HOUR)).toBe('Expired 2 days ago');
    expect(label(NOW - HOUR)).toBe('Expired today');
  });
});

describe('compareUrgency', () => {
  it('sorts Expired (most recent first), Expiring (soonest first), Valid, No expiry', () => {
    const items = [
      { name: 'valid-far', expiresAt: NOW + 90 * DAY },
      { name: 'none', expiresAt: null },
      { name: 'expiring-5', expiresAt: NOW + 5 * DAY },
      { name: 'expired-old', expiresAt: NOW - 9 * DAY },
      { name: 'expiring-1', expiresAt: NOW + DAY },
      { name: 'expired-new', expiresAt: NOW - DAY },
      { name: 'valid-near', expiresAt: NOW + 20 * DAY },
    ].map((i) => ({ ...i, ...grantStatus(g(i.expiresAt), NOW) }));
    expect(items.sort(compareUrgency).map((i) => i.name)).toEqual([
      'expired-new',
      'expired-old',
      'expiring-1',
      'expiring-5',
      'valid-near',
      'valid-far',
      'none',
    ]);
  });
});
