// Listing scheduled posts: the Page's `scheduled_posts` edge, following its cursor (not the
// `next` URL) while Graph says there is a next page. A page's `next` holds the cursor, so a
// listing resumes from any page.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { listScheduledPosts, type GraphApi } from './api.js';
import type { LiveItem } from '../types.js';
import { statusOf, toLiveItem } from './mappers.js';
import { imageOfPost } from './operations-photos.js';
import type { Post } from './schemas.js';

export interface ListScope {
  pageId: string;
  pageSize: number;
}

type Position = { after: string | null };

export function scheduledPostListing(api: GraphApi, scope: ListScope): PagedListing<Position> {
  return {
    position: z.object({ after: z.string().nullable() }),
    first: () => ({ after: null }),
    cursorOf: (p) => p.after ?? '',
    async fetch({ after }) {
      const page = await listScheduledPosts(api, scope.pageId, { limit: scope.pageSize, after: after ?? undefined });
      const now = api.client.clock.now();
      // The edge lists what is scheduled; one whose time passed while we read is going out now.
      const items: LiveItem[] = [];
      for (const post of page.data.filter((p) => statusOf(p, now) === 'SCHEDULED')) {
        // One photo at a time: a Page schedules few, and each is a Graph read and a CDN fetch.
        const photo = post.attachments?.data[0]?.type === 'photo' ? await imageOfPost(api, post) : undefined;
        items.push(toLiveItem(post, scope.pageId, now, photo));
      }
      const nextAfter = page.paging?.next ? page.paging.cursors?.after : undefined;
      return { items, next: nextAfter !== undefined ? { after: nextAfter } : null };
    },
  };
}

/** Every scheduled post of the Page, page by page, until `stop` says it found what it looked for. */
export async function findScheduled(api: GraphApi, scope: ListScope, stop: (post: Post) => boolean): Promise<Post | null> {
  let after: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await listScheduledPosts(api, scope.pageId, { limit: 100, after });
    const found = page.data.find(stop);
    if (found) return found;
    const next = page.paging?.next ? page.paging.cursors?.after : undefined;
    if (next === undefined || seen.has(next)) return null;
    seen.add(next);
    after = next;
  }
}
