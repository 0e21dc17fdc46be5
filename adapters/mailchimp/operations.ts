// One Mailchimp connection's AdapterClient: list, suspend, restore, inspect. Each call carries one
// object (`bulk` 1: Mailchimp's /batches is asynchronous and cannot give per-item outcomes within
// one call); each object type has its own operations; the kit's in-flight bucket keeps the
// connection under Mailchimp's 10 simultaneous connections.
import { AdapterError } from '../kit/adapter-error.js';
import { checkBulk, eachItem, operationFor } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import { ping, type MailchimpApi } from './api.js';
import { CAPABILITIES } from './mappers.js';
import { inspectAutomation, restoreAutomation, suspendAutomation } from './operations-automations.js';
import { inspectCampaign, restoreCampaign, restoreRssCampaign, suspendCampaign, suspendRssCampaign } from './operations-campaigns.js';
import { emailListing, type ListScope } from './operations-listing.js';

const PLATFORM = 'mailchimp';
export const BULK = { suspend: 1, restore: 1, inspect: 1 } as const;

interface Operations {
  suspend(api: MailchimpApi, item: ItemRef): Promise<Outcome>;
  restore(api: MailchimpApi, request: RestoreRequest): Promise<Outcome>;
  inspect(api: MailchimpApi, item: ItemRef): Promise<Observation>;
}

const OPERATIONS: Readonly<Record<string, Operations>> = {
  [CAPABILITIES.campaign.objectType]: { suspend: suspendCampaign, restore: restoreCampaign, inspect: (a, item) => inspectCampaign(a, item.externalId) },
  [CAPABILITIES.rss.objectType]: { suspend: suspendRssCampaign, restore: restoreRssCampaign, inspect: (a, item) => inspectCampaign(a, item.externalId) },
  [CAPABILITIES.automation.objectType]: { suspend: suspendAutomation, restore: restoreAutomation, inspect: inspectAutomation },
};

export function mailchimpOperations(api: MailchimpApi, scope: ListScope): AdapterClient {
  // The operations for the item's object type, or its refusal as the outcome.
  const run = (item: ItemRef, call: (ops: Operations) => Promise<Outcome>): Promise<Outcome> => {
    const ops = operationFor(PLATFORM, item, OPERATIONS);
    return 'suspend' in ops ? call(ops) : Promise.resolve(ops);
  };
  return {
    checkCredentials: () => ping(api),

    listLive: pagedListLive(PLATFORM, { email: paged(() => emailListing(api, scope)) }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, BULK.suspend);
      return eachItem(items, (item) => run(item, (ops) => ops.suspend(api, item)));
    },

    async restore(items) {
      checkBulk(PLATFORM, 'restore', items.length, BULK.restore);
      return eachItem(items, (item) => run(item, (ops) => ops.restore(api, item)));
    },

    // An observation cannot carry an error: inspect failures are whole-call failures.
    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, BULK.inspect);
      return Promise.all(
        items.map((item) => {
          const ops = operationFor(PLATFORM, item, OPERATIONS);
          if (!('inspect' in ops)) throw new AdapterError(ops.kind === 'error' ? ops.error : { code: 'invalid_request', message: 'unknown object type', retryable: false, ambiguous: false });
          return ops.inspect(api, item);
        }),
      );
    },
  };
}
