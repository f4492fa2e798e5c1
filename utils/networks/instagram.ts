import { fullControl, listPages, type GraphListing } from './facebook';
import { graphAdapter } from './graph';
import { isFailure } from './oauth2';
import type { ListedProfile } from './types';

/** Instagram professional accounts through Facebook Login: each is linked to a Facebook Page. */
export const instagramPages: GraphListing = {
  fields: 'id,name,tasks,instagram_business_account{id,username,name}',
  profilesOf: (pages) =>
    pages.flatMap((p): ListedProfile[] => {
      const ig = p.instagram_business_account;
      if (!ig) return [];
      return [
        {
          nativeId: ig.id,
          kind: 'account',
          name: ig.name ?? ig.username ?? ig.id,
          handle: ig.username ? `@${ig.username}` : undefined,
          canManage: fullControl(p),
        },
      ];
    }),
};

export const instagram = graphAdapter({
  id: 'instagram',
  scopes: ['instagram_basic', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement', 'business_management'],
  async listProfiles(ctx, accessToken) {
    const pages = await listPages(ctx, accessToken, instagramPages.fields);
    return isFailure(pages) ? pages : instagramPages.profilesOf(pages);
  },
});
