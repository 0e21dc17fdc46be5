// One SendGrid connection's AdapterClient: list, suspend, restore, inspect. Every write is one
// request per Single Send (SendGrid has no bulk schedule endpoint); the items of a batch go in
// parallel and the kit's buckets keep them within SendGrid's rate limit.
import { checkBulk, eachItem, operationFor } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import { listSingleSends, type SendGridApi } from './api.js';
import { CAPABILITY, notFound, toObservation } from './mappers.js';
import { readIfThere, singleSendListing, type ListScope } from './operations-listing.js';
import { restoreSingleSend, suspendSingleSend } from './operations-writes.js';

const PLATFORM = 'sendgrid';
// Inspect reads each Single Send (its content is on no list page): 50 reads, paced.
export const BULK = { suspend: 5, restore: 5, inspect: 50 } as const;

interface Operations {
  suspend(api: SendGridApi, item: ItemRef): Promise<Outcome>;
  restore(api: SendGridApi, request: RestoreRequest): Promise<Outcome>;
}

const OPERATIONS: Readonly<Record<string, Operations>> = {
  [CAPABILITY.objectType]: { suspend: suspendSingleSend, restore: restoreSingleSend },
};

export function sendgridOperations(api: SendGridApi, scope: ListScope): AdapterClient {
  const run = (item: ItemRef, call: (ops: Operations) => Promise<Outcome>): Promise<Outcome> => {
    const ops = operationFor(PLATFORM, item, OPERATIONS);
    return 'suspend' in ops ? call(ops) : Promise.resolve(ops);
  };
  return {
    // The cheapest authenticated call: one Single Send of any status.
    checkCredentials: async () => {
      await listSingleSends(api, { pageSize: 1 });
    },

    listLive: pagedListLive(PLATFORM, { email: paged(() => singleSendListing(api, scope)) }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, BULK.suspend);
      return eachItem(items, (item) => run(item, (ops) => ops.suspend(api, item)), { inParallel: true });
    },

    async restore(items) {
      checkBulk(PLATFORM, 'restore', items.length, BULK.restore);
      return eachItem(items, (item) => run(item, (ops) => ops.restore(api, item)), { inParallel: true });
    },

    // An observation cannot carry an error: a failed read fails the whole call, which the core retries.
    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, BULK.inspect);
      return Promise.all(
        items.map(async (item): Promise<Observation> => {
          const current = await readIfThere(api, item.externalId);
          return current ? toObservation(current) : notFound(item.externalId);
        }),
      );
    },
  };
}
