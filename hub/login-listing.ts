import * as z from 'zod/mini';
import { accountsResponse, facebookPages, pagesFrom, type GraphListing } from '../utils/networks/facebook';
import { GRAPH, graphGet, productionUrlOf } from '../utils/networks/graph';
import { instagramPages } from '../utils/networks/instagram';
import { isFailure, type Failure } from '../utils/networks/oauth2';
import type { AdapterContext, ListedProfile, NativeIdentity, NetworkAdapter } from '../utils/networks/types';

const GRAPH_LISTINGS: Partial<Record<string, GraphListing>> = { facebook: facebookPages, instagram: instagramPages };

/** /me with its pages expanded: Graph leaves `accounts` out when the login has none. */
const meWithPages = z.object({ id: z.string(), name: z.string(), accounts: z.optional(accountsResponse) });

/**
 * Who signed in and what the login lists. Facebook Login asks Graph both in one call (field
 * expansion: `/me?fields=id,name,accounts.limit(100){…}`, further pages from its paging link)
 * where the extension makes two (`/me`, then `/me/accounts`): one request fewer per connect and
 * renewal through the hub. Other networks: their adapter's two steps.
 */
export async function loginListing(
  adapter: NetworkAdapter,
  ctx: AdapterContext,
  accessToken: string,
): Promise<{ identity: NativeIdentity; listed: ListedProfile[] } | Failure> {
  const graph = GRAPH_LISTINGS[adapter.id];
  if (!graph) {
    const identity = await adapter.whoAmI(ctx, accessToken);
    if ('kind' in identity) return identity;
    const listed = await adapter.listProfiles(ctx, accessToken, identity);
    return 'kind' in listed ? listed : { identity, listed };
  }
  const q = new URLSearchParams({ fields: `id,name,accounts.limit(100){${graph.fields}}`, access_token: accessToken });
  const me = await graphGet(ctx, `${GRAPH}/me?${q.toString()}`, meWithPages);
  if (isFailure(me)) return me;
  const next = me.accounts?.paging?.next;
  const more = next ? await pagesFrom(ctx, productionUrlOf(next)) : [];
  if (isFailure(more)) return more;
  return { identity: { id: me.id, name: me.name }, listed: graph.profilesOf([...(me.accounts?.data ?? []), ...more]) };
}
