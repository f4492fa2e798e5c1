import type { GrantRecord } from './domain';
import { grantExpiry, grantExpirySource } from './networks/grant-expiry';
import type { CheckResult, TokenSet } from './networks/types';
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
    if (result.expiresAt !== undefined) {
      next.expiresAt = result.expiresAt;
      next.expirySource = 'network';
    }
    if (result.scopes) next.scopes = result.scopes;
  } else if (result.kind === 'invalid') {
    next.invalidSince = grant.invalidSince ?? now;
    next.invalidReason = grant.invalidReason ?? result.reason;
    next.invalidCode = grant.invalidSince === null ? (result.code ?? null) : (grant.invalidCode ?? null);
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

/** The grant after a successful refresh or renewal with new tokens (pure): alive again, its expiry from the new tokens. */
export function applyRefresh(grant: GrantRecord, tokens: TokenSet, now: number): GrantRecord {
  const next = applyCheck(
    {
      ...grant,
      invalidSince: null,
      invalidReason: null,
      invalidCode: null,
      refreshable: Boolean(tokens.refreshToken),
      accessExpiresAt: tokens.accessExpiresAt,
      issuedAt: now,
      refreshStartedAt: null,
    },
    { kind: 'valid', expiresAt: grantExpiry(grant.network, tokens, now), scopes: tokens.scopes },
    now,
  );
  return { ...next, expirySource: grantExpirySource(grant.network, tokens) };
}
