import * as z from 'zod';
import { NETWORK_IDS, NETWORKS } from '../../utils/networks/catalog';
import { bindingOf } from '../../utils/networks/grant-binding';
import { adapterFor } from '../../utils/networks/index';
import type { CheckResult, ListedProfile } from '../../utils/networks/types';
import type { HubDeps } from '../app';
import { loginListing } from '../login-listing';
import { hubContext } from '../networks';
import { saveHubLogin } from '../store/logins';
import { seesAll, type DeviceAuth } from '../store/members';

export const exchangeBody = z
  .object({
    network: z.enum(NETWORK_IDS),
    code: z.string().min(1).max(4096),
    codeVerifier: z.string().min(43).max(128),
    redirectUri: z.url(),
    /** Set when the login renews this profile (else it connects what it lists). */
    renewProfileId: z.string().min(1).max(300).optional(),
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
  const login = await loginListing(adapter, ctx, exchanged.tokens.accessToken);
  if ('kind' in login) return failure(login);
  const { identity } = login;
  const listed = oncePerProfile(login.listed);
  const ids = listed.map((p) => `${network}:${p.nativeId}`);
  const renewing = body.renewProfileId;
  // A renewal covers only the listed profiles already tracked: those are read while the network
  // inspects the token. A connect covers every listed one, and its write says which were tracked.
  const [inspected, trackedBefore] = await Promise.all([adapter.inspect(ctx, exchanged.tokens), renewing ? trackedAmong(deps, ids) : null]);
  const reportedExpiry = inspected.kind === 'valid' ? inspected.expiresAt : undefined;
  if (renewing && adapter.grantPerProfile && listed.length > 0 && !listed.some((p) => `${network}:${p.nativeId}` === renewing)) {
    // The consent gave another channel: that says nothing of this one's permission.
    const chosen = listed.map((p) => `“${p.name}”`).join(', ');
    const name = NETWORKS[network].name;
    return {
      outcome: 'failed',
      reason: `${name} gave access to ${chosen}, not to the profile being renewed: renew again and choose it on ${name}'s screen`,
    };
  }
  const profiles = trackedBefore ? listed.filter((p) => p.canManage && trackedBefore.has(`${network}:${p.nativeId}`)) : listed;
  if (!renewing && profiles.length === 0) return { outcome: 'failed', reason: `${identity.name} manages no profile on this network` };
  const refused = renewing !== undefined && !profiles.some((p) => `${network}:${p.nativeId}` === renewing);
  const saved = await saveHubLogin(
    deps.pool,
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
      now: deps.now(),
      boundTo: bindingOf(adapter, listed),
    },
    {
      audit: {
        actor: device.deviceId,
        action: renewing ? 'renew' : 'connect',
        profileId: renewing ?? null,
        detail: `${network}: ${profiles.length} profile(s) by ${device.member.email}`,
      },
      // ✗ for this native identity on the profile it could not renew, the permission named.
      ...(refused ? { refused: { profileId: renewing, reason: `Missing: ${NETWORKS[network].permissionNeeded}` } } : {}),
    },
  );
  if (refused) {
    return { outcome: 'no-permission', permission: NETWORKS[network].permissionNeeded, identity: identity.name };
  }
  const tracked = trackedBefore ?? new Set(saved.trackedBefore);
  return {
    outcome: renewing ? 'renewed' : 'connected',
    grantId: saved.grantId,
    identity: identity.name,
    profiles: profiles.length,
    listed: listed.map((p: ListedProfile, i) => ({ id: ids[i]!, name: p.name, alreadyTracked: tracked.has(ids[i]!) })),
  };
}

/** Each profile once (a network may list one twice, e.g. once per role held on it): managed if any listing says so. */
function oncePerProfile(listed: ListedProfile[]): ListedProfile[] {
  const byId = new Map<string, ListedProfile>();
  for (const p of listed) {
    const seen = byId.get(p.nativeId);
    byId.set(p.nativeId, seen ? { ...seen, canManage: seen.canManage || p.canManage } : p);
  }
  return [...byId.values()];
}

/** Which of these profile ids are tracked (not disconnected). */
async function trackedAmong(deps: HubDeps, ids: string[]): Promise<Set<string>> {
  const { rows } = await deps.pool.query<{ id: string }>({
    name: 'tracked-among',
    text: 'select id from profiles where id = any($1) and deleted_at is null',
    values: [ids],
  });
  return new Set(rows.map((r) => r.id));
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
