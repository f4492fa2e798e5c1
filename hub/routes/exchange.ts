import * as z from 'zod';
import { NETWORK_IDS, NETWORKS, type NetworkId } from '../../utils/networks/catalog';
import { bindingOf } from '../../utils/networks/grant-binding';
import { adapterFor } from '../../utils/networks/index';
import type { CheckResult, ListedProfile } from '../../utils/networks/types';
import type { HubDeps } from '../app';
import { hubContext } from '../networks';
import { saveHubLogin } from '../store/logins';
import { seesAll, type DeviceAuth } from '../store/members';
import { inChangeTx } from '../store/tx';

export const exchangeBody = z
  .object({
    network: z.enum(NETWORK_IDS),
    code: z.string().min(1).max(4096),
    codeVerifier: z.string().min(43).max(128),
    redirectUri: z.url(),
    /** Set when the login renews this profile (else it connects what it lists). */
    renewProfileId: z.string().max(300).optional(),
  })
  .strict();

export type ExchangeAnswer =
  | {
      outcome: 'connected' | 'renewed';
      grantId: string;
      identity: string;
      profiles: number;
      listed: { id: string; name: string; alreadyTracked: boolean }[];
    }
  | { outcome: 'no-permission'; permission: string; identity: string }
  | { outcome: 'failed' | 'unreachable'; reason: string };

const failure = (r: Exclude<CheckResult, { kind: 'valid' }>): ExchangeAnswer =>
  r.kind === 'unknown'
    ? { outcome: 'unreachable', reason: r.reason }
    : { outcome: 'failed', reason: `Refused by the network: ${r.reason}` };

/**
 * The code exchange with the organisation's secret, then who logged in and what the login
 * covers; the tokens stay here (sealed), the browser gets names and counts.
 */
export async function exchange(deps: HubDeps, device: DeviceAuth, body: z.infer<typeof exchangeBody>): Promise<ExchangeAnswer> {
  const { network } = body;
  const ctx = hubContext(deps.config, network, deps.now(), deps.fetch);
  const adapter = adapterFor(network);
  if (!ctx || !adapter) return { outcome: 'failed', reason: `The hub has no ${NETWORKS[network].name} app configured` };
  const exchanged = await adapter.exchangeCode(ctx, body.code, body.codeVerifier, body.redirectUri);
  if (!exchanged.ok) return failure(exchanged.result);
  const identity = await adapter.whoAmI(ctx, exchanged.tokens.accessToken);
  if ('kind' in identity) return failure(identity);
  const listed = await adapter.listProfiles(ctx, exchanged.tokens.accessToken, identity);
  if ('kind' in listed) return failure(listed);
  const inspected = await adapter.inspect(ctx, exchanged.tokens);
  const reportedExpiry = inspected.kind === 'valid' ? inspected.expiresAt : undefined;
  const ids = listed.map((p) => `${network}:${p.nativeId}`);
  const tracked = new Set(
    (await deps.pool.query<{ id: string }>('select id from profiles where id = any($1) and deleted_at is null', [ids])).rows.map(
      (r) => r.id,
    ),
  );
  const renewing = body.renewProfileId;
  if (renewing && adapter.grantPerProfile && listed.length > 0 && !listed.some((p) => `${network}:${p.nativeId}` === renewing)) {
    // The consent gave another channel: that says nothing of this one's permission.
    const chosen = listed.map((p) => `“${p.name}”`).join(', ');
    const name = NETWORKS[network].name;
    return {
      outcome: 'failed',
      reason: `${name} gave access to ${chosen}, not to the profile being renewed: renew again and choose it on ${name}'s screen`,
    };
  }
  const profiles = renewing ? listed.filter((p) => p.canManage && tracked.has(`${network}:${p.nativeId}`)) : listed;
  if (!renewing && profiles.length === 0) return { outcome: 'failed', reason: `${identity.name} manages no profile on this network` };
  const now = deps.now();
  const grantId = await inChangeTx(deps.pool, async (tx, change) => {
    const id =
      profiles.length > 0
        ? await saveHubLogin(
            tx,
            deps.config.secretKey,
            {
              network,
              tokens: exchanged.tokens,
              identity,
              reportedExpiry,
              profiles,
              listed,
              memberId: device.member.id,
              historyKind: renewing ? 'renewal' : 'connected',
              historyBy: `${identity.name} (${device.member.email})`,
              now,
              boundTo: bindingOf(adapter, listed),
            },
            change,
          )
        : '';
    if (renewing && !profiles.some((p) => `${network}:${p.nativeId}` === renewing))
      await refuse(tx, network, identity, renewing, device, now, change);
    await tx.query('insert into audit (at, actor, action, profile_id, detail) values ($1, $2, $3, $4, $5)', [
      now,
      device.deviceId,
      renewing ? 'renew' : 'connect',
      renewing ?? null,
      `${network}: ${profiles.length} profile(s) by ${device.member.email}`,
    ]);
    return id;
  });
  if (renewing && !profiles.some((p) => `${network}:${p.nativeId}` === renewing)) {
    return { outcome: 'no-permission', permission: NETWORKS[network].permissionNeeded, identity: identity.name };
  }
  return {
    outcome: renewing ? 'renewed' : 'connected',
    grantId,
    identity: identity.name,
    profiles: profiles.length,
    listed: listed.map((p: ListedProfile, i) => ({ id: ids[i]!, name: p.name, alreadyTracked: tracked.has(ids[i]!) })),
  };
}

/** ✗ for this native identity on the profile it could not renew, the permission named. */
async function refuse(
  tx: import('pg').PoolClient,
  network: NetworkId,
  identity: { id: string; name: string },
  profileId: string,
  device: DeviceAuth,
  now: number,
  change: number,
): Promise<void> {
  const id = `${network}:${identity.id}`;
  await tx.query(
    `insert into identities (id, network, name, member_id) values ($1, $2, $3, $4)
     on conflict (id) do update set name = excluded.name, member_id = excluded.member_id`,
    [id, network, identity.name, device.member.id],
  );
  await tx.query(
    `insert into access (identity_id, profile_id, can, reason, at, change) values ($1, $2, 'no', $3, $4, $5)
     on conflict (identity_id, profile_id) do update set can = 'no', reason = excluded.reason, at = excluded.at, change = excluded.change`,
    [id, profileId, `Missing: ${NETWORKS[network].permissionNeeded}`, now, change],
  );
}

/** A Member may renew only the profiles given to them; Owners and Managers any. */
export async function mayRenew(deps: HubDeps, device: DeviceAuth, profileId: string): Promise<boolean> {
  if (seesAll(device.member)) return true;
  const { rowCount } = await deps.pool.query('select 1 from member_profiles where member_id = $1 and profile_id = $2', [
    device.member.id,
    profileId,
  ]);
  return rowCount === 1;
}
