// `GET /open_api/v1.3/campaign/get/`: an advertiser's campaigns, newest first, filtered, paged by
// number. The filters the adapter uses (a primary status; ids) are read from an index by position;
// other combinations (objective, name, creation times) walk the advertiser's campaigns.
// https://business-api.tiktok.com/portal/docs?id=1739315828649986
import { newestFirst } from './simulator-world-index.js';
import { campaignView, secondaryStatus, type SimCampaign } from './simulator-world-data.js';
import type { CampaignQuery } from './simulator-params.js';
import type { TiktokAdsWorld } from './simulator-world.js';

/** Primary (and secondary) filters answered straight from one index. */
const DIRECT: Record<string, string> = {
  STATUS_ALL: 'STATUS_ALL',
  STATUS_NOT_DELETE: 'STATUS_NOT_DELETE',
  STATUS_DELETE: 'STATUS_DELETE',
  STATUS_DISABLE: 'CAMPAIGN_STATUS_DISABLE',
  STATUS_DELIVERY_OK: 'CAMPAIGN_STATUS_ENABLE',
};

export function campaignPage(world: TiktokAdsWorld, q: CampaignQuery): Record<string, unknown> {
  const f = q.filtering;
  // Deleted campaigns are not listed unless asked for.
  const primary = f.primary_status ?? 'STATUS_NOT_DELETE';
  const keep = (c: SimCampaign): boolean =>
    matchesPrimary(c, primary) &&
    (f.secondary_status === undefined || matchesSecondary(c, f.secondary_status)) &&
    (f.objective_type === undefined || c.objective_type === f.objective_type) &&
    (f.campaign_name === undefined || c.campaign_name.includes(f.campaign_name)) &&
    (f.creation_filter_start_time === undefined || c.create_time >= f.creation_filter_start_time) &&
    (f.creation_filter_end_time === undefined || c.create_time <= f.creation_filter_end_time);
  const start = (q.page - 1) * q.pageSize;
  let total: number;
  let rows: SimCampaign[];
  if (f.campaign_ids) {
    const matching = [...new Set(f.campaign_ids)].map((id) => world.get(id)).filter((c): c is SimCampaign => c?.advertiser_id === q.advertiserId && keep(c)).sort(newestFirst);
    total = matching.length;
    rows = matching.slice(start, start + q.pageSize);
  } else if (DIRECT[primary] && Object.keys(f).every((k) => k === 'primary_status')) {
    const index = world.bucket(q.advertiserId, DIRECT[primary]!);
    total = index.size;
    rows = [];
    for (let i = start; i < Math.min(total, start + q.pageSize); i++) rows.push(index.at(i)!);
  } else {
    const matching = [...world.bucket(q.advertiserId, 'STATUS_ALL').from(0)].filter(keep);
    total = matching.length;
    rows = matching.slice(start, start + q.pageSize);
  }
  return {
    list: rows.map((c) => campaignView(c, q.fields)),
    page_info: { page: q.page, page_size: q.pageSize, total_number: total, total_page: Math.ceil(total / q.pageSize) },
  };
}

function matchesPrimary(c: SimCampaign, primary: string): boolean {
  switch (primary) {
    case 'STATUS_ALL':
      return true;
    case 'STATUS_DELETE':
      return c.deleted;
    case 'STATUS_NOT_DELETE':
      return !c.deleted;
    case 'STATUS_DELIVERY_OK':
      return secondaryStatus(c) === 'CAMPAIGN_STATUS_ENABLE';
    case 'STATUS_DISABLE':
      return secondaryStatus(c) === 'CAMPAIGN_STATUS_DISABLE';
    default: // STATUS_NOT_DELIVERY
      return !c.deleted && secondaryStatus(c) !== 'CAMPAIGN_STATUS_ENABLE';
  }
}

function matchesSecondary(c: SimCampaign, secondary: string): boolean {
  if (secondary === 'CAMPAIGN_STATUS_ALL') return true;
  if (secondary === 'CAMPAIGN_STATUS_NOT_DELETE') return !c.deleted;
  if (secondary.startsWith('STATUS_')) return matchesPrimary(c, secondary);
  return secondaryStatus(c) === secondary;
}
