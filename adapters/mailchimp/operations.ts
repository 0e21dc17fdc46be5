// One Mailchimp connection's AdapterClient: list, suspend, restore, inspect. A suspend or restore
// carries one object (`bulk` 1: Mailchimp's /batches is asynchronous and cannot give per-item
// outcomes within one call); an inspect carries hundreds, since campaigns are read back through
// list pages (operations-inspect.ts); each object type has its own operations; the kit's in-flight
// bucket keeps the connection under Mailchimp's 10 simultaneous connections.
import { byObjectType, type ObjectOperations } from '../kit/object-operations.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, ItemRef } from '../types.js';
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

const inspectEachCampaign = (api: MailchimpApi, items: readonly ItemRef[]) => inspectCampaigns(api, items.map((i) => i.externalId));
const inspectEachAutomation = (api: MailchimpApi, items: readonly ItemRef[]) => Promise.all(items.map((i) => inspectAutomation(api, i)));

const OPERATIONS: Readonly<Record<string, ObjectOperations<MailchimpApi>>> = {
  // One-off and RSS campaigns are read back together: the same list pages show both.
  [CAPABILITIES.campaign.objectType]: { suspend: suspendCampaign, restore: restoreCampaign, inspect: inspectEachCampaign },
  [CAPABILITIES.rss.objectType]: { suspend: suspendRssCampaign, restore: restoreRssCampaign, inspect: inspectEachCampaign },
  [CAPABILITIES.automation.objectType]: { suspend: suspendAutomation, restore: restoreAutomation, inspect: inspectEachAutomation },
};

export function mailchimpOperations(api: MailchimpApi, scope: ListScope): AdapterClient {
  return {
    checkCredentials: () => ping(api),

    listLive: pagedListLive(PLATFORM, { email: paged(() => emailListing(api, scope)) }),
    ...byObjectType(PLATFORM, api, OPERATIONS, BULK),
  };
}
