import type { NetworkId } from './networks/catalog';
import type { TokenStatus } from './status';
import { DAY } from './time';

export interface LapseRow {
  id: string;
  name: string;
  network: NetworkId;
  status: TokenStatus;
  expiresAt: number | null;
  expiredSince: number | null;
  renewByPolicy: boolean;
}

/** The profiles that lapse on one day of one network's strip. */
export interface LapseMark {
  day: number;
  /** Position on the strip, 0–100 (%). */
  at: number;
  rows: LapseRow[];
  status: TokenStatus;
  /** Every date on the mark is a renewal policy's, not an expiry the network gave. */
  policy: boolean;
}

const RANK: Record<TokenStatus, number> = { expired: 0, expiring: 1, valid: 2, 'no-expiry': 3 };

/**
 * The timeline's marks: per network, one mark per day on which something lapses within
 * `days` from today (an expired profile sits on the day it lapsed, up to `past` days back).
 */
export function lapseMarks(rows: LapseRow[], now: number, days = 90, past = 7): Map<NetworkId, LapseMark[]> {
  const start = Math.floor(now / DAY) - past;
  const span = days + past;
  const byNetwork = new Map<NetworkId, Map<number, LapseMark>>();
  for (const row of rows) {
    const when = row.expiredSince ?? row.expiresAt;
    if (when === null || row.status === 'no-expiry') continue;
    const day = Math.max(start, Math.floor(when / DAY));
    if (day > start + span) continue;
    const marks = byNetwork.get(row.network) ?? new Map<number, LapseMark>();
    const mark = marks.get(day) ?? { day, at: ((day - start + 0.5) / (span + 1)) * 100, rows: [], status: row.status, policy: true };
    mark.rows.push(row);
    if (RANK[row.status] < RANK[mark.status]) mark.status = row.status;
    mark.policy &&= row.renewByPolicy;
    marks.set(day, mark);
    byNetwork.set(row.network, marks);
  }
  return new Map([...byNetwork].map(([network, marks]) => [network, [...marks.values()].sort((a, b) => a.day - b.day)]));
}

/** Where today falls on the strip (%). */
export const todayAt = (days = 90, past = 7) => ((past + 0.5) / (days + past + 1)) * 100;
