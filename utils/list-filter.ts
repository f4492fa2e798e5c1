import type { NetworkId } from './networks/catalog';
import type { ProfileRowView } from './profile-view';
import type { TokenStatus } from './status';

export const STATUSES: readonly TokenStatus[] = ['expired', 'expiring', 'valid', 'no-expiry'];

export interface ListFilter {
  /** Empty = every status. */
  statuses: TokenStatus[];
  network: NetworkId | 'all';
  text: string;
}

export const NO_FILTER: ListFilter = { statuses: [], network: 'all', text: '' };

function matchesText(row: ProfileRowView, text: string): boolean {
  const q = text.trim().toLocaleLowerCase();
  return !q || row.name.toLocaleLowerCase().includes(q) || (row.handle?.toLocaleLowerCase().includes(q) ?? false);
}

/** Filters combine: status AND network AND text (on name or handle). */
export function applyFilter(rows: ProfileRowView[], filter: ListFilter): ProfileRowView[] {
  return rows.filter(
    (r) =>
      (filter.statuses.length === 0 || filter.statuses.includes(r.status)) &&
      (filter.network === 'all' || r.network === filter.network) &&
      matchesText(r, filter.text),
  );
}

/** Counts per status among the rows the other filters (network, text) keep. */
export function statusCounts(rows: ProfileRowView[], filter: ListFilter): Record<TokenStatus, number> {
  const counts: Record<TokenStatus, number> = { expired: 0, expiring: 0, valid: 0, 'no-expiry': 0 };
  for (const r of applyFilter(rows, { ...filter, statuses: [] })) counts[r.status] += 1;
  return counts;
}

/** A stored filter, checked (it comes from page storage). */
export function parseFilter(raw: string | null): ListFilter {
  try {
    const v = JSON.parse(raw ?? '') as Partial<ListFilter>;
    return {
      statuses: Array.isArray(v.statuses) ? v.statuses.filter((s): s is TokenStatus => STATUSES.includes(s)) : [],
      network: typeof v.network === 'string' ? v.network : 'all',
      text: typeof v.text === 'string' ? v.text.slice(0, 200) : '',
    };
  } catch {
    return NO_FILTER;
  }
}
