import { consequencesOf } from '@/utils/consequences';
import { toCsv, toIcs, toJson } from '@/utils/export';
import { applyFilter, NO_FILTER, parseFilter, statusCounts } from '@/utils/list-filter';
import { looksOffline, type ProfileRowView } from '@/utils/profile-view';
import { compareRows } from '@/utils/row-order';
import { DAY, HOUR } from '@/utils/time';
import { rowView } from './support/row-view';

const NOW = Date.UTC(2026, 10, 26, 12);
const row = (over: Partial<ProfileRowView>): ProfileRowView => rowView({ expiresAt: NOW + 40 * DAY, ...over });

describe('filters and counts', () => {
  const rows = [
    row({ id: 'facebook:1', status: 'expired' }),
    row({ id: 'facebook:2', name: 'Bakery', status: 'expiring' }),
    row({ id: 'x:3', name: 'Fern on X', handle: '@fernx', network: 'x', status: 'no-expiry' }),
    row({ id: 'tiktok:4', name: 'Coffee Lab', network: 'tiktok', status: 'expired' }),
  ];
  it('combine status, network and text (name or handle)', () => {
    expect(applyFilter(rows, { statuses: ['expired'], network: 'all', text: '' }).map((r) => r.id)).toEqual(['facebook:1', 'tiktok:4']);
    expect(applyFilter(rows, { statuses: ['expired'], network: 'facebook', text: '' }).map((r) => r.id)).toEqual(['facebook:1']);
    expect(applyFilter(rows, { ...NO_FILTER, text: 'FERNX' }).map((r) => r.id)).toEqual(['x:3']);
  });
  it('counts per status follow the other filters', () => {
    expect(statusCounts(rows, NO_FILTER)).toEqual({ expired: 2, expiring: 1, valid: 0, 'no-expiry': 1 });
    expect(statusCounts(rows, { statuses: ['valid'], network: 'facebook', text: '' })).toEqual({
      expired: 1,
      expiring: 1,
      valid: 0,
      'no-expiry': 0,
    });
  });
  it('a stored filter is checked', () => {
    expect(parseFilter('{"statuses":["expired","bogus"],"network":"x","text":"a"}')).toEqual({
      statuses: ['expired'],
      network: 'x',
      text: 'a',
    });
    expect(parseFilter('garbage')).toEqual(NO_FILTER);
  });
});

describe('consequences (SPEC §7)', () => {
  it('YouTube: data deleted 7 days after expiry; history at risk per network', () => {
    expect(consequencesOf('youtube', NOW - 5 * DAY, NOW)).toEqual({ pausedSince: NOW - 5 * DAY, historyDaysLeft: 2, deletionInDays: 2 });
    expect(consequencesOf('youtube', NOW - 9 * DAY, NOW).deletionInDays).toBe(0);
    expect(consequencesOf('facebook', NOW - 10 * DAY, NOW)).toEqual({
      pausedSince: NOW - 10 * DAY,
      historyDaysLeft: 80,
      deletionInDays: null,
    });
    expect(consequencesOf('facebook', NOW - 10 * DAY, NOW, 30).historyDaysLeft).toBe(20);
  });
  it('a YouTube profile in its deletion countdown sorts before everything', () => {
    const yt = row({
      id: 'youtube:1',
      network: 'youtube',
      status: 'expired',
      expiredSince: NOW - 5 * DAY,
      consequences: consequencesOf('youtube', NOW - 5 * DAY, NOW),
    });
    const fresh = row({
      id: 'facebook:9',
      status: 'expired',
      expiredSince: NOW - HOUR,
      consequences: consequencesOf('facebook', NOW - HOUR, NOW),
    });
    expect([fresh, row({ status: 'expiring' }), yt].sort(compareRows).map((r) => r.id)[0]).toBe('youtube:1');
  });
});

describe('exports never hold a token', () => {
  const rows = [
    row({ name: '=HYPERLINK("x")', handle: '@a,b' }),
    row({ id: 'x:2', name: 'Fern "X"', status: 'expiring', expiresAt: NOW + 3 * DAY }),
  ];
  it('CSV: one row per profile, quoted, formula-safe', () => {
    const lines = toCsv(rows).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('id,network,name,handle,status,statusText,expiresAt,lastCheck');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")","'@a,b"`);
    expect(lines[2]).toContain('"Fern ""X"""');
  });
  it('JSON has the profiles and statuses', () => {
    const parsed = JSON.parse(toJson(rows, NOW)) as { profiles: { id: string; status: string }[] };
    expect(parsed.profiles.map((p) => [p.id, p.status])).toEqual([
      ['facebook:1', 'valid'],
      ['x:2', 'expiring'],
    ]);
  });
  it('iCalendar: one VEVENT per upcoming expiry', () => {
    const ics = toIcs([...rows, row({ id: 'old', status: 'expired', expiresAt: NOW - DAY })], NOW);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('SUMMARY:Fern "X" (Facebook) token expires');
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  });
  it('iCalendar: a date the network never gave is a renewal due, not an expiry', () => {
    const youtube = row({ id: 'youtube:1', name: 'Fern TV', networkName: 'YouTube', expiresAt: NOW + 30 * DAY, renewByPolicy: true });
    const ics = toIcs([youtube], NOW);
    expect(ics).toContain('SUMMARY:Fern TV (YouTube) renewal due');
    expect(ics).not.toContain('token expires');
  });
});

describe('looksOffline', () => {
  const grant = (lastCheckResult: string, lastError: string | null) =>
    ({ profile: { id: 'p' }, grant: { lastCheckAt: 1, lastCheckResult, lastError } }) as unknown as Parameters<
      typeof looksOffline
    >[0][number];
  it('is true only when every checked login failed to reach its network', () => {
    expect(looksOffline([grant('unknown', 'Network unreachable'), grant('unknown', 'Network unreachable')])).toBe(true);
    expect(looksOffline([grant('unknown', 'Network unreachable'), grant('valid', null)])).toBe(false);
    expect(looksOffline([grant('unknown', 'The network had an error (HTTP 503)')])).toBe(false);
    expect(looksOffline([])).toBe(false);
  });
});
