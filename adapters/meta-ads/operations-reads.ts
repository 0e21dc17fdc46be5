// Reading campaigns back by id (inspect, and restore after a possible earlier restore): one
// multiple-id read per ad account, charged to it.
import { AdapterError } from '../kit/adapter-error.js';
import { readCampaign, readCampaigns, type GraphApi } from './api.js';
import type { Campaign } from './schemas.js';
import { byAccount } from '../kit/account-batches.js';

export interface CampaignRef {
  id: string;
  /** `act_…`: the ad account whose points the read costs */
  accountId: string;
}

/** The campaigns found, by id; ids Graph does not know are absent. Any other failure is thrown. */
export async function readCampaignsById(api: GraphApi, refs: readonly CampaignRef[]): Promise<Map<string, Campaign>> {
  const found = new Map<string, Campaign>();
  await Promise.all(
    [...byAccount(refs)].map(async ([accountId, group]) => {
      for (const [id, campaign] of await readAccount(api, accountId, [...new Set(group.map((r) => r.id))])) found.set(id, campaign);
    }),
  );
  return found;
}

/**
 * One multiple-id read for up to 50 ids. Graph fails the whole call when one id is unknown
 * ("Some of the aliases you requested do not exist"), so then read them one by one.
 */
async function readAccount(api: GraphApi, accountId: string, ids: string[]): Promise<Map<string, Campaign>> {
  const found = new Map<string, Campaign>();
  try {
    const byId = await readCampaigns(api, accountId, ids);
    for (const id of ids) if (byId[id]) found.set(id, byId[id]);
    return found;
  } catch (error) {
    if (!(error instanceof AdapterError) || error.code !== 'not_found') throw error;
  }
  const singles = await Promise.all(
    ids.map((id) =>
      readCampaign(api, accountId, id).catch((error: unknown) => {
        if (error instanceof AdapterError && error.code === 'not_found') return null;
        throw error;
      }),
    ),
  );
  singles.forEach((campaign, i) => campaign && found.set(ids[i]!, campaign));
  return found;
}
