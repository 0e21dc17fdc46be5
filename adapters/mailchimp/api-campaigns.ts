// Campaign endpoints, one function each. Deleting a campaign, cancelling or sending one are
// irreversible (invariant 9): there is deliberately no function here for DELETE /campaigns/{id},
// actions/cancel-send or actions/send.
import { segment, type MailchimpApi } from './api.js';
import { campaignListSchema, campaignSchema, sendChecklistSchema, type Campaign, type ScheduleBody, type SendChecklist } from './schemas.js';

// The `_links` arrays are most of a campaign's bytes and we never follow them.
const EXCLUDE_LINKS = 'campaigns._links,_links';

export interface CampaignQuery {
  status: string;
  type?: string;
  sortField?: 'create_time' | 'send_time';
  sortDir?: 'ASC' | 'DESC';
  count: number;
  offset: number;
  /**
   * Only these fields of each campaign (dot paths, e.g. `settings.title`), and `total_items`:
   * a partial response. Without it, everything but `_links`.
   */
  fields?: readonly string[];
}

export interface CampaignPage {
  campaigns: Campaign[];
  totalItems: number;
}

// https://mailchimp.com/developer/marketing/api/campaigns/list-campaigns/
// `count` default 10, max 1000; offset paging; `total_items` counts every match; `sort_field`
// create_time | send_time, `sort_dir` ASC | DESC; `fields` "A comma-separated list of fields to
// return. Reference parameters of sub-objects with dot notation." — it applies to the whole answer,
// so `total_items` must be asked for too.
export async function listCampaigns(api: MailchimpApi, query: CampaignQuery): Promise<CampaignPage> {
  const { sortField, sortDir, fields, ...rest } = query;
  const partial = fields ? { fields: [...fields.map((f) => `campaigns.${f}`), 'total_items'].join(',') } : { exclude_fields: EXCLUDE_LINKS };
  const request = { method: 'GET', path: '/3.0/campaigns', query: { ...rest, sort_field: sortField, sort_dir: sortDir, ...partial } } as const;
  const body = await api.json(request, campaignListSchema);
  return { campaigns: body.campaigns, totalItems: body.total_items };
}

// https://mailchimp.com/developer/marketing/api/campaigns/get-campaign-info/
export function getCampaign(api: MailchimpApi, campaignId: string): Promise<Campaign> {
  const request = { method: 'GET', path: `/3.0/campaigns/${segment(campaignId)}`, query: { exclude_fields: '_links' }, operation: 'GET /3.0/campaigns/{campaign_id}' } as const;
  return api.json(request, campaignSchema);
}

// https://mailchimp.com/developer/marketing/api/campaign-checklist/get-campaign-send-checklist/
// Why Mailchimp would refuse to send (or schedule) the campaign: items typed success|warning|error.
export function getSendChecklist(api: MailchimpApi, campaignId: string): Promise<SendChecklist> {
  const path = `/3.0/campaigns/${segment(campaignId)}/send-checklist`;
  return api.json({ method: 'GET', path, query: { exclude_fields: '_links' }, operation: 'GET /3.0/campaigns/{campaign_id}/send-checklist' }, sendChecklistSchema);
}

// https://mailchimp.com/developer/marketing/api/campaigns/unschedule-campaign/
// 204; "Unschedule a scheduled campaign that hasn't started sending." It goes back to a draft.
export async function unscheduleCampaign(api: MailchimpApi, campaignId: string): Promise<void> {
  await api.send({ method: 'POST', path: `/3.0/campaigns/${segment(campaignId)}/actions/unschedule`, operation: 'POST /3.0/campaigns/{campaign_id}/actions/unschedule' });
}

// https://mailchimp.com/developer/marketing/api/campaigns/schedule-campaign/
// 204. Timewarp cannot be combined with batch delivery.
export async function scheduleCampaign(api: MailchimpApi, campaignId: string, body: ScheduleBody): Promise<void> {
  await api.send({ method: 'POST', path: `/3.0/campaigns/${segment(campaignId)}/actions/schedule`, json: body, operation: 'POST /3.0/campaigns/{campaign_id}/actions/schedule' });
}

// https://mailchimp.com/developer/marketing/api/campaigns/pause-rss-campaign/ — "Pause an RSS-Driven campaign." 204.
export async function pauseRssCampaign(api: MailchimpApi, campaignId: string): Promise<void> {
  await api.send({ method: 'POST', path: `/3.0/campaigns/${segment(campaignId)}/actions/pause`, operation: 'POST /3.0/campaigns/{campaign_id}/actions/pause' });
}

// https://mailchimp.com/developer/marketing/api/campaigns/resume-rss-campaign/ — "Resume an RSS-Driven campaign." 204.
export async function resumeRssCampaign(api: MailchimpApi, campaignId: string): Promise<void> {
  await api.send({ method: 'POST', path: `/3.0/campaigns/${segment(campaignId)}/actions/resume`, operation: 'POST /3.0/campaigns/{campaign_id}/actions/resume' });
}
