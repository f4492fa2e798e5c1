import * as z from 'zod/mini';
import { GRAPH, graphAdapter, graphGet, productionUrlOf } from './graph';
import { isFailure, type Failure } from './oauth2';
import type { AdapterContext, ListedProfile } from './types';

export const accountsResponse = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      tasks: z.optional(z.array(z.string())),
      picture: z.optional(z.object({ data: z.object({ url: z.string() }) })),
      instagram_business_account: z.optional(z.object({ id: z.string(), username: z.optional(z.string()), name: z.optional(z.string()) })),
    }),
  ),
  paging: z.optional(z.object({ next: z.optional(z.string()) })),
});
export type GraphPage = z.infer<typeof accountsResponse>['data'][number];

/** The pages of a Graph list from `url` on, following its paging links (50 pages of results at most). */
export async function pagesFrom(ctx: AdapterContext, url: string | undefined): Promise<GraphPage[] | Failure> {
  const pages: GraphPage[] = [];
  for (let n = 0; url && n < 50; n += 1) {
    const page: z.infer<typeof accountsResponse> | Failure = await graphGet(ctx, url, accountsResponse);
    if (isFailure(page)) return page;
    pages.push(...page.data);
    url = page.paging?.next ? productionUrlOf(page.paging.next) : undefined;
  }
  return pages;
}

/** Every page of /me/accounts (the pages the login can act on, with its tasks on each). */
export function listPages(ctx: AdapterContext, accessToken: string, fields: string) {
  const q = new URLSearchParams({ fields, limit: '100', access_token: accessToken });
  return pagesFrom(ctx, `${GRAPH}/me/accounts?${q.toString()}`);
}

/** Full control of a page = the MANAGE task (SPEC §1). */
export const fullControl = (p: GraphPage) => p.tasks?.includes('MANAGE') ?? false;

/** What a Facebook Login lists for a product: the page fields it reads, and the profiles they make. */
export interface GraphListing {
  fields: string;
  profilesOf(pages: GraphPage[]): ListedProfile[];
}

export const facebookPages: GraphListing = {
  fields: 'id,name,tasks,picture',
  profilesOf: (pages) =>
    pages.map((p): ListedProfile => ({
      nativeId: p.id,
      kind: 'page',
      name: p.name,
      avatar: p.picture?.data.url,
      canManage: fullControl(p),
    })),
};

export const facebook = graphAdapter({
  id: 'facebook',
  scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'business_management'],
  async listProfiles(ctx, accessToken) {
    const pages = await listPages(ctx, accessToken, facebookPages.fields);
    return isFailure(pages) ? pages : facebookPages.profilesOf(pages);
  },
});
