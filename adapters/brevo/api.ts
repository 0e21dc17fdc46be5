// Raw Brevo API v3 calls: one function per endpoint, each with its vendor doc above it. Sending,
// pacing, the `api-key` header and error reading are the kit's (vendor-client.ts, signals.ts);
// these say only what to send and which loose schema the answer must fit. Reference: Brevo's
// Swagger 2.0 file (getbrevo/brevo-go · api/swagger.yaml), copied in test/specs/brevo/.
// Deliberately absent (invariant 9): DELETE /emailCampaigns/{id}, status `archive`/`replicate*`,
// POST /emailCampaigns/{id}/sendNow — none of them can be undone.
import { AdapterError } from '../kit/adapter-error.js';
import type { VendorClient } from '../kit/vendor-client.js';
import { accountSchema, campaignListSchema, campaignSchema, type Campaign, type RescheduleBody } from './schemas.js';

export type BrevoApi = VendorClient;

export interface CampaignQuery {
  /** a list filter: `queued` (scheduled), `suspended`, … (`inProcess`, not `in_process`) */
  status: string;
  /** 1..100 (the swagger's maximum; default 50) */
  limit: number;
  offset: number;
  /** order of creation; Brevo's default is `desc` */
  sort: 'asc' | 'desc';
}

export interface CampaignPage {
  campaigns: Campaign[];
  /** every campaign matching the filter */
  count: number;
}

const campaignPath = (campaignId: number) => `/v3/emailCampaigns/${encodeURIComponent(String(campaignId))}`;

// https://developers.brevo.com/reference/get-account — the cheapest authenticated call.
export async function getAccount(api: BrevoApi): Promise<void> {
  await api.json({ method: 'GET', path: '/v3/account' }, accountSchema);
}

// https://developers.brevo.com/reference/get-email-campaigns
// `limit` 0..100 (default 50), `offset`, `sort` asc|desc by creation, `status` filter. We do not
// pass `statistics`: without it Brevo computes no statistics (they are "only for events in the
// last 6 months" anyway), and we never read them.
export async function getEmailCampaigns(api: BrevoApi, query: CampaignQuery): Promise<CampaignPage> {
  const request = { method: 'GET', path: '/v3/emailCampaigns', query: { status: query.status, limit: query.limit, offset: query.offset, sort: query.sort } } as const;
  const body = await api.json(request, campaignListSchema);
  return { campaigns: body.campaigns, count: body.count ?? body.campaigns.length };
}

// https://developers.brevo.com/reference/get-email-campaign
/** The campaign, or null when Brevo does not know it (404 document_not_found). */
export async function getEmailCampaign(api: BrevoApi, campaignId: number): Promise<Campaign | null> {
  const request = { method: 'GET', path: campaignPath(campaignId), operation: 'GET /v3/emailCampaigns/{campaignId}' } as const;
  try {
    return await api.json(request, campaignSchema);
  } catch (error) {
    if (error instanceof AdapterError && error.code === 'not_found') return null;
    throw error;
  }
}

// https://developers.brevo.com/reference/update-campaign-status — 204, no body.
// Only `suspended` (the pause) and `queued` (back on schedule) are ever sent from this adapter.
export async function updateCampaignStatus(api: BrevoApi, campaignId: number, status: 'suspended' | 'queued'): Promise<void> {
  await api.send({ method: 'PUT', path: `${campaignPath(campaignId)}/status`, json: { status }, operation: 'PUT /v3/emailCampaigns/{campaignId}/status' });
}

// https://developers.brevo.com/reference/update-email-campaign — 204, no body. We send only
// `scheduledAt`: "UTC date-time on which the campaign has to run (YYYY-MM-DDTHH:mm:ss.SSSZ)".
export async function updateEmailCampaign(api: BrevoApi, campaignId: number, body: RescheduleBody): Promise<void> {
  await api.send({ method: 'PUT', path: campaignPath(campaignId), json: body, operation: 'PUT /v3/emailCampaigns/{campaignId}' });
}
