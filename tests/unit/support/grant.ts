import type { GrantRecord } from '@/utils/db/schema';
import { DAY } from '@/utils/time';

/** A stored grant for unit tests: a Facebook login valid for 50 more days at `now`, unless told otherwise. */
export function grantRecord(now: number, over: Partial<GrantRecord> = {}): GrantRecord {
  return {
    id: 'facebook:1',
    network: 'facebook',
    identityId: 'facebook:1',
    scopes: [],
    issuedAt: now - DAY,
    expiresAt: now + 50 * DAY,
    accessExpiresAt: now + 50 * DAY,
    invalidSince: null,
    invalidReason: null,
    refreshable: false,
    lastCheckAt: null,
    lastCheckResult: null,
    lastError: null,
    failures: 0,
    nextCheckAt: 0,
    renewal: null,
    ...over,
  };
}
