// Raw Graph API calls: one function per endpoint, each with its vendor doc above it. Sending,
// pacing, auth and error reading are the kit's (vendor-client.ts, signals.ts); these say what to
// send, what it costs in the ad account's points, and which loose schema the answer must fit.
import { AdapterError } from '../kit/adapter-error.js';
import type { Charge } from '../kit/buckets.js';
import { batchResponseSchema, headerMap, successSchema, type BatchElement } from '../kit/graph-batch.js';
import type { CallInfo } from '../kit/signals.js';
import type { VendorClient } from '../kit/vendor-client.js';
import { isGraphId, READ_POINTS, WRITE_POINTS } from './adapter-settings.js';
import { CAMPAIGN_FIELDS, isWritableStatus, type WritableStatus } from './mappers.js';
import {
  adAccountSchema,
  campaignPageSchema,
  campaignSchema,
  campaignsByIdSchema,
  type Campaign,
  type CampaignPage,
} from './schemas.js';

export interface GraphApi {
  client: VendorClient;
  /** `v25.0` */
  version: string;
}

/** Graph's own batch limit: https://developers.facebook.com/docs/graph-api/batch-requests#limits */
export const MAX_BATCH = 50;
/** Multiple-id reads: we never send more than a batch's worth of ids. */
export const MAX_IDS = 50;

/** The effective statuses under which a campaign's own status may be ACTIVE. */
export const LIVE_EFFECTIVE_STATUSES = ['ACTIVE', 'IN_PROCESS', 'WITH_ISSUES'] as const;

/** What a call costs in its ad account's points (the `points` bucket, keyed by `act_…`). */
const points = (accountId: string, amount: number): Charge => ({ points: { amount, key: accountId } });

// https://developers.facebook.com/docs/marketing-api/reference/ad-account/
export async function getAdAccount(api: GraphApi, accountId: string): Promise<void> {
  await api.client.json(
    {
      method: 'GET',
      path: `/${api.version}/${accountId}`,
      query: { fields: 'id,name,account_status' },
      operation: `GET /${api.version}/{ad_account_id}`,
      charge: points(accountId, READ_POINTS),
    },
    adAccountSchema,
  );
}

// https://developers.facebook.com/docs/marketing-api/reference/ad-account/campaigns/
// `effective_status` is a JSON array in one parameter (`["ACTIVE","PAUSED"]`), not a repeated key.
// Without it Graph returns every campaign that is not archived or deleted.
export async function listCampaigns(api: GraphApi, accountId: string, page: { limit: number; after?: string | undefined }): Promise<CampaignPage> {
  return api.client.json(
    {
      method: 'GET',
      path: `/${api.version}/${accountId}/campaigns`,
      query: { fields: CAMPAIGN_FIELDS.join(','), effective_status: JSON.stringify(LIVE_EFFECTIVE_STATUSES), limit: page.limit, after: page.after },
      operation: `GET /${api.version}/{ad_account_id}/campaigns`,
      charge: points(accountId, READ_POINTS),
    },
    campaignPageSchema,
  );
}

// https://developers.facebook.com/docs/graph-api/using-graph-api/ ("Multiple ID Read Requests")
// `GET /?ids=a,b&fields=…`. One unknown id fails the whole call ("Some of the aliases you
// requested do not exist"): the caller then reads the ids one by one. Charged a point per id.
export async function readCampaigns(api: GraphApi, accountId: string, ids: readonly string[]): Promise<Record<string, Campaign>> {
  assertIds(ids, MAX_IDS);
  return api.client.json(
    {
      method: 'GET',
      path: `/${api.version}/`,
      query: { ids: ids.join(','), fields: CAMPAIGN_FIELDS.join(',') },
      operation: `GET /${api.version}/?ids`,
      charge: points(accountId, ids.length * READ_POINTS),
    },
    campaignsByIdSchema,
  );
}

