import { finishedRenewal, markAccess, setRenewal } from '@/utils/db/grant-writes';
import { recordHistory } from '@/utils/db/history-writes';
import type { GrantRecord, ProfileRecord } from '@/utils/db/schema';
import { openTokens, vaultKey } from '@/utils/db/vault';
import { NETWORKS } from '@/utils/networks/catalog';
import { adapterFor } from '@/utils/networks/index';
import type { FlowOutcome } from '@/utils/outcomes';
import type { Deps } from './deps';
import { renewThroughHub } from './hub-login';
import { adapterContext, outcomeOfFailure, watchAnswers } from './oauth-login';
import { signInAndList, storeLogin } from './sign-in';
import { stateChanged } from './state-changed';
import { refreshGrant } from './refresh';

/**
 * "Renew" on a profile. Runs wholly in the background, so it completes even
 * when the popup closes; its outcome is stored on the grant for the popup.
 */
export async function renewProfile(deps: Deps, profileId: string): Promise<FlowOutcome> {
  const profile = await deps.db.profiles.get(profileId);
  if (!profile) return { kind: 'failed', reason: 'This profile is no longer tracked' };
  const startedAt = deps.now();
  await setRenewal(deps.db, profile.grantId, { state: 'running', startedAt });
  let outcome: FlowOutcome;
  try {
    outcome = await renewGrantOf(deps, profile);
  } catch (error) {
    outcome = { kind: 'failed', reason: error instanceof Error ? error.message : 'Unexpected error' };
  }
  const done = finishedRenewal(startedAt, outcome, deps.now());
  const now = await deps.db.profiles.get(profileId);
  for (const grantId of new Set([profile.grantId, now?.grantId].filter((g): g is string => !!g))) {
    await setRenewal(deps.db, grantId, done);
  }
  if (outcome.kind !== 'renewed') {
    await recordHistory(deps.db, [{ profileId, at: deps.now(), kind: 'renewal', fact: { code: 'renewalFailed', outcome } }]);
  }
  await stateChanged(deps);
  return outcome;
}

async function renewGrantOf(deps: Deps, profile: ProfileRecord): Promise<FlowOutcome> {
  const grant = await deps.db.grants.get(profile.grantId);
  // The organisation hub keeps this login's tokens: it renews silently or takes the new code.
  if (grant?.hub) return renewThroughHub(deps, profile);
  if (grant?.refreshable) {
    const silent = await silentRefresh(deps, grant);
    if (silent) return silent;
  }
  return reconsent(deps, profile);
}

/** Renewal with the refresh token, no window. null = no live refresh token: a person is needed. */
async function silentRefresh(deps: Deps, grant: GrantRecord): Promise<FlowOutcome | null> {
  const adapter = adapterFor(grant.network);
  const record = await deps.db.secrets.get(grant.id);
  if (!adapter?.refresh || !record) return null;
  const configured = await adapterContext(deps, grant.network);
  if ('kind' in configured) return configured;
  const answers = watchAnswers(configured.fetch);
  const ctx = { ...configured, fetch: answers.fetch };
  const refreshed = await refreshGrant(deps, ctx, adapter, grant, await openTokens(await vaultKey(deps.db), record));
  if (!refreshed.ok) {
    return refreshed.result?.kind === 'unknown' ? outcomeOfFailure(refreshed.result, 'renewal', grant.network, answers.last()) : null;
  }
  const covered = await deps.db.profiles.where('grantId').equals(grant.id).primaryKeys();
  await recordHistory(
    deps.db,
    covered.map((profileId) => ({ profileId, at: deps.now(), kind: 'renewal' as const, fact: { code: 'renewedSilently' as const } })),
  );
  return { kind: 'renewed', profiles: covered.length };
}

/** Renewal through the OAuth window; the new login renews every tracked profile it covers. */
async function reconsent(deps: Deps, profile: ProfileRecord): Promise<FlowOutcome> {
  const login = await signInAndList(deps, profile.network, 'renewal');
  if ('kind' in login) return login;
  const { listed } = login;
  const tracked = new Set(await deps.db.profiles.where('id').startsWith(`${profile.network}:`).primaryKeys());
  const covered = listed.filter((p) => p.canManage && tracked.has(`${profile.network}:${p.nativeId}`));
  if (covered.length > 0) await storeLogin(deps, login, covered, { code: 'renewed', by: login.identity.name });
  const chosen = listed.map((p) => `“${p.name}”`).join(', ');
  if (login.adapter.grantPerProfile && chosen && !listed.some((p) => p.nativeId === profile.nativeId)) {
    // The consent gave another channel: that says nothing of this one's permission.
    const network = NETWORKS[profile.network].name;
    const reason = `${network} gave access to ${chosen}, not to “${profile.name}”: renew again and choose “${profile.name}” on ${network}'s screen (if it is not offered, this account cannot manage it)`;
    return { kind: 'failed', reason, during: 'renewal' };
  }
  if (!covered.some((p) => p.nativeId === profile.nativeId)) {
    const permission = NETWORKS[profile.network].permissionNeeded;
    const identity = { id: `${profile.network}:${login.identity.id}`, network: profile.network, name: login.identity.name };
    await markAccess(deps.db, identity, profile.id, 'no', `Missing: ${permission}`, deps.now());
    return { kind: 'no-permission', permission, identity: login.identity.name };
  }
  return { kind: 'renewed', profiles: covered.length };
}
