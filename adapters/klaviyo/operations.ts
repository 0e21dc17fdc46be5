// One Klaviyo connection's AdapterClient: list, suspend, restore, inspect. A suspend or restore
// carries one object (Klaviyo has no bulk send-job or flow update); an inspect carries 50, read
// back through list pages filtered by id (campaigns and flows apart); the kit's buckets keep each
// endpoint tier within Klaviyo's burst and steady windows.
import { byObjectType, type ObjectOperations } from '../kit/object-operations.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient } from '../types.js';
import type { KlaviyoApi } from './api.js';
import { listFlows } from './api-flows.js';
import { CAPABILITIES, LIVE_FLOW } from './mappers.js';
import { inspectCampaigns, restoreCampaign, suspendCampaign } from './operations-campaigns.js';
import { inspectFlows, restoreFlow, suspendFlow } from './operations-flows.js';
import { emailListing, type ListScope } from './operations-listing.js';

const PLATFORM = 'klaviyo';
// Inspect: 50, the flows list's page maximum (a campaign batch of 50 is one list request too).
export const BULK = { suspend: 1, restore: 1, inspect: 50 } as const;

const OPERATIONS: Readonly<Record<string, ObjectOperations<KlaviyoApi>>> = {
  [CAPABILITIES.campaign.objectType]: { suspend: suspendCampaign, restore: restoreCampaign, inspect: inspectCampaigns },
  [CAPABILITIES.flow.objectType]: { suspend: suspendFlow, restore: restoreFlow, inspect: inspectFlows },
};

export function klaviyoOperations(api: KlaviyoApi, scope: ListScope): AdapterClient {
  return {
    // The cheapest authenticated read there is: one flow (flows:read scope).
    checkCredentials: async () => void (await listFlows(api, { kind: 'status', status: LIVE_FLOW }, null, 1)),

    listLive: pagedListLive(PLATFORM, { email: paged(() => emailListing(api, scope)) }),
    ...byObjectType(PLATFORM, api, OPERATIONS, BULK),
  };
}
