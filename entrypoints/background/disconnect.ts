import { loadSettings } from '@/utils/db/settings-store';
import { removeProfile } from '@/utils/db/profile-writes';
import { openTokens, vaultKey } from '@/utils/db/vault';
import type { NetworkId } from '@/utils/networks/catalog';
import { revokeAtNetwork, type RevokeOutcome } from '@/utils/networks/revoke';
import { networkConfig } from '@/utils/settings';
import type { Deps } from './deps';

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
  await removeProfile(db, profileId, { code: 'disconnected', network: profile.network, ...(revoked ? { revoked } : {}) }, deps.now());
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
