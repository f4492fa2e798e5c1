import * as z from 'zod/mini';
import { classifyGoogle, googleAdapter } from './google';
import { bearerGet, isFailure } from './oauth2';
import type { ListedProfile } from './types';

const accounts = z.object({ accounts: z._default(z.array(z.object({ name: z.string(), accountName: z.optional(z.string()) })), []) });
const locations = z.object({ locations: z._default(z.array(z.object({ name: z.string(), title: z.string() })), []) });

/** Google Business Profile: every location of every account the identity has a role on. */
export const googleBusiness = googleAdapter({
  id: 'google-business',
  scopes: ['https://www.googleapis.com/auth/business.manage'],
  async listProfiles(ctx, accessToken) {
    const list = await bearerGet(
      ctx,
      'https://mybusinessaccountmanagement.googleapis.com/v1/accounts',
      accessToken,
      accounts,
      classifyGoogle,
    );
    if (isFailure(list)) return list;
    const profiles: ListedProfile[] = [];
    for (const account of list.accounts) {
      const url = `https://mybusinessbusinessinformation.googleapis.com/v1/${account.name}/locations?readMask=name,title&pageSize=100`;
      const found = await bearerGet(ctx, url, accessToken, locations, classifyGoogle);
      // PERMISSION_DENIED on one account: no role there; the other accounts still count.
      if (isFailure(found)) {
        if (found.kind === 'invalid' && found.code === 'permission') continue;
        return found;
      }
      for (const l of found.locations) {
        profiles.push({
          nativeId: l.name.replace(/^.*locations\//, ''),
          kind: 'location',
          name: l.title,
          handle: account.accountName,
          canManage: true,
        });
      }
    }
    return profiles;
  },
});
