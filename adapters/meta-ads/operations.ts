// One Meta ads connection's AdapterClient: lists live campaigns, pauses and re-activates them in
// Graph batches, and reads them back for drift. Pausing happens at CAMPAIGN level only: ad sets
// and ads inherit a paused campaign's effective state without their own status changing, so
// setting the campaign back to ACTIVE restores every child exactly as it was.
// https://developers.facebook.com/documentation/ads-commerce/marketing-api/get-started/manage-campaigns
import { checkBulk, isOutcome } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, BulkSizes, Observation, Outcome } from '../types.js';
import { isGraphId, normalizeAccountId } from './adapter-settings.js';
import { getAdAccount, type GraphApi } from './api.js';
import { missingObservation, snapshotSchema, toObservation } from './mappers.js';
import { campaignListing, type ListScope } from './operations-listing.js';
import { readCampaignsById } from './operations-reads.js';
import { restoreCampaigns } from './operations-restore.js';
import { applyStatusChanges, checkItem, type PlannedChange } from './operations-writes.js';

export const PLATFORM = 'meta-ads';

export interface Scope extends ListScope {
  /** the connection's bulk sizes (they follow its access tier) */
  bulk: BulkSizes;
}

export function metaAdsOperations(api: GraphApi, scope: Scope): AdapterClient {
  return {
    checkCredentials: () => getAdAccount(api, scope.accountIds[0]!),

    listLive: pagedListLive(PLATFORM, { ad: paged(() => campaignListing(api, scope)) }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, scope.bulk.suspend);
      const outcomes: Outcome[] = new Array(items.length);
      const changes: PlannedChange[] = [];
      items.forEach((item, index) => {
        const checked = checkItem(item);
        if (isOutcome(checked)) outcomes[index] = checked;
        else changes.push({ index, id: item.externalId, accountId: checked.accountId, status: 'PAUSED' });
      });
      await applyStatusChanges(api, changes, outcomes);
      return outcomes;
    },

    async restore(requests) {
      checkBulk(PLATFORM, 'restore', requests.length, scope.bulk.restore);
      return restoreCampaigns(api, requests);
    },

    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, scope.bulk.inspect);
      // Each read is charged to the campaign's ad account, as its snapshot says (else the first).
      const accountOf = (snapshot: unknown) => {
        const parsed = snapshotSchema.safeParse(snapshot);
        return (parsed.success && normalizeAccountId(parsed.data.accountId)) || scope.accountIds[0]!;
      };
      const refs = items.filter((i) => isGraphId(i.externalId)).map((i) => ({ id: i.externalId, accountId: accountOf(i.snapshot) }));
      const found = await readCampaignsById(api, refs);
      const now = api.client.clock.now();
      return items.map((item): Observation => {
        const campaign = found.get(item.externalId);
        return campaign ? toObservation(campaign, now) : missingObservation(item.externalId);
      });
    },
  };
}
