import { NETWORKS, type NetworkId } from './catalog';
import { DAY } from '../time';
import type { TokenSet } from './types';

/**
 * The expiry that governs a grant's status: the refresh token's when there is
 * one (the access token is renewed silently), else the access token's; the
 * catalog's default lifetime when the network reports nothing.
 */
export function grantExpiry(network: NetworkId, tokens: TokenSet, now: number): number | null {
  const fallback = NETWORKS[network].defaultLifetimeDays;
  const fallbackAt = fallback === null ? null : now + fallback * DAY;
  if (tokens.refreshToken) return tokens.refreshExpiresAt ?? fallbackAt;
  return tokens.accessExpiresAt ?? fallbackAt;
}
