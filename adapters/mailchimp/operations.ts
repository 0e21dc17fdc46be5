// One Mailchimp connection's AdapterClient: list, suspend, restore, inspect. A suspend or restore
// carries one object (`bulk` 1: Mailchimp's /batches is asynchronous and cannot give per-item
// outcomes within one call); an inspect carries hundreds, since campaigns are read back through
// list pages (operations-inspect.ts); each object type has its own operations; the kit's in-flight
// bucket keeps the connection under Mailchimp's 10 simultaneous connections.
import { AdapterError } from '../kit/adapter-error.js';
import { checkBulk, eachItem, operationFor } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import { ping, type MailchimpApi } from './api.js';
import { CAPABILITIES } from './mappers.js';
import { inspectAutomation, restoreAutomation, suspendAutomation } from './operations-automations.js';
import { restoreCampaign, restoreRssCampaign, suspendCampaign, suspendRssCampaign } from './operations-campaigns.js';
import { inspectCampaigns } from './operations-inspect.js';
import { emailListing, type ListScope } from './operations-listing.js';

const PLATFORM = 'mailchimp';
// Inspect: two pages of 250 describe 500 suspended campaigns; a failed page fails the call, which
// the core retries whole, so not thousands.
export const BULK = { suspend: 1, restore: 1, inspect: 500 } as const;

interface Operations {
  suspend(api: MailchimpApi, item: ItemRef): Promise<Outcome>;
  restore(api: MailchimpApi, request: RestoreRequest): Promise<Outcome>;
  /** observations of several objects of the types that share this function, in their order */
  inspect(api: MailchimpApi, items: readonly ItemRef[]): Promise<Observation[]>;
}

const inspectEachCampaign = (api: MailchimpApi, items: readonly ItemRef[]) => inspectCampaigns(api, items.map((i) => i.externalId));
const inspectEachAutomation = (api: MailchimpApi, items: readonly ItemRef[]) => Promise.all(items.map((i) => inspectAutomation(api, i)));

const OPERATIONS: Readonly<Record<string, Operations>> = {
  // One-off and RSS campaigns are read back together: the same list pages show both.
  [CAPABILITIES.campaign.objectType]: { suspend: suspendCampaign, restore: restoreCampaign, inspect: inspectEachCampaign },
  [CAPABILITIES.rss.objectType]: { suspend: suspendRssCampaign, restore: restoreRssCampaign, inspect: inspectEachCampaign },
  [CAPABILITIES.automation.objectType]: { suspend: suspendAutomation, restore: restoreAutomation, inspect: inspectEachAutomation },
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
      const groups = new Map<Operations['inspect'], ItemRef[]>();
      for (const item of items) {
        const ops = operationFor(PLATFORM, item, OPERATIONS);
        if (!('inspect' in ops)) throw new AdapterError(ops.kind === 'error' ? ops.error : { code: 'invalid_request', message: 'unknown object type', retryable: false, ambiguous: false });
        const group = groups.get(ops.inspect);
        if (group) group.push(item);
        else groups.set(ops.inspect, [item]);
      }
      const seen = (await Promise.all([...groups].map(([inspect, group]) => inspect(api, group)))).flat();
      const byId = new Map(seen.map((o) => [o.externalId, o]));
      return items.map((item) => byId.get(item.externalId)!);
    },
  };
}
