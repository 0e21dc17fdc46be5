// Raw Graph API calls, one function per endpoint. Each parses the answer with the loose schemas
// and turns Graph errors into AdapterError; none retries or sleeps (the core does).
import type { z } from 'zod';
import { AdapterError } from '../kit/adapter-error.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../kit/http-client.js';
import type { Clock } from '../types.js';
import { mapGraphError, unexpected } from './errors.js';
import { CAMPAIGN_FIELDS, isWritableStatus, type WritableStatus } from './mappers.js';
import {
  adAccountSchema,
  batchResponseSchema,
  campaignPageSchema,
  campaignSchema,
  campaignsByIdSchema,
  successSchema,
  type Campaign,
  type CampaignPage,
} from './schemas.js';
import { isGraphId } from './settings.js';
import { headerMap } from './usage-headers.js';

export interface GraphApi {
  http: HttpClient;
  /** `v25.0` */
  version: string;
  clock: Clock;
  /** never to appear in an error message */
  secrets: readonly string[];
}

/** Graph's own batch limit: https://developers.facebook.com/docs/graph-api/batch-requests#limits */
export const MAX_BATCH = 50;
/** Multiple-id reads take at most 50 ids. */
export const MAX_IDS = 50;

/** The effective statuses under which a campaign's own status may be ACTIVE. */
export const LIVE_EFFECTIVE_STATUSES = ['ACTIVE', 'IN_PROCESS', 'WITH_ISSUES'] as const;

/** https://developers.facebook.com/docs/marketing-api/reference/ad-account/ */
export async function getAdAccount(api: GraphApi, accountId: string): Promise<z.infer<typeof adAccountSchema>> {
  const response = await send(api, {
    method: 'GET',
    path: `/${api.version}/${accountId}`,
    query: { fields: 'id,name,account_status' },
  });
  return parse(adAccountSchema, response, 'the ad account read');
}

/**
 * https://developers.facebook.com/docs/marketing-api/reference/ad-account/campaigns/
 * `effective_status` is a JSON array in one parameter (`["ACTIVE","PAUSED"]`), not a repeated key.
 * Without it Graph returns every campaign that is not archived or deleted.
 */
export async function listCampaigns(
  api: GraphApi,
  accountId: string,
  page: { limit: number; after?: string | undefined },
): Promise<CampaignPage> {
  const response = await send(api, {
    method: 'GET',
    path: `/${api.version}/${accountId}/campaigns`,
    query: {
      fields: CAMPAIGN_FIELDS.join(','),
      effective_status: JSON.stringify(LIVE_EFFECTIVE_STATUSES),
      limit: page.limit,
      after: page.after,
    },
  });
  return parse(campaignPageSchema, response, 'the campaign listing');
}

/**
 * Multiple ID read requests (`GET /?ids=a,b&fields=…`), "Multiple ID Read Requests" in
 * https://developers.facebook.com/docs/graph-api/using-graph-api/
 * One unknown id fails the whole call ("Some of the aliases you requested do not exist"): the
 * caller then reads the ids one by one.
 */
export async function readCampaigns(api: GraphApi, ids: readonly string[]): Promise<Record<string, Campaign>> {
  assertIds(ids, MAX_IDS);
  const response = await send(api, {
    method: 'GET',
    path: `/${api.version}/`,
    query: { ids: ids.join(','), fields: CAMPAIGN_FIELDS.join(',') },
  });
  return parse(campaignsByIdSchema, response, 'the multiple-id campaign read');
}

/** https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group/#Reading */
export async function readCampaign(api: GraphApi, id: string): Promise<Campaign> {
  assertIds([id], 1);
  const response = await send(api, {
    method: 'GET',
    path: `/${api.version}/${id}`,
    query: { fields: CAMPAIGN_FIELDS.join(',') },
  });
  return parse(campaignSchema, response, 'the campaign read');
}

export interface StatusChange {
  id: string;
  status: WritableStatus;
}
export type StatusResult = { ok: true } | { ok: false; error: AdapterError };

