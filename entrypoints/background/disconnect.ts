import { loadSettings } from '@/utils/db/settings-store';
import { removeProfile } from '@/utils/db/profile-writes';
import { openTokens, vaultKey } from '@/utils/db/vault';
import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { revokeAtNetwork, type RevokeOutcome } from '@/utils/networks/revoke';
import { networkConfig } from '@/utils/settings';
import type { Deps } from './deps';

const HISTORY: Record<RevokeOutcome, (network: string) => string> = {
  revoked: (n) => `Disconnected: access revoked at ${n}`,
  'no-endpoint': (n) => `Disconnected (to end its access, remove the app in ${n}'s settings)`,
  failed: (n) => `Disconnected, but ${n} did not confirm the revocation: remove the app in its settings`,
};

/**
 * Disconnect: the profile stops being tracked; its history stays. When it is
 * the last profile of its login, the login's token is first revoked at the
 * network (where it has an endpoint: Google, X, Meta), then deleted with its
 * secret. A login that still covers other profiles keeps its token: revoking
 * it would cut them off too.
 */
export async function disconnectProfile(deps: Deps, profileId: string): Promise<{ ok: true; revoked?: RevokeOutcome }> {
  const { db } = deps;
  const profile = await db.profiles.get(profileId);
  if (!profile) return { ok: true };
  const last = (await db.profiles.where('grantId').equals(profile.grantId).count()) === 1;
  const revoked = last ? await revokeLogin(deps, profile.network, profile.grantId) : undefined;
  const name = NETWORKS[profile.network].name;
  await removeProfile(db, profileId, revoked ? HISTORY[revoked](name) : 'Disconnected: no longer tracked', deps.now());
  return revoked ? { ok: true, revoked } : { ok: true };
}

async function revokeLogin(deps: Deps, network: NetworkId, grantId: string): Promise<RevokeOutcome | undefined> {
  const record = await deps.db.secrets.get(grantId);
  // No secret (a hub grant, or already gone): nothing this browser could revoke.
  if (!record) return undefined;
  const tokens = await openTokens(await vaultKey(deps.db), record).catch(() => null);
  if (!tokens) return 'failed';
  const { settings } = await loadSettings(deps.db);
  return revokeAtNetwork({ fetch: deps.fetch, now: deps.now(), config: networkConfig(settings, network) }, network, tokens);
}
