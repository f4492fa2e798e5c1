import { canRenew, isAtRisk, profileStatus, renewableByMember } from '@/utils/at-risk';
import type { IdentityRecord } from '@/utils/db/schema';
import { DAY } from '@/utils/time';

const NOW = Date.UTC(2026, 10, 30);
const identity = (id: string, access: IdentityRecord['access'], memberEmail?: string): IdentityRecord => ({
  id,
  network: 'facebook',
  name: id,
  memberEmail,
  access,
});

describe('one rule for "at risk" and "can renew"', () => {
  it('a profile without a grant counts as expired, so it is at risk everywhere', () => {
    expect(profileStatus(undefined, NOW)).toEqual({ status: 'expired', daysLeft: null, expiredSince: NOW });
    expect(isAtRisk(profileStatus(undefined, NOW).status)).toBe(true);
    expect(isAtRisk(profileStatus({ expiresAt: NOW + 3 * DAY, invalidSince: null }, NOW).status)).toBe(true);
    expect(isAtRisk(profileStatus({ expiresAt: NOW + 30 * DAY, invalidSince: null }, NOW).status)).toBe(false);
    expect(isAtRisk(profileStatus({ expiresAt: null, invalidSince: null }, NOW).status)).toBe(false);
  });

  it('alone: renewable unless the login behind it is known to lack the permission', () => {
    const ids = [
      identity('facebook:1', {
        'facebook:a': { can: 'yes', at: 0 },
        'facebook:b': { can: 'no', at: 0 },
        'facebook:c': { can: 'unknown', at: 0 },
      }),
    ];
    const grant = { identityId: 'facebook:1' };
    expect(canRenew({ id: 'facebook:a' }, grant, ids, null)).toBe(true);
    expect(canRenew({ id: 'facebook:b' }, grant, ids, null)).toBe(false);
    expect(canRenew({ id: 'facebook:c' }, grant, ids, null)).toBe(true);
    expect(canRenew({ id: 'facebook:d' }, undefined, ids, null)).toBe(true);
  });

  it('in a hub: renewable by a member if one of their own identities can, whoever holds the grant now', () => {
    const ids = [
      identity('facebook:1', { 'facebook:a': { can: 'yes', at: 0 } }, 'sam@example.org'),
      identity('facebook:2', { 'facebook:a': { can: 'no', at: 0 }, 'facebook:b': { can: 'yes', at: 0 } }, 'kim@example.org'),
    ];
    expect(canRenew({ id: 'facebook:a' }, { identityId: 'facebook:2' }, ids, 'sam@example.org')).toBe(true);
    expect(canRenew({ id: 'facebook:a' }, { identityId: 'facebook:1' }, ids, 'kim@example.org')).toBe(false);
    expect(canRenew({ id: 'facebook:a' }, { identityId: 'facebook:1' }, ids, 'lee@example.org')).toBe(false);
    expect([...renewableByMember(ids, 'kim@example.org')]).toEqual(['facebook:b']);
  });
});
