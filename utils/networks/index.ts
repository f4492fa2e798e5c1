import type { NetworkId } from './catalog';
import { facebook } from './facebook';
import { googleBusiness } from './google-business';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { pinterest } from './pinterest';
import { threads } from './threads';
import { tiktok } from './tiktok';
import type { NetworkAdapter } from './types';
import { x } from './x';
import { youtube } from './youtube';

const ADAPTERS: Record<NetworkId, NetworkAdapter> = {
  youtube,
  threads,
  facebook,
  instagram,
  'google-business': googleBusiness,
  linkedin,
  pinterest,
  tiktok,
  x,
};

export function adapterFor(network: NetworkId): NetworkAdapter | undefined {
  return ADAPTERS[network];
}
