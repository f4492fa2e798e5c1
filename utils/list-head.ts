import type { ProfileWithGrant as ProfileRow } from './domain';
import { compareRows, orderOf } from './row-order';
import type { TokenStatus } from './status';

/** How many of the most urgent rows the head holds: more than a popup shows at once. */
export const LIST_HEAD_ROWS = 25;
export const LIST_HEAD_ID = 'list-head';

/**
 * The top of the list, kept by the background after every change: the popup shows it at once
 * (one small read) while it reads every profile and grant, which takes a while with thousands.
 */
export interface ListHead {
  id: typeof LIST_HEAD_ID;
  at: number;
  total: number;
  counts: Record<TokenStatus, number>;
  rows: ProfileRow[];
}

export function listHead(rows: ProfileRow[], now: number): ListHead {
  const counts: Record<TokenStatus, number> = { expired: 0, expiring: 0, valid: 0, 'no-expiry': 0 };
  const views = rows.map((row, i) => ({ i, view: orderOf(row, now) }));
  for (const { view } of views) counts[view.status] += 1;
  views.sort((a, b) => compareRows(a.view, b.view));
  return { id: LIST_HEAD_ID, at: now, total: rows.length, counts, rows: views.slice(0, LIST_HEAD_ROWS).map(({ i }) => rows[i]!) };
}
