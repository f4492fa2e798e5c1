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

/**
 * Where a grant's expiry comes from: the network (a reported token or refresh-token expiry), or
 * the renewal policy (the catalog's lifetime, when the network gave none: Google's refresh
 * tokens). A policy date is a "renew by", never a "valid until".
 */
export type ExpirySource = 'network' | 'policy';

export function grantExpirySource(network: NetworkId, tokens: TokenSet): ExpirySource {
  const given = tokens.refreshToken ? tokens.refreshExpiresAt : tokens.accessExpiresAt;
  return given == null && NETWORKS[network].defaultLifetimeDays !== null ? 'policy' : 'network';
}