/**
 * ONE Graph batch of `POST /{campaign_id} status=…` updates (≤ 50).
 * https://developers.facebook.com/docs/graph-api/batch-requests
 * https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group/#Updating
 * The answer is an ordered array; each element is `{code, headers:[{name,value}], body:"<json>"}`
 * or `null` when that sub-request did not complete (a timeout: it may or may not have applied).
 */
export async function setCampaignStatuses(api: GraphApi, changes: readonly StatusChange[]): Promise<StatusResult[]> {
  assertIds(
    changes.map((c) => c.id),
    MAX_BATCH,
  );
  // Invariant 9: whatever the caller passes, nothing but ACTIVE or PAUSED is ever written.
  for (const change of changes) {
    if (!isWritableStatus(change.status)) throw invalid(`refusing to write campaign status ${String(change.status)}`);
  }
  const batch = changes.map((c) => ({
    method: 'POST',
    relative_url: `${api.version}/${c.id}`,
    body: `status=${c.status}`,
  }));
  // Headers stay included (the default): a throttled element carries its own usage header.
  const response = await send(api, { method: 'POST', path: `/${api.version}/`, form: { batch: JSON.stringify(batch) } }, true);
  const elements = batchResponseSchema.safeParse(response.data);
  if (!elements.success) throw unexpected('the batch status update', true, response.status);
  return changes.map((_, i) => elementResult(api, elements.data[i] ?? null, response.headers));
}

function elementResult(api: GraphApi, element: z.infer<typeof batchResponseSchema>[number], outer: Record<string, string>): StatusResult {
  if (element === null) return { ok: false, error: incomplete() };
  let body: unknown = null;
  try {
    body = element.body ? JSON.parse(element.body) : null;
  } catch {
    body = null;
  }
  if (element.code >= 200 && element.code < 300 && successSchema.safeParse(body).data?.success === true) return { ok: true };
  if (element.code >= 200 && element.code < 300 && !(body && typeof body === 'object' && 'error' in body)) {
    return { ok: false, error: unexpected('a batch status update', true, element.code) };
  }
  const headers = { ...outer, ...headerMap(element.headers) };
  return { ok: false, error: mapGraphError({ httpStatus: element.code, body, headers, write: true, now: api.clock.now(), secrets: api.secrets }) };
}

// "Responses for requests that are not successful will be null. You can retry any unsuccessful
// request." (batch-requests#timeouts) — it may still have applied, so it is ambiguous.
function incomplete(): AdapterError {
  return new AdapterError({
    code: 'timeout',
    message: 'Meta Graph batch: this request did not complete (null element); it may have applied',
    retryable: true,
    ambiguous: true,
  });
}

async function send(api: GraphApi, request: HttpRequest, write = false): Promise<HttpResponse> {
  const response = await api.http.send(request);
  const hasError = !!response.data && typeof response.data === 'object' && 'error' in response.data;
  if (response.status >= 200 && response.status < 300 && !hasError) return response;
  throw mapGraphError({
    httpStatus: response.status,
    body: response.data,
    headers: response.headers,
    write,
    now: api.clock.now(),
    secrets: api.secrets,
  });
}

function parse<T>(schema: z.ZodType<T>, response: HttpResponse, what: string): T {
  const parsed = schema.safeParse(response.data);
  if (!parsed.success) throw unexpected(what, false, response.status);
  return parsed.data;
}

// Ids go into paths and batch relative_urls: only numeric object ids may pass.
function assertIds(ids: readonly string[], max: number): void {
  if (ids.length > max) throw invalid(`at most ${max} ids per call, got ${ids.length}`);
  for (const id of ids) if (!isGraphId(id)) throw invalid(`not a Graph object id: ${JSON.stringify(id)}`);
}

function invalid(message: string): AdapterError {
  return new AdapterError({ code: 'invalid_request', message, retryable: false, ambiguous: false });
}
