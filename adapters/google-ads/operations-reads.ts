// Reading campaigns back by id (inspect, and a restore that may already have happened): one GAQL
// query per customer for up to 1,000 ids, one operation each, pages followed to the end.
import { searchCampaigns, type GoogleAdsApi } from './api.js';
import { campaignIdOf } from './mappers.js';
import { byIdsQuery } from './operations-listing.js';
import type { Campaign } from './schemas.js';

export interface CampaignRef {
  campaignId: string;
  customerId: string;
}

/** The campaigns found, keyed `customerId/campaignId`; ids Google does not return are absent. */
export async function readCampaigns(api: GoogleAdsApi, refs: readonly CampaignRef[]): Promise<Map<string, Campaign>> {
  const found = new Map<string, Campaign>();
  await Promise.all(
    [...byCustomer(refs)].map(async ([customerId, group]) => {
      const query = byIdsQuery([...new Set(group.map((r) => r.campaignId))]);
      let pageToken: string | undefined;
      do {
        const page = await searchCampaigns(api, customerId, query, pageToken);
        for (const row of page.results ?? []) if (row.campaign) found.set(`${customerId}/${campaignIdOf(row.campaign)}`, row.campaign);
        pageToken = page.nextPageToken || undefined;
      } while (pageToken);
    }),
  );
  return found;
}

export function byCustomer<T extends { customerId: string }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) groups.set(entry.customerId, [...(groups.get(entry.customerId) ?? []), entry]);
  return groups;
}
