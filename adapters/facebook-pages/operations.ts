// One Facebook Page connection's AdapterClient: lists the Page's scheduled posts, deletes them
// in Graph batches once their snapshots are stored, re-creates them scheduled on restore, and
// reads them back for drift. Meta offers no pause for a scheduled post (platforms.md §1.5).
import { checkBulk } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, BulkSizes, Observation } from '../types.js';
import { isPostId } from './adapter-settings.js';
import { MAX_BATCH, readPostsBatch } from './api-batch.js';
import { getPage, type GraphApi } from './api.js';
import { missingObservation, photoIdOf, toObservation } from './mappers.js';
import { digestOfPost } from './operations-photos.js';
import { scheduledPostListing, type ListScope } from './operations-listing.js';
import { restorePosts } from './operations-restore.js';
import { suspendPosts } from './operations-writes.js';

export const PLATFORM = 'facebook-pages';

/** Graph batches take at most 50 requests (batch-requests#limits). */
export const BULK: BulkSizes = { suspend: MAX_BATCH, restore: MAX_BATCH, inspect: MAX_BATCH };

export function facebookPagesOperations(api: GraphApi, scope: ListScope): AdapterClient {
  return {
    checkCredentials: () => getPage(api, scope.pageId),

    listLive: pagedListLive(PLATFORM, { post: paged(() => scheduledPostListing(api, scope)) }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, BULK.suspend);
      return suspendPosts(api, scope.pageId, items);
    },

    async restore(requests) {
      checkBulk(PLATFORM, 'restore', requests.length, BULK.restore);
      return restorePosts(api, scope, requests);
    },

    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, BULK.inspect);
      const ids = [...new Set(items.map((i) => i.externalId).filter(isPostId))];
      const results = ids.length > 0 ? await readPostsBatch(api, ids) : [];
      const found = new Map<string, Observation>();
      const now = api.client.clock.now();
      for (const [k, result] of results.entries()) {
        // A photo's content includes its image: read again, so a swapped photo shows as drift.
        if (result.ok) found.set(ids[k]!, toObservation(result.post, now, photoIdOf(result.post) ? await digestOfPost(api, result.post) : null));
        // Gone is what our delete leaves; any other failure must not pass for "gone".
        else if (result.error.code !== 'not_found') throw result.error;
      }
      return items.map((item) => found.get(item.externalId) ?? missingObservation(item.externalId));
    },
  };
}
