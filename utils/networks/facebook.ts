import * as z from 'zod/mini';
import { GRAPH, graphAdapter, graphGet, productionUrlOf } from './graph';
import { isFailure, type Failure } from './oauth2';
import type { AdapterContext, ListedProfile } from './types';

const accountsResponse = z.object({
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

/** Every page of /me/accounts (the pages the login can act on, with its tasks on each). */
export async function listPages(ctx: AdapterContext, accessToken: string, fields: string) {
  const q = new URLSearchParams({ fields, limit: '100', access_token: accessToken });
  let url: string | undefined = `${GRAPH}/me/accounts?${q.toString()}`;
  const pages: GraphPage[] = [];
  for (let n = 0; url && n < 50; n += 1) {
    const page: z.infer<typeof accountsResponse> | Failure = await graphGet(ctx, url, accountsResponse);
    if (isFailure(page)) return page;
    pages.push(...page.data);
    url = page.paging?.next ? productionUrlOf(page.paging.next) : undefined;
  }
  return pages;
}

/** Full control of a page = the MANAGE task (SPEC §1). */
export const fullControl = (p: GraphPage) => p.tasks?.includes('MANAGE') ?? false;

export const facebook = graphAdapter({
  id: 'facebook',
  scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts', 'business_management'],
  async listProfiles(ctx, accessToken) {
    const pages = await listPages(ctx, accessToken, 'id,name,tasks,picture');
    if (isFailure(pages)) return pages;
    return pages.map((p): ListedProfile => ({
      nativeId: p.id,
      kind: 'page',
      name: p.name,
      avatar: p.picture?.data.url,
      canManage: fullControl(p),
    }));
  },
});
