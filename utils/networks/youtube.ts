import * as z from 'zod/mini';
import { googleAdapter, classifyGoogle } from './google';
import { bearerGet, isFailure } from './oauth2';
import type { NetworkAdapter } from './types';

const channels = z.object({
  items: z._default(
    z.array(
      z.object({
        id: z.string(),
        snippet: z.object({
          title: z.string(),
          customUrl: z.optional(z.string()),
          thumbnails: z.optional(z.object({ default: z.optional(z.object({ url: z.string() })) })),
        }),
      }),
    ),
    [],
  ),
});

/**
 * YouTube: the channel the grant acts as. Google's consent screen has the person choose one
 * channel (the account's own, or a brand account it manages) and binds the grant to it, so a
 * second channel of the same Google login is a second grant.
 */
const product = googleAdapter({
  id: 'youtube',
  scopes: ['https://www.googleapis.com/auth/youtube.readonly', 'https://www.googleapis.com/auth/youtube.upload'],
  async listProfiles(ctx, accessToken) {
    const body = await bearerGet(
      ctx,
      'https://www.googleapis.com/youtube/v3/channels?part=snippet&mine=true&maxResults=50',
      accessToken,
      channels,
      classifyGoogle,
    );
    if (isFailure(body)) return body;
    return body.items.map((c) => ({
      nativeId: c.id,
      kind: 'channel' as const,
      name: c.snippet.title,
      handle: c.snippet.customUrl,
      avatar: c.snippet.thumbnails?.default?.url,
      canManage: true,
    }));
  },
});

export const youtube: NetworkAdapter = { ...product, grantPerProfile: true };
