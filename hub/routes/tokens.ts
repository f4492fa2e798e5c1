import { NETWORKS, type NetworkId } from '../../utils/networks/catalog';
import { grantStatus } from '../../utils/status';
import type { HubDeps } from '../app';
import { loadGrant, refreshGrant, storeCheck, tokensOf } from '../custody';
import { hubContext } from '../networks';
import { toGrantRecord, type GrantRow } from '../store/grant-rows';

const REFRESH_WITHIN_MS = 5 * 60 * 1000;

export type TokenAnswer =
  | { status: 200; body: { network: NetworkId; profileId: string; accessToken: string; expiresAt: number | null } }
  | { status: 404 | 409 | 502; body: { error: string; message: string; canRenew?: string[] } };

/**
 * The current access token of a profile for a publishing tool, from the grant behind it (read by
 * the caller; null when the profile is not tracked): refreshed first when it lapses within five
 * minutes; a dead one is a 409 that names who can renew it.
 */
export async function currentToken(deps: HubDeps, network: NetworkId, nativeId: string, row: GrantRow | null): Promise<TokenAnswer> {
  const profileId = `${network}:${nativeId}`;
  if (!row) return { status: 404, body: { error: 'not-found', message: `No tracked ${NETWORKS[network].name} profile ${nativeId}` } };
  const now = deps.now();
  const lapsing = row.access_expires_at !== null && row.access_expires_at - now <= REFRESH_WITHIN_MS;
  if (lapsing && row.invalid_since === null) {
    const ctx = hubContext(deps.config, network, now, deps.fetch);
    const refreshed = ctx ? await refreshGrant(deps.pool, deps.config.secretKey, ctx, row.id) : null;
    if (refreshed?.ok) row = refreshed.row;
    else if (refreshed?.result?.kind === 'unknown')
      return { status: 502, body: { error: 'network-unreachable', message: refreshed.result.reason } };
    else if (refreshed?.result?.kind === 'invalid') {
      // The network refused the refresh for good: the grant is dead for everybody, now.
      await storeCheck(deps.pool, toGrantRecord(row), refreshed.result, now);
      row = (await loadGrant(deps.pool, row.id)) ?? row;
    }
  }
  const view = grantStatus(toGrantRecord(row), now);
  const accessLapsed = row.access_expires_at !== null && row.access_expires_at <= now;
  if (view.status === 'expired' || accessLapsed) {
    return {
      status: 409,
      body: {
        error: 'renewal-needed',
        message: `Renewal needed: ${row.invalid_reason ?? 'the token has expired'}. ${NETWORKS[network].permissionNeeded} can renew it from Token Warden.`,
        canRenew: await whoCanRenew(deps, profileId),
      },
    };
  }
  return {
    status: 200,
    body: { network, profileId: nativeId, accessToken: tokensOf(deps.config.secretKey, row).accessToken, expiresAt: row.access_expires_at },
  };
}

/** Members whose native identity last renewed or connected this profile with the permission. */
export async function whoCanRenew(deps: HubDeps, profileId: string): Promise<string[]> {
  const { rows } = await deps.pool.query<{ email: string }>(
    `select distinct m.email from access a join identities i on i.id = a.identity_id join members m on m.id = i.member_id
     where a.profile_id = $1 and a.can = 'yes' and m.revoked_at is null order by m.email`,
    [profileId],
  );
  return rows.map((r) => r.email);
}
