import type { ProfileRowView } from './profile-view';

/** What an export holds per profile: names and statuses, never a token or secret. */
export interface ExportRow {
  id: string;
  network: string;
  name: string;
  handle: string;
  status: string;
  statusText: string;
  expiresAt: string;
  lastCheck: string;
}

function exportRows(rows: ProfileRowView[]): ExportRow[] {
  return rows.map((r) => ({
    id: r.id,
    network: r.networkName,
    name: r.name,
    handle: r.handle ?? '',
    status: r.status,
    statusText: r.statusText,
    expiresAt: r.expiresAt === null ? '' : new Date(r.expiresAt).toISOString(),
    lastCheck: r.lastCheckText,
  }));
}

const csvCell = (v: string) => {
  // Formula injection guard for spreadsheets, then RFC 4180 quoting.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(rows: ProfileRowView[]): string {
  const data = exportRows(rows);
  const header: (keyof ExportRow)[] = ['id', 'network', 'name', 'handle', 'status', 'statusText', 'expiresAt', 'lastCheck'];
  return `${[header.join(','), ...data.map((r) => header.map((k) => csvCell(r[k])).join(','))].join('\r\n')}\r\n`;
}

export function toJson(rows: ProfileRowView[], now: number): string {
  return `${JSON.stringify({ exportedAt: new Date(now).toISOString(), profiles: exportRows(rows) }, null, 2)}\n`;
}

const icsText = (v: string) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
const utc = (t: number) =>
  new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** One event per upcoming expiry (RFC 5545), with a reminder a week before. */
export function toIcs(rows: ProfileRowView[], now: number): string {
  const events = rows
    .filter((r) => r.expiresAt !== null && r.expiresAt > now && r.status !== 'expired')
    .map((r) => {
      // A date the network never gave is a renewal the policy asks for, not an expiry.
      const what = r.renewByPolicy ? 'renewal due' : 'token expires';
      return [
        'BEGIN:VEVENT',
        `UID:${icsText(r.id)}-${r.expiresAt}@token-warden`,
        `DTSTAMP:${utc(now)}`,
        `DTSTART:${utc(r.expiresAt!)}`,
        `DTEND:${utc(r.expiresAt! + 30 * 60_000)}`,
        `SUMMARY:${icsText(`${r.name} (${r.networkName}) ${what}`)}`,
        `DESCRIPTION:${icsText('Renew it in Token Warden before it lapses.')}`,
        'BEGIN:VALARM',
        'TRIGGER:-P7D',
        'ACTION:DISPLAY',
        `DESCRIPTION:${icsText(`${r.name} ${what} in 7 days`)}`,
        'END:VALARM',
        'END:VEVENT',
      ].join('\r\n');
    });
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Token Warden//Expiries//EN',
    'CALSCALE:GREGORIAN',
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
