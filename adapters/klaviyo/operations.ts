// One Klaviyo connection's AdapterClient: list, suspend, restore, inspect. A suspend or restore
// carries one object (Klaviyo has no bulk send-job or flow update); an inspect carries 50, read
// back through list pages filtered by id (campaigns and flows apart); the kit's buckets keep each
// endpoint tier within Klaviyo's burst and steady windows.
import { AdapterError } from '../kit/adapter-error.js';
import { checkBulk, eachItem, operationFor } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import type { KlaviyoApi } from './api.js';
import { listFlows } from './api-flows.js';
import { CAPABILITIES, LIVE_FLOW } from './mappers.js';
import { inspectCampaigns, restoreCampaign, suspendCampaign } from './operations-campaigns.js';
import { inspectFlows, restoreFlow, suspendFlow } from './operations-flows.js';
import { emailListing, type ListScope } from './operations-listing.js';

const PLATFORM = 'klaviyo';
// Inspect: 50, the flows list's page maximum (a campaign batch of 50 is one list request too).
export const BULK = { suspend: 1, restore: 1, inspect: 50 } as const;

interface Operations {
  suspend(api: KlaviyoApi, item: ItemRef): Promise<Outcome>;
  restore(api: KlaviyoApi, request: RestoreRequest): Promise<Outcome>;
  inspect(api: KlaviyoApi, items: readonly ItemRef[]): Promise<Observation[]>;
}

const OPERATIONS: Readonly<Record<string, Operations>> = {
  [CAPABILITIES.campaign.objectType]: { suspend: suspendCampaign, restore: restoreCampaign, inspect: inspectCampaigns },
  [CAPABILITIES.flow.objectType]: { suspend: suspendFlow, restore: restoreFlow, inspect: inspectFlows },
};

export function klaviyoOperations(api: KlaviyoApi, scope: ListScope): AdapterClient {
  const run = (item: ItemRef, call: (ops: Operations) => Promise<Outcome>): Promise<Outcome> => {
    const ops = operationFor(PLATFORM, item, OPERATIONS);
    return 'suspend' in ops ? call(ops) : Promise.resolve(ops);
  };
  return {
    // The cheapest authenticated read there is: one flow (flows:read scope).
    checkCredentials: async () => void (await listFlows(api, { kind: 'status', status: LIVE_FLOW }, null, 1)),

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
        groups.set(ops.inspect, [...(groups.get(ops.inspect) ?? []), item]);
      }
      const seen = (await Promise.all([...groups].map(([inspect, group]) => inspect(api, group)))).flat();
      const byId = new Map(seen.map((o) => [o.externalId, o]));
      return items.map((item) => byId.get(item.externalId)!);
    },
  };
}
