import { NETWORKS, NETWORK_IDS, optionalHostPermissions } from '@/utils/networks/catalog';
import { grantExpiry } from '@/utils/networks/grant-expiry';
import { DAY } from '@/utils/time';

describe('network catalog (SPEC §1)', () => {
  it('has the nine networks with their default lifetimes', () => {
    expect(NETWORK_IDS).toHaveLength(9);
    expect(Object.fromEntries(NETWORK_IDS.map((id) => [id, NETWORKS[id].defaultLifetimeDays]))).toEqual({
      youtube: 30,
      threads: 60,
      facebook: 90,
      instagram: 90,
      'google-business': 180,
      linkedin: 365,
      pinterest: 365,
      tiktok: 365,
      x: null,
    });
  });
  it('asks only for https network hosts, deduplicated', () => {
    const hosts = optionalHostPermissions();
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(hosts.every((h) => /^https:\/\/[a-z0-9.-]+\/\*$/.test(h))).toBe(true);
    expect(hosts).not.toContain('<all_urls>');
  });
});

describe('grantExpiry', () => {
  const NOW = 1_800_000_000_000;
  it('uses the refresh token expiry when there is a refresh token', () => {
    expect(
      grantExpiry(
        'tiktok',
        { accessToken: 'a', refreshToken: 'r', accessExpiresAt: NOW + DAY, refreshExpiresAt: NOW + 300 * DAY, scopes: [] },
        NOW,
      ),
    ).toBe(NOW + 300 * DAY);
  });
  it('the real expiry wins; the catalog default fills in when none is reported', () => {
    expect(grantExpiry('facebook', { accessToken: 'a', accessExpiresAt: NOW + 60 * DAY, scopes: [] }, NOW)).toBe(NOW + 60 * DAY);
    expect(grantExpiry('facebook', { accessToken: 'a', accessExpiresAt: null, scopes: [] }, NOW)).toBe(NOW + 90 * DAY);
    expect(grantExpiry('x', { accessToken: 'a', accessExpiresAt: null, scopes: [] }, NOW)).toBeNull();
  });
});
