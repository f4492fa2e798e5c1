import { grantStatus, type StatusInput } from './status';
import { DAY, HOUR, MINUTE } from './time';

/** Sentinel for "never poll again until something changes" (a dead token stays dead). */
export const NEVER = Number.MAX_SAFE_INTEGER;

/**
 * When to check a grant next: tokens far from expiry are checked rarely,
 * those close to it often; transient failures back off exponentially.
 */
export function nextCheckAt(grant: StatusInput, lastResult: 'valid' | 'invalid' | 'unknown', failures: number, now: number): number {
  if (lastResult === 'unknown') return now + Math.min(5 * MINUTE * 2 ** Math.max(0, failures - 1), 6 * HOUR);
  const view = grantStatus(grant, now);
  if (view.status === 'expired') return NEVER;
  if (view.status === 'no-expiry') return now + 12 * HOUR;
  const left = (grant.expiresAt ?? now) - now;
  if (left > 30 * DAY) return now + DAY;
  if (left > 7 * DAY) return now + 6 * HOUR;
  if (left > DAY) return now + 2 * HOUR;
  return now + 30 * MINUTE;
}

/** Refresh the access token this long before it lapses. */
const ACCESS_REFRESH_MARGIN_MS = 5 * MINUTE;
/** Refresh silently before the first reminder threshold (7 days), so a person is bothered only when needed. */
const AUTO_REFRESH_BEFORE_MS = 8 * DAY;

/**
 * Whether a poll should use the refresh token instead of inspecting (pure).
 * The early refresh happens at most once a day: where a refresh does not
 * extend the grant (LinkedIn's refresh token ages from the first grant),
 * refreshing on every poll would gain nothing.
 */
export function refreshDue(grant: { accessExpiresAt: number | null; expiresAt: number | null; issuedAt: number }, now: number): boolean {
  if (grant.accessExpiresAt !== null && grant.accessExpiresAt - now <= ACCESS_REFRESH_MARGIN_MS) return true;
  return grant.expiresAt !== null && grant.expiresAt - now <= AUTO_REFRESH_BEFORE_MS && now - grant.issuedAt >= DAY;
}
