// One Hootsuite connection's AdapterClient: list, suspend (delete), restore (re-create), inspect.
// Hootsuite has no bulk endpoint, so each call carries one message (`bulk` 1) and the core runs
// `concurrency` calls side by side; the kit's buckets keep them within Hootsuite's limits.
import { checkBulk, eachItem, ok, operationFor, refused } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, ItemRef, Observation, Outcome } from '../types.js';
import { deleteMessage, retrieveMe, retrieveMessage, type HootsuiteApi } from './api.js';
import { DELETED_STATUS, notFoundObservation, OBJECT_TYPE, snapshotSchema, toObservation } from './mappers.js';
import { messageListing, type ListScope } from './operations-listing.js';
import { restoreMessage } from './operations-restore.js';

const PLATFORM = 'hootsuite';
export const BULK = { suspend: 1, restore: 1, inspect: 1 } as const;

export function hootsuiteOperations(api: HootsuiteApi, scope: ListScope): AdapterClient {
  return {
    checkCredentials: () => retrieveMe(api),

    listLive: pagedListLive(PLATFORM, { post: paged(() => messageListing(api, scope)) }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, BULK.suspend);
      return eachItem(items, (item) => run(item, { [OBJECT_TYPE]: () => suspendMessage(api, item) }));
    },

    async restore(items) {
      checkBulk(PLATFORM, 'restore', items.length, BULK.restore);
      return eachItem(items, (item) => run(item, { [OBJECT_TYPE]: () => restoreMessage(api, item) }));
    },

    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, BULK.inspect);
      const observations: Observation[] = [];
      for (const item of items) {
        const message = await retrieveMessage(api, item.externalId);
        observations.push(message ? toObservation(message) : notFoundObservation(item.externalId));
      }
      return observations;
    },
  };
}

function run(item: ItemRef, operations: Record<string, () => Promise<Outcome>>): Promise<Outcome> {
  const operation = operationFor(PLATFORM, item, operations);
  return typeof operation === 'function' ? operation() : Promise.resolve(operation);
}

async function suspendMessage(api: HootsuiteApi, item: ItemRef): Promise<Outcome> {
  // Guard for invariant 9: DELETE cannot be undone on Hootsuite, so refuse unless we hold a
  // snapshot we can re-create this very message from.
  const snapshot = snapshotSchema.safeParse(item.snapshot);
  if (!snapshot.success || snapshot.data.messageId !== item.externalId) {
    return refused(item.externalId, `suspend ${item.externalId}: no usable snapshot of this message, refusing to delete it`);
  }
  // 40003 (already sending or sent) comes back as invalid_state, 4001 as not_found: thrown,
  // and made the item's outcome by eachItem.
  await deleteMessage(api, item.externalId);
  return ok(item.externalId, DELETED_STATUS);
}
