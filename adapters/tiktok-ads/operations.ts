// One TikTok ads connection's AdapterClient: lists enabled campaigns, switches them DISABLE and
// back to ENABLE (20 ids a call), and reads them back for drift. Only campaigns are touched: ad
// groups and ads keep their own switches, and a campaign switched back on delivers exactly the
// ad groups and ads that were on before.
// https://business-api.tiktok.com/portal/docs?id=1739320994354178
import { checkBulk, isOutcome, refused } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { VendorClient } from '../kit/vendor-client.js';
import type { AdapterClient, ItemRef, Observation, Outcome } from '../types.js';
import { isTiktokId } from './adapter-settings.js';
import { getCampaigns } from './api.js';
import { isWritableStatus, missingObservation, snapshotSchema, toObservation, type WritableStatus } from './mappers.js';
import { campaignListing, type ListScope } from './operations-listing.js';
import { readCampaignsById } from './operations-reads.js';
import { applyStatusChanges, checkItem, type PlannedChange } from './operations-writes.js';

export const PLATFORM = 'tiktok-ads';
export const BULK = { suspend: 20, restore: 20, inspect: 100 } as const;

export function tiktokAdsOperations(api: VendorClient, scope: ListScope): AdapterClient {
  const write = async (items: readonly ItemRef[], target: (snapshotStatus: string, id: string) => WritableStatus | Outcome): Promise<Outcome[]> => {
    const outcomes: Outcome[] = new Array(items.length);
    const changes: PlannedChange[] = [];
    items.forEach((item, index) => {
      const checked = checkItem(item);
      if (isOutcome(checked)) return void (outcomes[index] = checked);
      const status = target(checked.snapshot.operationStatus, item.externalId);
      if (isOutcome(status)) outcomes[index] = status;
      else changes.push({ index, id: item.externalId, advertiserId: checked.snapshot.advertiserId, status });
    });
    await applyStatusChanges(api, changes, outcomes);
    return outcomes;
  };

  return {
    // The cheapest authenticated call: one campaign of the first advertiser.
    checkCredentials: async () => {
      await getCampaigns(api, scope.advertiserIds[0]!, { page: 1, pageSize: 1, filtering: { primary_status: 'STATUS_NOT_DELETE' } });
    },

    listLive: pagedListLive(PLATFORM, { ad: paged(() => campaignListing(api, scope)) }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, BULK.suspend);
      return write(items, () => 'DISABLE');
    },

    async restore(requests) {
      checkBulk(PLATFORM, 'restore', requests.length, BULK.restore);
      // Invariant 9: only ENABLE or DISABLE is ever written back (only ENABLE campaigns are listed).
      return write(requests, (status, id) => (isWritableStatus(status) ? status : refused(id, `snapshot status ${status} is never written`)));
    },

    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, BULK.inspect);
      const advertiserOf = (snapshot: unknown): string => {
        const parsed = snapshotSchema.safeParse(snapshot);
        return parsed.success && isTiktokId(parsed.data.advertiserId) ? parsed.data.advertiserId : scope.advertiserIds[0]!;
      };
      const refs = items.filter((i) => isTiktokId(i.externalId)).map((i) => ({ id: i.externalId, advertiserId: advertiserOf(i.snapshot) }));
      const found = await readCampaignsById(api, refs);
      return items.map((item): Observation => {
        const campaign = found.get(item.externalId);
        return campaign ? toObservation(campaign) : missingObservation(item.externalId);
      });
    },
  };
}
