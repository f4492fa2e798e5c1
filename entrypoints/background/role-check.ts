import { detachLostRoles } from '@/utils/db/lost-role';
import type { GrantRecord } from '@/utils/db/schema';
import type { AdapterContext, CheckResult, NetworkAdapter } from '@/utils/networks/types';
import type { Deps } from './deps';

/**
 * The check of a login whose profiles need a role the token does not prove (LinkedIn company
 * pages): one call confirms the roles and that the token works. Profiles whose role was lost
 * leave the login, each dead on its own, to be renewed by someone with the role (lost-role.ts).
 * null: nothing to confirm here, the network's usual inspection applies.
 */
export async function checkRoles(
  deps: Deps,
  ctx: AdapterContext,
  adapter: NetworkAdapter,
  grant: GrantRecord,
  accessToken: string,
): Promise<CheckResult | null> {
  if (!adapter.lostRoles) return null;
  const profiles = await deps.db.profiles.where('grantId').equals(grant.id).primaryKeys();
  const nativeIds = profiles.map((id) => id.slice(grant.network.length + 1));
  const lost = await adapter.lostRoles(ctx, accessToken, nativeIds);
  if (lost === null || !Array.isArray(lost)) return lost;
  // The token works: the login stays valid for the profiles it still manages.
  await detachLostRoles(deps.db, grant, lost, deps.now());
  return { kind: 'valid' };
}
