// Planning: the live Klaviyo items of a connection, page by page, each page saying where the
// listing goes on (kit pagination: a stage and Klaviyo's `page[cursor]`). Live = email campaigns
// `Scheduled` or `Preparing to schedule`, and flows `live`. Never drafts, sent or cancelled
// campaigns, nor flows in `manual` (a person paused them) or `draft`.
//
// Klaviyo's cursors are keyset cursors over the sort order, so an object that leaves the set
// between pages (sent, reverted by a person) shifts nothing: no overlap is needed.
import { z } from 'zod';
import type { PagedListing } from '../kit/pagination.js';
import { cursorOf, type KlaviyoApi } from './api.js';
import { listCampaigns } from './api-campaigns.js';
import { listFlows } from './api-flows.js';
import { campaignIsLive, campaignToLiveItem, flowIsLive, flowToLiveItem, LIVE_CAMPAIGN_STATUSES, LIVE_FLOW } from './mappers.js';

export interface ListScope {
  /** campaigns per page, 1..100 (flows: at most 50, Klaviyo's maximum) */
  pageSize: number;
}

export const FLOW_PAGE_MAX = 50;
const STAGES = ['campaigns', 'flows'] as const;
const positionSchema = z.object({ stage: z.enum(STAGES), cursor: z.string().nullable() });
type Position = z.infer<typeof positionSchema>;

export function emailListing(api: KlaviyoApi, scope: ListScope): PagedListing<Position> {
  return {
    position: positionSchema,
    first: () => ({ stage: 'campaigns', cursor: null }),
    cursorOf: (p) => `${p.stage}:${p.cursor ?? ''}`,
    async fetch(position) {
      if (position.stage === 'campaigns') {
        const page = await listCampaigns(api, { kind: 'statuses', statuses: LIVE_CAMPAIGN_STATUSES }, position.cursor, scope.pageSize);
        const cursor = cursorOf(page.nextLink);
        // Checked again here: the filter is Klaviyo's, the definition of live is ours.
        const items = page.campaigns.filter((x) => campaignIsLive(x.campaign)).map((x) => campaignToLiveItem(x.campaign, x.messages));
        return { items, next: cursor ? { stage: 'campaigns', cursor } : { stage: 'flows', cursor: null } };
      }
      const page = await listFlows(api, { kind: 'status', status: LIVE_FLOW }, position.cursor, Math.min(scope.pageSize, FLOW_PAGE_MAX));
      const cursor = cursorOf(page.nextLink);
      return { items: page.flows.filter(flowIsLive).map(flowToLiveItem), next: cursor ? { stage: 'flows', cursor } : null };
    },
  };
}
