import type { NetworkId } from './catalog';
import type { ListedProfile, NetworkAdapter } from './types';

/** The one profile a consent bound its grant to (a YouTube channel), when the network binds grants so. */
export function bindingOf(adapter: NetworkAdapter, listed: ListedProfile[]): string | undefined {
  return adapter.grantPerProfile && listed.length === 1 ? listed[0]!.nativeId : undefined;
}

/** A grant's id: one per login, or one per bound profile (shared by the extension and the hub). */
export function grantIdOf(network: NetworkId, identityId: string, boundTo?: string): string {
  return boundTo ? `${network}:${identityId}:${boundTo}` : `${network}:${identityId}`;
}
