import { DAY } from './time';

export type TokenStatus = 'expired' | 'expiring' | 'valid' | 'no-expiry';

/** Days before expiry at which a token counts as Expiring (SPEC §2). */
const EXPIRING_WINDOW_DAYS = 7;

/** What the status rules need of a grant. */
export interface StatusInput {
  /** Epoch ms; null when the network sets no expiry. */
  expiresAt: number | null;
  /** Epoch ms at which a definitive invalid signal was seen; null when none. */
  invalidSince: number | null;
}

export interface StatusView {
  status: TokenStatus;
  /** Whole days left, rounded up (≥ 1) while expiring or valid; 0 under 24 h. */
  daysLeft: number | null;
  /** When the token became expired (the earlier of the invalid signal and the expiry). */
  expiredSince: number | null;
}

/** SPEC §2: exactly one status for a grant at `now`. */
export function grantStatus(grant: StatusInput, now: number): StatusView {
  const lapsed = grant.expiresAt !== null && grant.expiresAt <= now ? grant.expiresAt : null;
  if (grant.invalidSince !== null || lapsed !== null) {
    const since = [grant.invalidSince, lapsed].filter((t): t is number => t !== null);
    return { status: 'expired', daysLeft: null, expiredSince: Math.min(...since) };
  }
  if (grant.expiresAt === null) return { status: 'no-expiry', daysLeft: null, expiredSince: null };
  const left = grant.expiresAt - now;
  const daysLeft = left < DAY ? 0 : Math.ceil(left / DAY);
  const status = left <= EXPIRING_WINDOW_DAYS * DAY ? 'expiring' : 'valid';
  return { status, daysLeft, expiredSince: null };
}

/**
 * The next instant after `now` at which this grant's status changes by the
 * clock alone (entering the Expiring window, or expiring); null when none.
 */
export function nextStatusChange(grant: StatusInput, now: number): number | null {
  if (grant.invalidSince !== null || grant.expiresAt === null) return null;
  const candidates = [grant.expiresAt - EXPIRING_WINDOW_DAYS * DAY, grant.expiresAt];
  return candidates.find((t) => t > now) ?? null;
}
