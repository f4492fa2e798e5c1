import type { ProfileRecord } from '@/utils/db/schema';
import { loadSettings } from '@/utils/db/settings-store';
import { exchangeAnswer, meAnswer, okAnswer, renewAnswer } from '@/utils/hub-protocol';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { adapterFor } from '@/utils/networks/index';
import type { FlowOutcome } from '@/utils/outcomes';
import { networkConfig } from '@/utils/settings';
import { authorizeInWindow, type During } from './authorize-window';
import type { Deps } from './deps';
import { callOwnHub, type HubCall } from './hub-client';
import { syncFromHub } from './hub-sync';

const NOT_ENROLLED: FlowOutcome = { kind: 'not-configured', reason: 'This browser is no longer enrolled in the organisation hub' };

function hubFailure(call: Exclude<HubCall<unknown>, { ok: true }>, during: During): FlowOutcome {
  return call.kind === 'unreachable'
    ? { kind: 'unreachable', reason: call.reason, network: 'the organisation hub', during }
    : { kind: 'failed', reason: call.reason, during };
}

/**
 * Hub mode's sign-in: the window opens in this browser with the organisation's client ID (from
 * the hub), and the code goes to the hub, which exchanges it with the secret and keeps the
 * tokens. This browser then syncs what changed. `renewProfileId` renews that profile's login.
 */
async function signInThroughHub(deps: Deps, network: NetworkId, during: During, renewProfileId?: string): Promise<FlowOutcome> {
  const adapter = adapterFor(network);
  if (!adapter) return { kind: 'not-configured', reason: `${NETWORKS[network].name} is not supported yet.` };
  const me = await callOwnHub(deps, '/v1/me', meAnswer);
  if (!me) return NOT_ENROLLED;
  if (!me.ok) return hubFailure(me, during);
  const clientId = me.value.networks[network]?.clientId;
  if (!clientId)
    return { kind: 'not-configured', reason: `The organisation hub has no ${NETWORKS[network].name} app yet (ask its Owner).` };
  // The authorize page is the network's own (a base URL set here reaches a sandbox or staging).
  const { settings } = await loadSettings(deps.db);
  const authorized = await authorizeInWindow(
    deps,
    adapter,
    network,
    { clientId, baseUrl: networkConfig(settings, network).baseUrl },
    during,
  );
  if ('kind' in authorized) return authorized;
  const answer = await callOwnHub(deps, '/v1/exchange', exchangeAnswer, { network, ...authorized, renewProfileId });
  if (!answer) return NOT_ENROLLED;
  if (!answer.ok) return hubFailure(answer, during);
  await syncFromHub(deps);
  const a = answer.value;
  switch (a.outcome) {
    case 'connected':
      return { kind: 'connected', profiles: a.profiles, listed: a.listed };
    case 'renewed':
      return { kind: 'renewed', profiles: a.profiles };
    case 'no-permission':
      return { kind: 'no-permission', permission: a.permission, identity: a.identity };
    case 'unreachable':
      return { kind: 'unreachable', reason: a.reason, network: NETWORKS[network].name, during };
    case 'failed':
      return { kind: 'refused', reason: a.reason, network: NETWORKS[network].name, during };
  }
}

export function connectThroughHub(deps: Deps, network: NetworkId): Promise<FlowOutcome> {
  return signInThroughHub(deps, network, 'connect');
}

/** Renewal of a hub profile: silent where the hub holds a live refresh token, else a sign-in here. */
export async function renewThroughHub(deps: Deps, profile: ProfileRecord): Promise<FlowOutcome> {
  const silent = await callOwnHub(deps, '/v1/renew', renewAnswer, { profileId: profile.id });
  if (!silent) return NOT_ENROLLED;
  if (!silent.ok) return hubFailure(silent, 'renewal');
  if (silent.value.outcome === 'renewed') {
    await syncFromHub(deps);
    return { kind: 'renewed', profiles: silent.value.profiles };
  }
  if (silent.value.outcome === 'unreachable') {
    return { kind: 'unreachable', reason: silent.value.reason, network: NETWORKS[profile.network].name, during: 'renewal' };
  }
  return signInThroughHub(deps, profile.network, 'renewal', profile.id);
}

/** Stops tracking a hub profile for the organisation; this browser drops it with the sync that follows. */
export async function disconnectThroughHub(deps: Deps, profileId: string): Promise<{ ok: true }> {
  const answer = await callOwnHub(deps, '/v1/disconnect', okAnswer, { profileId });
  if (answer && !answer.ok && answer.status !== 404) throw new Error(answer.reason);
  await syncFromHub(deps);
  return { ok: true };
}
