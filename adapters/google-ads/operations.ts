// One Google Ads connection's AdapterClient: lists ENABLED campaigns with GAQL, pauses and enables
// them with campaigns:mutate (partial failure on), reads them back for drift, and forecasts the
// daily operations quota. Pausing happens at CAMPAIGN level only: ad groups and ads keep their own
// statuses, so enabling the campaign again brings every child back exactly as it was.
import { checkBulk, isOutcome } from '../kit/outcomes.js';
import { paged, pagedListLive } from '../kit/pagination.js';
import type { AdapterClient, BulkSizes, Observation, Outcome } from '../types.js';
import { isCampaignId, normalizeCustomerId } from './adapter-settings.js';
import { searchCampaigns, type GoogleAdsApi } from './api.js';
import { missingObservation, snapshotSchema, toObservation } from './mappers.js';
import { campaignListing, PROBE_QUERY } from './operations-listing.js';
import { forecast, type QuotaScope } from './operations-quota.js';
import { readCampaigns } from './operations-reads.js';
import { restoreCampaigns } from './operations-restore.js';
import { applyStatusChanges, checkItem, type PlannedChange } from './operations-writes.js';

export const PLATFORM = 'google-ads';
const PROBE_TRUSTED_MS = 3_600_000;

export interface Scope {
  customerIds: readonly string[];
  bulk: BulkSizes;
  quota: Omit<QuotaScope, 'customers'>;
}

/** `session()` gives the API once an access token is in hand (the first call fetches one). */
export function googleAdsOperations(session: () => Promise<GoogleAdsApi>, scope: Scope): AdapterClient {
  const { customerIds, bulk } = scope;
  let probedAt = Number.NEGATIVE_INFINITY;
  return {
    // A probe query costs one operation of the daily quota, and the service checks credentials
    // every minute (readiness): a success is trusted for an hour (on Explorer access a probe a
    // minute would spend half the day's 2,880). A credential refused meanwhile fails the calls
    // that meet it, with their own errors.
    checkCredentials: async () => {
      const api = await session();
      const now = scope.quota.now().getTime();
      if (now - probedAt < PROBE_TRUSTED_MS) return;
      await searchCampaigns(api, customerIds[0]!, PROBE_QUERY);
      probedAt = now;
    },

    listLive: pagedListLive(PLATFORM, {
      ad: async function* (platform, kind, from) {
        const api = await session();
        yield* paged(() => campaignListing(api, customerIds))(platform, kind, from);
      },
    }),

    async suspend(items) {
      checkBulk(PLATFORM, 'suspend', items.length, bulk.suspend);
      const outcomes: Outcome[] = new Array(items.length);
      const changes: PlannedChange[] = [];
      items.forEach((item, index) => {
        const checked = checkItem(item);
        if (isOutcome(checked)) outcomes[index] = checked;
        else changes.push({ index, campaignId: item.externalId, customerId: checked.customerId, status: 'PAUSED' });
      });
      if (changes.length > 0) await applyStatusChanges(await session(), changes, outcomes);
      return outcomes;
    },

    async restore(requests) {
      checkBulk(PLATFORM, 'restore', requests.length, bulk.restore);
      return restoreCampaigns(await session(), requests);
    },

    async inspect(items) {
      checkBulk(PLATFORM, 'inspect', items.length, bulk.inspect);
      // Each campaign is read in the customer its snapshot names (else the connection's first).
      const customerOf = (snapshot: unknown): string => {
        const parsed = snapshotSchema.safeParse(snapshot);
        return (parsed.success && normalizeCustomerId(parsed.data.customerId)) || customerIds[0]!;
      };
      const refs = items.filter((i) => isCampaignId(i.externalId)).map((i) => ({ campaignId: i.externalId, customerId: customerOf(i.snapshot) }));
      const found = refs.length > 0 ? await readCampaigns(await session(), refs) : new Map();
      return items.map((item): Observation => {
        const campaign = found.get(`${customerOf(item.snapshot)}/${item.externalId}`);
        return campaign ? toObservation(campaign) : missingObservation(item.externalId);
      });
    },

    quota: async (need) => forecast(need, { ...scope.quota, customers: customerIds.length }),
  };
}
