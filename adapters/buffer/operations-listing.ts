// Listing live posts: per organization, first its channels (a queue people paused does not
// publish: its posts are theirs to hold, never ours), then `posts` filtered to status
// `scheduled`, oldest due first, following `pageInfo.endCursor`. A page's `next` says which
// organization, which paused queues and which Buffer cursor, so a listing goes on from any page.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { readAccount, readChannels, readPosts, type BufferApi } from './api.js';
import { LIVE_STATUS, toLiveItem } from './mappers.js';

export interface ListScope {
  /** organization ids; empty: every organization the key can see (one `account` read) */
  organizationIds: readonly string[];
  channelIds: readonly string[];
  pageSize: number;
}

const positionSchema = z.object({
  /** null until the account's organizations are read */
  orgs: z.array(z.string()).nullable(),
  org: z.number().int().min(0),
  /** channels of this organization whose queue is paused; null until read */
  paused: z.array(z.string()).nullable(),
  /** Buffer's cursor (opaque) */
  after: z.string().nullable(),
});
export type ListingPosition = z.infer<typeof positionSchema>;

export function postListing(api: BufferApi, scope: ListScope): PagedListing<ListingPosition> {
  return {
    position: positionSchema,
    first: () => ({ orgs: scope.organizationIds.length > 0 ? [...scope.organizationIds] : null, org: 0, paused: null, after: null }),
    cursorOf: (p) => (p.orgs === null ? 'account' : `${p.org}:${p.paused === null ? 'channels' : (p.after ?? '')}`),
    async fetch(position) {
      if (position.orgs === null) {
        const orgs = await readAccount(api);
        return { items: [], next: orgs.length > 0 ? { orgs, org: 0, paused: null, after: null } : null };
      }
      const organizationId = position.orgs[position.org];
      if (organizationId === undefined) return { items: [], next: null };
      const paused = position.paused ?? (await readChannels(api, organizationId)).filter((c) => c.isQueuePaused).map((c) => c.id);
      const page = await readPosts(api, { organizationId, status: [LIVE_STATUS], channelIds: scope.channelIds, first: scope.pageSize, after: position.after });
      const held = new Set(paused);
      const items = page.posts.filter((p) => p.status === LIVE_STATUS && !held.has(p.channelId)).map((p) => toLiveItem(p, organizationId));
      const next: ListingPosition | null =
        page.next !== null
          ? { ...position, paused, after: page.next }
          : position.org + 1 < position.orgs.length
            ? { orgs: position.orgs, org: position.org + 1, paused: null, after: null }
            : null;
      return { items, next };
    },
  };
}
