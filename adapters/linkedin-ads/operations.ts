// One LinkedIn ads connection's AdapterClient: lists ACTIVE campaigns, pauses and re-activates
// them with Rest.li BATCH_PARTIAL_UPDATE (same id), and reads them back with BATCH_GET for drift.
// Campaign level only: creatives are untouched, so re-activating a campaign brings back exactly
// the creatives that were serving, and what people paused stays paused.
import { checkBulk, isOutcome } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, BulkSizes, Observation, Outcome } from '../types.js';
import { isCampaignId } from './adapter-settings.js';
import { getAdAccount, type LinkedInApi } from './api.js';
import { missingObservation, snapshotSchema, toObservation } from './mappers.js';
import { campaignListing, type ListScope } from './operations-listing.js';
import { readCampaigns } from './operations-reads.js';
import { restoreCampaigns } from './operations-restore.js';
import { applyStatusChanges, checkItem, type PlannedChange } from './operations-writes.js';

export const PLATFORM = 'linkedin-ads';

export function linkedInAdsOperations(api: LinkedInApi, scope: ListScope & { bulk: BulkSizes }): AdapterClient {
  const accounts = new Set(scope.accountIds);
  return {
    checkCredentials: () => getAdAccount(api, scope.accountIds[0]!),

    listLive: pagedListLive(PLATFORM, { ad: paged(() => campaignListing(api, scope)) }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, scope.bulk.suspend);
      const outcomes: Outcome[] = new Array(items.length);
      const changes: PlannedChange[] = [];
      items.forEach((item, index) => {
        const snapshot = checkItem(item, accounts);
        if (isOutcome(snapshot)) outcomes[index] = snapshot;
        // PAUSED again on a paused campaign is a no-op: a retried suspend is safe.
        else changes.push({ index, id: item.externalId, accountId: snapshot.accountId, status: 'PAUSED' });
      });
      await applyStatusChanges(api, changes, outcomes);
      return outcomes;
    },

    async restore(requests) {
      checkBulk(PLATFORM, 'restore', requests.length, scope.bulk.restore);
      return restoreCampaigns(api, accounts, requests);
    },

    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, scope.bulk.inspect);
      const refs = items.flatMap((item) => {
        const snapshot = snapshotSchema.safeParse(item.snapshot);
        const accountId = snapshot.success && accounts.has(snapshot.data.accountId) ? snapshot.data.accountId : scope.accountIds[0]!;
        return isCampaignId(item.externalId) ? [{ id: item.externalId, accountId }] : [];
      });
      const found = refs.length > 0 ? await readCampaigns(api, refs) : new Map();
      const now = api.client.clock.now();
      return items.map((item): Observation => {
        const campaign = found.get(item.externalId);
        return campaign ? toObservation(campaign, now) : missingObservation(item.externalId);
      });
    },
  };
}
