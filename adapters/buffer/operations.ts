// One Buffer connection's AdapterClient: list, suspend (delete), restore (re-create), inspect, and
// the quota forecast. Writes and reads of several posts go as one GraphQL document of aliased
// fields (≤ 30 aliases a query): a request is what Buffer's quotas count, so each carries 25 posts.
import { AdapterError } from '../kit/adapter-error.js';
import { checkBulk, failed, ok, refused } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, ItemRef, Outcome } from '../types.js';
import { deletePosts, readAccount, readPostsById, type BufferApi } from './api.js';
import { DELETED_STATUS, notFoundObservation, OBJECT_TYPE, snapshotSchema, toObservation } from './mappers.js';
import { postListing, type ListScope } from './operations-listing.js';
import { forecastQuota, type QuotaScope } from './operations-quota.js';
import { restorePosts } from './operations-restore.js';
import type { Payload } from './schemas.js';

export const PLATFORM = 'buffer';
export const BULK = { suspend: 25, restore: 25, inspect: 25 } as const;
/**
 * The core checks credentials every minute for readiness probes: asked of Buffer each time, that
 * alone would be 1,440 requests a day against a daily quota of 100 to 500. Any answered request
 * proves the key works, so Buffer is asked at most once an hour while calls succeed.
 */
export const CREDENTIALS_FRESH_MS = 60 * 60_000;

export function bufferOperations(raw: BufferApi, scope: ListScope & QuotaScope): AdapterClient {
  let answeredAt = Number.NEGATIVE_INFINITY;
  const api: BufferApi = {
    ...raw,
    async json(request, schema) {
      try {
        const body = await raw.json(request, schema);
        answeredAt = raw.clock.now().getTime();
        return body;
      } catch (error) {
        // A refused key is news: the next check asks Buffer again.
        if (error instanceof AdapterError && error.code === 'unauthorized') answeredAt = Number.NEGATIVE_INFINITY;
        throw error;
      }
    },
  };
  return {
    async checkCredentials() {
      if (raw.clock.now().getTime() - answeredAt < CREDENTIALS_FRESH_MS) return;
      await readAccount(api);
    },

    listLive: pagedListLive(PLATFORM, { post: paged(() => postListing(api, scope)) }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, BULK.suspend);
      return suspendPosts(api, items);
    },

    async restore(items) {
      checkBulk(PLATFORM, 'restore', items.length, BULK.restore);
      const wrongType = items.filter((i) => i.objectType !== OBJECT_TYPE);
      const outcomes = await restorePosts(api, items.filter((i) => i.objectType === OBJECT_TYPE));
      return [...outcomes, ...wrongType.map((i) => refused(i.externalId, `buffer does not handle a "${i.objectType}" (it handles post)`))];
    },

    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, BULK.inspect);
      if (items.length === 0) return [];
      const found = await readPostsById(api, items.map((i) => i.externalId));
      return items.map((i) => {
        const post = found.get(i.externalId);
        return post ? toObservation(post) : notFoundObservation(i.externalId);
      });
    },

    quota: async (need) => forecastQuota(api, scope, need),
  };
}

async function suspendPosts(api: BufferApi, items: readonly ItemRef[]): Promise<Outcome[]> {
  const outcomes = new Map<string, Outcome>();
  const deletable: string[] = [];
  for (const item of items) {
    // Guard for invariant 9: deletePost cannot be undone, so refuse unless we hold a snapshot
    // that re-creates this very post exactly.
    const snapshot = snapshotSchema.safeParse(item.snapshot);
    if (item.objectType !== OBJECT_TYPE || !snapshot.success || snapshot.data.postId !== item.externalId) {
      outcomes.set(item.externalId, refused(item.externalId, `suspend ${item.externalId}: no usable snapshot of this post, refusing to delete it`));
    } else if (snapshot.data.unsupported !== null) {
      outcomes.set(item.externalId, refused(item.externalId, `suspend ${item.externalId}: Buffer could not re-create it exactly (${snapshot.data.unsupported}); left in place for a person to hold by hand`, 'invalid_state'));
    } else deletable.push(item.externalId);
  }
  if (deletable.length > 0) {
    try {
      const payloads = await deletePosts(api, deletable);
      deletable.forEach((id, i) => outcomes.set(id, deleteOutcome(api, id, payloads[i]!)));
    } catch (error) {
      for (const id of deletable) outcomes.set(id, failed(id, error));
    }
  }
  return items.map((i) => outcomes.get(i.externalId)!);
}

/** DeletePostPayload: DeletePostSuccess, or VoidMutationError {message}. */
function deleteOutcome(api: BufferApi, id: string, payload: Payload): Outcome {
  if (payload.__typename === 'DeletePostSuccess') return ok(id, DELETED_STATUS);
  const message = payload.message ?? 'no message';
  const code = /not found|does not exist/i.test(message) ? 'not_found' : 'invalid_state';
  return failed(id, new AdapterError({ code, message: api.scrub(`POST / DeletePosts: Buffer ${payload.__typename}: ${message}`), retryable: false, ambiguous: false, vendorCode: payload.__typename }));
}
