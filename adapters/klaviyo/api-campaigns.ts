// Campaign endpoints, one function each. A send job's `cancel` action and deleting a campaign are
// irreversible (invariant 9): there is deliberately no way here to send `cancel` or DELETE.
import { quoted, request, segment, type KlaviyoApi } from './api.js';
import { campaignDocumentSchema, campaignListSchema, campaignMessageSchema, sendJobSchema, type Campaign, type CampaignMessage } from './schemas.js';

const EMAIL = "equals(messages.channel,'email')";

/** A listed campaign and its messages (the subject and sender are theirs, not the campaign's). */
export interface ListedCampaign {
  campaign: Campaign;
  messages: CampaignMessage[];
}

/** The message fields a fingerprint reads: asked for as a sparse fieldset, the rest is bytes. */
const MESSAGE_FIELDS = ['definition.channel', 'definition.content.subject', 'definition.content.preview_text', 'definition.content.from_email', 'definition.content.from_label'];

export type CampaignFilter = { kind: 'statuses'; statuses: readonly string[] } | { kind: 'ids'; ids: readonly string[] };

// https://developers.klaviyo.com/en/reference/get_campaigns
// The channel filter is required. `status` takes `any`/`equals`, `id` takes `any`; several
// conditions go in `and(…)`. Cursor pages of at most 100 (`page[size]`, default 100), `links.next`.
// `include=campaign-messages` puts each campaign's messages in `included` (compound document).
export async function listCampaigns(api: KlaviyoApi, filter: CampaignFilter, cursor: string | null, pageSize: number): Promise<{ campaigns: ListedCampaign[]; nextLink: string | null }> {
  const condition = filter.kind === 'statuses' ? `any(status,[${filter.statuses.map(quoted).join(',')}])` : `any(id,[${filter.ids.map(quoted).join(',')}])`;
  const query = {
    filter: `and(${EMAIL},${condition})`,
    include: 'campaign-messages',
    'fields[campaign-message]': MESSAGE_FIELDS.join(','),
    'page[size]': pageSize,
    'page[cursor]': cursor ?? undefined,
    sort: filter.kind === 'statuses' ? 'scheduled_at' : undefined,
  };
  const body = await api.client.json(request(api, 'campaigns', { method: 'GET', path: '/api/campaigns', query, operation: 'GET /api/campaigns' }), campaignListSchema);
  const messages = new Map<string, CampaignMessage>();
  for (const resource of body.included ?? []) {
    const message = campaignMessageSchema.safeParse(resource);
    if (message.success) messages.set(message.data.id, message.data);
  }
  const messagesOf = (c: Campaign) => (c.relationships?.['campaign-messages']?.data ?? []).flatMap((ref) => messages.get(ref.id) ?? []);
  return { campaigns: body.data.map((campaign) => ({ campaign, messages: messagesOf(campaign) })), nextLink: body.links?.next ?? null };
}

// https://developers.klaviyo.com/en/reference/get_campaign
export async function getCampaign(api: KlaviyoApi, id: string): Promise<Campaign> {
  const body = await api.client.json(request(api, 'campaigns', { method: 'GET', path: `/api/campaigns/${segment(id)}`, operation: 'GET /api/campaigns/{id}' }), campaignDocumentSchema);
  return body.data;
}

// https://developers.klaviyo.com/en/reference/update_campaign
// Only `send_strategy` is sent: the rest of the campaign stays as its owner left it.
export async function updateSendStrategy(api: KlaviyoApi, id: string, sendStrategy: Record<string, unknown>): Promise<Campaign> {
  const json = { data: { type: 'campaign', id, attributes: { send_strategy: sendStrategy } } };
  const body = await api.client.json(request(api, 'campaigns', { method: 'PATCH', path: `/api/campaigns/${segment(id)}`, json, operation: 'PATCH /api/campaigns/{id}' }), campaignDocumentSchema);
  return body.data;
}

// https://developers.klaviyo.com/en/reference/cancel_campaign_send
// 204. `revert` takes the campaign back to Draft (same id); `cancel` would make it Cancelled for
// good and is never sent from here.
export async function revertSendJob(api: KlaviyoApi, id: string): Promise<void> {
  const json = { data: { type: 'campaign-send-job', id, attributes: { action: 'revert' } } };
  await api.client.send(request(api, 'campaigns', { method: 'PATCH', path: `/api/campaign-send-jobs/${segment(id)}`, json, operation: 'PATCH /api/campaign-send-jobs/{id}' }));
}

// https://developers.klaviyo.com/en/reference/send_campaign
// 202 with the job (`queued|processing|complete|cancelled`): the campaign is scheduled for its
// `send_strategy` (sent at once only for `immediate`, which we never restore).
export async function createSendJob(api: KlaviyoApi, id: string): Promise<string> {
  const json = { data: { type: 'campaign-send-job', id } };
  const body = await api.client.json(request(api, 'campaigns', { method: 'POST', path: '/api/campaign-send-jobs', json, operation: 'POST /api/campaign-send-jobs' }), sendJobSchema);
  return body.data.attributes.status;
}
