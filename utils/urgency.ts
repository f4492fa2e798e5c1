import type { StatusView, TokenStatus } from './status';

const RANK: Record<TokenStatus, number> = { expired: 0, expiring: 1, valid: 2, 'no-expiry': 3 };

export interface UrgencyItem {
  view: StatusView;
  expiresAt: number | null;
  name: string;
}

/**
 * SPEC §2 default sort: Expired (most recent first), Expiring (soonest first),
 * Valid (soonest first), then No expiry; ties by name.
 */
export function compareUrgency(a: UrgencyItem, b: UrgencyItem): number {
  const rank = RANK[a.view.status] - RANK[b.view.status];
  if (rank !== 0) return rank;
  if (a.view.status === 'expired') {
    const diff = (b.view.expiredSince ?? 0) - (a.view.expiredSince ?? 0);
    if (diff !== 0) return diff;
  } else if (a.expiresAt !== null && b.expiresAt !== null && a.expiresAt !== b.expiresAt) {
    return a.expiresAt - b.expiresAt;
  }
  return a.name.localeCompare(b.name);
}
