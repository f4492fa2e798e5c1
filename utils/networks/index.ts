import type { NetworkId } from './catalog';
import { facebook } from './facebook';
import { tiktok } from './tiktok';
import type { NetworkAdapter } from './types';

/** The adapters implemented so far; the catalog lists every network. */
const ADAPTERS: Partial<Record<NetworkId, NetworkAdapter>> = { facebook, tiktok };

export function adapterFor(network: NetworkId): NetworkAdapter | undefined {
  return ADAPTERS[network];
}

export function supportedNetworks(): NetworkId[] {
  return Object.keys(ADAPTERS) as NetworkId[];
}
