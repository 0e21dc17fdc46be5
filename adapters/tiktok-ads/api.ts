// Raw TikTok API for Business v1.3 calls: one function per endpoint, each with its vendor doc
// above it. Sending, pacing, the Access-Token header and error reading are the kit's
// (vendor-client.ts, signals.ts); these say what to send and which loose schema `data` must fit.
import { AdapterError } from '../kit/adapter-error.js';
import type { VendorClient } from '../kit/vendor-client.js';
import { API_PREFIX, isTiktokId } from './adapter-settings.js';
import { CAMPAIGN_FIELDS, isWritableStatus, type WritableStatus } from './mappers.js';
import { campaignPageSchema, envelopeSchema, statusUpdateSchema, type CampaignPage, type StatusUpdate } from './schemas.js';
import { PARTIAL_OK } from './signals.js';

/** "campaign_ids: max size 20" on status updates (test/specs/tiktok/…status_update.yml, maxItems). */
export const MAX_STATUS_IDS = 20;
/** `filtering.campaign_ids` takes at most 100 ids. */
export const MAX_FILTER_IDS = 100;

/** The filters of /campaign/get/ we use (sent as one JSON parameter). */
export interface CampaignFilter {
  campaign_ids?: string[];
  /** STATUS_NOT_DELETE (every campaign not deleted) or STATUS_ALL (deleted ones too) */
  primary_status?: 'STATUS_NOT_DELETE' | 'STATUS_ALL';
}

// https://business-api.tiktok.com/portal/docs?id=1739315828649986 (Campaign Get)
// `fields` and `filtering` are JSON in one query parameter each, as the official SDK sends them
// (js_sdk/src/ApiClient.js normalizeParams: objects go through JSON.stringify). Page numbers
// start at 1; `page_size` is 1–1000; the answer says how many pages there are (`total_page`).
export async function getCampaigns(api: VendorClient, advertiserId: string, page: { page: number; pageSize: number; filtering: CampaignFilter }): Promise<CampaignPage> {
  assertIds([advertiserId, ...(page.filtering.campaign_ids ?? [])], MAX_FILTER_IDS + 1);
  const envelope = await api.json(
    {
      method: 'GET',
      path: `${API_PREFIX}/campaign/get/`,
      query: {
        advertiser_id: advertiserId,
        fields: JSON.stringify(CAMPAIGN_FIELDS),
        filtering: JSON.stringify(page.filtering),
        page: page.page,
        page_size: page.pageSize,
      },
      operation: `GET ${API_PREFIX}/campaign/get/`,
    },
    envelopeSchema,
  );
  return dataOf(api, 'GET', `${API_PREFIX}/campaign/get/`, envelope.data, campaignPageSchema);
}

export interface StatusResult {
  /** the answer's code: 0, or 20001 when some ids were refused */
  code: number;
  data: StatusUpdate;
}

// https://business-api.tiktok.com/portal/docs?id=1739320994354178 (Campaign Status Update)
// `{advertiser_id, campaign_ids (1–20), operation_status}` in a JSON body. ENABLE and DISABLE
// only: DELETE is irreversible and is never sent (invariant 9).
export async function updateCampaignStatus(api: VendorClient, advertiserId: string, campaignIds: readonly string[], status: WritableStatus): Promise<StatusResult> {
  if (!isWritableStatus(status)) throw invalid(`refusing to send operation_status ${String(status)}`);
  if (campaignIds.length === 0 || campaignIds.length > MAX_STATUS_IDS) throw invalid(`1 to ${MAX_STATUS_IDS} campaign ids per status update, got ${campaignIds.length}`);
  assertIds([advertiserId, ...campaignIds], MAX_STATUS_IDS + 1);
  const operation = `POST ${API_PREFIX}/campaign/status/update/`;
  const envelope = await api.json(
    {
      method: 'POST',
      path: `${API_PREFIX}/campaign/status/update/`,
      json: { advertiser_id: advertiserId, campaign_ids: [...campaignIds], operation_status: status },
      operation,
    },
    envelopeSchema,
  );
  const data = dataOf(api, 'POST', `${API_PREFIX}/campaign/status/update/`, envelope.data ?? {}, statusUpdateSchema);
  return { code: envelope.code === PARTIAL_OK ? PARTIAL_OK : 0, data };
}

function dataOf<T>(api: VendorClient, method: 'GET' | 'POST', path: string, data: unknown, schema: { safeParse(v: unknown): { success: boolean; data?: T; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } }): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as T;
  const issue = parsed.error?.issues[0];
  throw api.unexpected({ operation: `${method} ${path}`, method, write: method !== 'GET' }, 200, issue ? `data.${issue.path.join('.')}: ${issue.message}` : 'invalid data');
}

// Ids go into the query and the body as int64 strings: nothing else may pass.
function assertIds(ids: readonly string[], max: number): void {
  if (ids.length > max) throw invalid(`at most ${max - 1} campaign ids per call`);
  for (const id of ids) if (!isTiktokId(id)) throw invalid(`not a TikTok id: ${JSON.stringify(id)}`);
}

function invalid(message: string): AdapterError {
  return new AdapterError({ code: 'invalid_request', message: `tiktok-ads: ${message}`, retryable: false, ambiguous: false });
}