// https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group/#Reading
export async function readCampaign(api: GraphApi, accountId: string, id: string): Promise<Campaign> {
  assertIds([id], 1);
  return api.client.json(
    {
      method: 'GET',
      path: `/${api.version}/${id}`,
      query: { fields: CAMPAIGN_FIELDS.join(',') },
      operation: `GET /${api.version}/{campaign_id}`,
      charge: points(accountId, READ_POINTS),
    },
    campaignSchema,
  );
}

export interface StatusChange {
  id: string;
  status: WritableStatus;
}
export type StatusResult = { ok: true } | { ok: false; error: AdapterError };

// ONE Graph batch of `POST /{campaign_id} status=…` updates (≤ 50) on one ad account: each
// sub-request counts on its own, 3 points each. The token and appsecret_proof go once, as
// parameters of the batch request's form body (the auth strategy puts them there), as Meta's
// SDK sends them once per batch (src/api-batch.js). The answer is an ordered array of
// `{code, headers:[{name,value}], body:"<json>"}`, or `null` for a sub-request that did not
// complete (a timeout: it may or may not have applied).
// https://developers.facebook.com/docs/graph-api/batch-requests
// https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group/#Updating
export async function setCampaignStatuses(api: GraphApi, accountId: string, changes: readonly StatusChange[]): Promise<StatusResult[]> {
  assertIds(
    changes.map((c) => c.id),
    MAX_BATCH,
  );
  // Invariant 9: whatever the caller passes, nothing but ACTIVE or PAUSED is ever written.
  for (const change of changes) {
    if (!isWritableStatus(change.status)) throw invalid(`refusing to write campaign status ${String(change.status)}`);
  }
  const batch = changes.map((c) => ({ method: 'POST', relative_url: `${api.version}/${c.id}`, body: `status=${c.status}` }));
  const request = {
    method: 'POST',
    path: `/${api.version}/`,
    // Headers stay included (the default): a throttled element carries its own usage headers.
    form: { batch: JSON.stringify(batch) },
    operation: `POST /${api.version}/ (batch)`,
    charge: points(accountId, changes.length * WRITE_POINTS),
  } as const;
  const response = await api.client.send(request);
  const elements = batchResponseSchema.safeParse(response.data);
  if (!elements.success || elements.data.length !== changes.length) {
    throw api.client.unexpected({ operation: request.operation, method: 'POST', write: true }, response.status, 'not one answer per request of the batch');
  }
  return elements.data.map((element) => elementResult(api, element, response.headers));
}

const ELEMENT_CALL = (version: string): CallInfo => ({ operation: `POST /${version}/{campaign_id} (in a batch)`, method: 'POST', write: true });

function elementResult(api: GraphApi, element: BatchElement, outer: Record<string, string>): StatusResult {
  // "Responses for requests that are not successful will be null. You can retry any unsuccessful
  // request." (batch-requests#timeouts) — it may still have applied, so it is ambiguous.
  if (element === null) {
    return { ok: false, error: new AdapterError({ code: 'timeout', message: 'Meta batch: this request did not complete (null element); it may have applied', retryable: true, ambiguous: true }) };
  }
  const call = ELEMENT_CALL(api.version);
  const body = parseBody(element.body);
  const failure = api.client.failureOf({ status: element.code, headers: { ...outer, ...headerMap(element.headers) }, data: body }, call);
  if (failure) return { ok: false, error: failure };
  if (successSchema.safeParse(body).data?.success === true) return { ok: true };
  return { ok: false, error: api.client.unexpected(call, element.code, 'no {"success":true} in the element') };
}

function parseBody(body: string | null | undefined): unknown {
  try {
    return body ? JSON.parse(body) : null;
  } catch {
    return null;
  }
}

// Ids go into paths and batch relative_urls: only numeric object ids may pass.
function assertIds(ids: readonly string[], max: number): void {
  if (ids.length > max) throw invalid(`at most ${max} ids per call, got ${ids.length}`);
  for (const id of ids) if (!isGraphId(id)) throw invalid(`not a Graph object id: ${JSON.stringify(id)}`);
}

function invalid(message: string): AdapterError {
  return new AdapterError({ code: 'invalid_request', message, retryable: false, ambiguous: false });
}
