// Reading campaigns back by id (inspect, and the read-back after a refused or repeated write):
// /campaign/get/ filtered on the ids, deleted campaigns included (STATUS_ALL), 100 ids a call.
import type { VendorClient } from '../kit/vendor-client.js';
import { getCampaigns, MAX_FILTER_IDS } from './api.js';
import type { Campaign } from './schemas.js';

export interface CampaignRef {
  id: string;
  advertiserId: string;
}

/** The campaigns found, by id; ids TikTok does not know are absent. Failures are thrown. */
export async function readCampaignsById(api: VendorClient, refs: readonly CampaignRef[]): Promise<Map<string, Campaign>> {
  const found = new Map<string, Campaign>();
  for (const [advertiserId, group] of byAdvertiser(refs)) {
    const ids = [...new Set(group.map((r) => r.id))];
    for (let i = 0; i < ids.length; i += MAX_FILTER_IDS) {
      const chunk = ids.slice(i, i + MAX_FILTER_IDS);
      const page = await getCampaigns(api, advertiserId, { page: 1, pageSize: chunk.length, filtering: { campaign_ids: chunk, primary_status: 'STATUS_ALL' } });
      for (const campaign of page.list ?? []) if (chunk.includes(campaign.campaign_id)) found.set(campaign.campaign_id, campaign);
    }
  }
  return found;
}

export function byAdvertiser<T extends { advertiserId: string }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) groups.set(entry.advertiserId, [...(groups.get(entry.advertiserId) ?? []), entry]);
  return groups;
}
