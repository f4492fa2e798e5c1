import type { TokenStatus } from './status';

const RANK: Record<TokenStatus, number> = { expired: 0, expiring: 1, valid: 2, 'no-expiry': 3 };

export interface UrgencyItem {
  status: TokenStatus;
  expiredSince: number | null;
  expiresAt: number | null;
  name: string;
}

const collator = new Intl.Collator();

/**
 * SPEC §2 default sort: Expired (most recent first), Expiring (soonest first),
 * Valid (soonest first), then No expiry; ties by name.
 */
export function compareUrgency(a: UrgencyItem, b: UrgencyItem): number {
  const rank = RANK[a.status] - RANK[b.status];
  if (rank !== 0) return rank;
  if (a.status === 'expired') {
    const diff = (b.expiredSince ?? 0) - (a.expiredSince ?? 0);
    if (diff !== 0) return diff;
  } else if (a.expiresAt !== null && b.expiresAt !== null && a.expiresAt !== b.expiresAt) {
    return a.expiresAt - b.expiresAt;
  }
  return collator.compare(a.name, b.name);
}
