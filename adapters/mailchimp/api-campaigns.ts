// Campaign endpoints, one function each. Deleting a campaign is irreversible (invariant 9): there
// is deliberately no function for DELETE /campaigns/{id} here, nor for cancel-send.
import { z } from 'zod';
import { act, getJson, type MailchimpApi } from './api-core.js';
import { campaignListSchema, campaignSchema, type Campaign } from './schemas.js';

// The `_links` arrays are most of a campaign's bytes and we never follow them.
const EXCLUDE_LINKS = 'campaigns._links,_links';

export interface CampaignPage {
  campaigns: Campaign[];
  totalItems: number;
}

// https://mailchimp.com/developer/marketing/api/campaigns/list-campaigns/
// `count` default 10, max 1000; offset paging; `total_items` counts every match.
export async function listCampaigns(
  api: MailchimpApi,
  query: { status: string; type?: string; count: number; offset: number },
): Promise<CampaignPage> {
  const body = await getJson(
    api,
    { method: 'GET', path: '/3.0/campaigns', query: { ...query, exclude_fields: EXCLUDE_LINKS } },
    campaignListSchema,
  );
  return { campaigns: body.campaigns, totalItems: body.total_items };
}

// https://mailchimp.com/developer/marketing/api/campaigns/get-campaign-info/
export function getCampaign(api: MailchimpApi, campaignId: string): Promise<Campaign> {
  const path = `/3.0/campaigns/${encodeURIComponent(campaignId)}`;
  return getJson(api, { method: 'GET', path, query: { exclude_fields: '_links' } }, campaignSchema);
}

// https://mailchimp.com/developer/marketing/api/campaigns/unschedule-campaign/
// 204; only for a scheduled campaign that has not started sending; it goes back to a draft.
export function unscheduleCampaign(api: MailchimpApi, campaignId: string): Promise<void> {
  return act(api, { method: 'POST', path: `/3.0/campaigns/${encodeURIComponent(campaignId)}/actions/unschedule` });
}

export const scheduleBodySchema = z.object({
  /** UTC ISO 8601, on a quarter hour */
  schedule_time: z.string(),
  timewarp: z.boolean().optional(),
  batch_delivery: z.object({ batch_delay: z.number().int(), batch_count: z.number().int() }).optional(),
});
export type ScheduleBody = z.infer<typeof scheduleBodySchema>;

// https://mailchimp.com/developer/marketing/api/campaigns/schedule-campaign/
// 204. Timewarp cannot be combined with batch delivery.
export function scheduleCampaign(api: MailchimpApi, campaignId: string, body: ScheduleBody): Promise<void> {
  return act(api, { method: 'POST', path: `/3.0/campaigns/${encodeURIComponent(campaignId)}/actions/schedule`, json: body });
}

// https://mailchimp.com/developer/marketing/api/campaigns/pause-rss-campaign/ — "Pause an RSS-Driven campaign." 204.
export function pauseRssCampaign(api: MailchimpApi, campaignId: string): Promise<void> {
  return act(api, { method: 'POST', path: `/3.0/campaigns/${encodeURIComponent(campaignId)}/actions/pause` });
}

// https://mailchimp.com/developer/marketing/api/campaigns/resume-rss-campaign/ — "Resume an RSS-Driven campaign." 204.
export function resumeRssCampaign(api: MailchimpApi, campaignId: string): Promise<void> {
  return act(api, { method: 'POST', path: `/3.0/campaigns/${encodeURIComponent(campaignId)}/actions/resume` });
}
