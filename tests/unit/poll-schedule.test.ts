import { applyCheck } from '@/utils/apply-check';
import type { GrantRecord } from '@/utils/db/schema';
import { NEVER, nextCheckAt, refreshDue } from '@/utils/poll-schedule';
import { DAY, HOUR, MINUTE } from '@/utils/time';
import { grantRecord } from './support/grant';

const NOW = 1_800_000_000_000;

const grant = (over: Partial<GrantRecord> = {}) => grantRecord(NOW, over);

describe('nextCheckAt: fewer checks far from expiry', () => {
  it.each([
    [200 * DAY, DAY],
    [30 * DAY, 6 * HOUR],
    [7 * DAY, 2 * HOUR],
    [DAY, 30 * MINUTE],
  ])('%d ms from expiry → next check in %d ms', (left, delay) => {
    expect(nextCheckAt({ expiresAt: NOW + left, invalidSince: null }, 'valid', 0, NOW)).toBe(NOW + delay);
  });
  it('never re-checks a dead token, checks a no-expiry token twice a day', () => {
    expect(nextCheckAt({ expiresAt: NOW + DAY, invalidSince: NOW }, 'invalid', 0, NOW)).toBe(NEVER);
    expect(nextCheckAt({ expiresAt: null, invalidSince: null }, 'valid', 0, NOW)).toBe(NOW + 12 * HOUR);
  });
  it('backs off exponentially on transient failures, up to 6 h', () => {
    const delays = [1, 2, 3, 4, 10].map((f) => nextCheckAt({ expiresAt: NOW + DAY, invalidSince: null }, 'unknown', f, NOW) - NOW);
    expect(delays).toEqual([5 * MINUTE, 10 * MINUTE, 20 * MINUTE, 40 * MINUTE, 6 * HOUR]);
  });
});

describe('applyCheck', () => {
  it('valid: takes the real expiry and clears failures', () => {
    const after = applyCheck(grant({ failures: 3, lastError: 'x' }), { kind: 'valid', expiresAt: NOW + 10 * DAY }, NOW);
    expect(after).toMatchObject({ expiresAt: NOW + 10 * DAY, failures: 0, lastError: null, lastCheckResult: 'valid', lastCheckAt: NOW });
  });
  it('invalid: marks the token dead at once, keeping the first reason', () => {
    const once = applyCheck(grant(), { kind: 'invalid', reason: 'password changed' }, NOW);
    expect(once).toMatchObject({ invalidSince: NOW, invalidReason: 'password changed', nextCheckAt: NEVER });
    expect(applyCheck(once, { kind: 'invalid', reason: 'other' }, NOW + 1)).toMatchObject({
      invalidSince: NOW,
      invalidReason: 'password changed',
    });
  });
  it('unknown: never changes expiry or validity, counts the failure, honours Retry-After', () => {
    const before = grant();
    const after = applyCheck(before, { kind: 'unknown', reason: 'Rate limited', retryAfterMs: 3 * HOUR }, NOW);
    expect(after).toMatchObject({
      expiresAt: before.expiresAt,
      invalidSince: null,
      failures: 1,
      lastCheckResult: 'unknown',
      nextCheckAt: NOW + 3 * HOUR,
    });
  });
});

describe('refreshDue', () => {
  it('refreshes an access token about to lapse, and a grant nearing its first reminder', () => {
    const old = NOW - 2 * DAY;
    expect(refreshDue({ accessExpiresAt: NOW + 4 * MINUTE, expiresAt: NOW + 300 * DAY, issuedAt: NOW - MINUTE }, NOW)).toBe(true);
    expect(refreshDue({ accessExpiresAt: NOW + HOUR, expiresAt: NOW + 8 * DAY, issuedAt: old }, NOW)).toBe(true);
    expect(refreshDue({ accessExpiresAt: NOW + HOUR, expiresAt: NOW + 9 * DAY, issuedAt: old }, NOW)).toBe(false);
    expect(refreshDue({ accessExpiresAt: null, expiresAt: null, issuedAt: old }, NOW)).toBe(false);
  });
  it('refreshes early at most once a day (a refresh may not extend the grant)', () => {
    expect(refreshDue({ accessExpiresAt: NOW + HOUR, expiresAt: NOW + 3 * DAY, issuedAt: NOW - HOUR }, NOW)).toBe(false);
  });
});
