import type { NetworkId } from '../utils/networks/catalog';
import type { AdapterContext, Fetch } from '../utils/networks/types';
import type { HubConfig } from './config';
import { nodeFetch } from './node-fetch';

/**
 * Every request the hub makes carries a secret or a token: it never follows a redirect (a 307
 * would re-send it to another host) and never sends cookies. node-fetch.ts is that client
 * whatever the request asks (it refuses every redirect and has no cookie jar), so the hub's
 * fetch is it as is: no copy of each request's options to say so again.
 */
export const hubFetch: Fetch = nodeFetch;

/** The adapters' context on the hub: the organisation's app with its secret, straight to the network. */
export function hubContext(config: HubConfig, network: NetworkId, now: number, fetchImpl: Fetch = hubFetch): AdapterContext | null {
  const app = config.networks[network];
  if (!app) return null;
  return {
    fetch: fetchImpl,
    now,
    config: { clientId: app.clientId, clientSecret: app.clientSecret || undefined, baseUrl: app.baseUrl, exchangeUrl: '' },
  };
}
