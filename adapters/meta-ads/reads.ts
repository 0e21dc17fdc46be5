// Reading campaigns back by id (inspect, and restore after a possible earlier restore).
import { AdapterError } from '../kit/adapter-error.js';
import { readCampaign, readCampaigns, type GraphApi } from './api.js';
import type { Campaign } from './schemas.js';

/**
 * One multiple-id read for up to 50 ids. Graph fails the whole call when one id is unknown
 * ("Some of the aliases you requested do not exist"), so then read them one by one; ids that
 * are not found are simply absent from the result. Any other failure is the caller's.
 */
export async function readCampaignsById(api: GraphApi, ids: readonly string[]): Promise<Map<string, Campaign>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, Campaign>();
  if (unique.length === 0) return found;
  try {
    const byId = await readCampaigns(api, unique);
    for (const id of unique) {
      const campaign = byId[id];
      if (campaign) found.set(id, campaign);
    }
    return found;
  } catch (error) {
    if (!(error instanceof AdapterError) || error.code !== 'not_found') throw error;
  }
  const singles = await Promise.all(
    unique.map((id) =>
      readCampaign(api, id).catch((error: unknown) => {
        if (error instanceof AdapterError && error.code === 'not_found') return null;
        throw error;
      }),
    ),
  );
  singles.forEach((campaign, i) => {
    if (campaign) found.set(unique[i]!, campaign);
  });
  return found;
}
