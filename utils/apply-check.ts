import type { GrantRecord } from './db/schema';
import type { CheckResult } from './networks/types';
import { nextCheckAt } from './poll-schedule';

/**
 * A grant after a check (pure). Only a definitive `invalid` changes the
 * status; `unknown` records the failure and backs off, nothing else.
 */
export function applyCheck(grant: GrantRecord, result: CheckResult, now: number): GrantRecord {
  const next: GrantRecord = { ...grant, lastCheckAt: now, lastCheckResult: result.kind, leasedUntil: 0 };
  if (result.kind === 'valid') {
    next.lastError = null;
    next.failures = 0;
    if (result.expiresAt !== undefined) next.expiresAt = result.expiresAt;
    if (result.scopes) next.scopes = result.scopes;
  } else if (result.kind === 'invalid') {
    next.invalidSince = grant.invalidSince ?? now;
    next.invalidReason = grant.invalidReason ?? result.reason;
    next.lastError = result.reason;
    next.failures = 0;
  } else {
    next.lastError = result.reason;
    next.failures = grant.failures + 1;
  }
  next.nextCheckAt = nextCheckAt(next, result.kind, next.failures, now);
  if (result.kind === 'unknown' && result.retryAfterMs !== undefined) {
    next.nextCheckAt = Math.max(next.nextCheckAt, now + result.retryAfterMs);
  }
  return next;
}
