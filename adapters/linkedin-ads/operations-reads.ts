// Reading campaigns back by id (inspect, and a restore after a possible earlier one): one
// BATCH_GET per ad account. Ids LinkedIn does not know are simply absent from the map.
import { batchGetCampaigns, type LinkedInApi } from './api.js';
import type { Campaign } from './schemas.js';
import { byAccount } from '../kit/account-batches.js';

export async function readCampaigns(api: LinkedInApi, refs: ReadonlyArray<{ id: string; accountId: string }>): Promise<Map<string, Campaign>> {
  const found = new Map<string, Campaign>();
  await Promise.all(
    [...byAccount(refs)].map(async ([accountId, group]) => {
      for (const [id, campaign] of await batchGetCampaigns(api, accountId, [...new Set(group.map((r) => r.id))])) found.set(id, campaign);
    }),
  );
  return found;
}
