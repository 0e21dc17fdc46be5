// Raw LinkedIn Marketing API calls: one function per endpoint, each with its vendor doc above it.
// Sending, pacing, auth, the LinkedIn-Version and Rest.li protocol headers and error reading are
// the kit's (adapter.ts declares them); these say what to send and which loose schema the answer
// must fit.
//
// Rest.li 2.0 query syntax: "special characters in a params string not part of a resource key
// should not be encoded" (`authors=List(urn%3Ali%3Aorganization%3A12345)`), while values inside
// are percent-encoded. URLSearchParams would encode the structure too, so these calls write their
// query strings themselves (restliQuery) and hand the kit a path that carries them.
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version
import { AdapterError } from '../kit/adapter-error.js';
import type { CallInfo } from '../kit/signals.js';
import type { VendorClient } from '../kit/vendor-client.js';
import { isCampaignId } from './adapter-settings.js';
import { isWritableStatus, type WritableStatus } from './mappers.js';
import {
  adAccountSchema,
  batchUpdateSchema,
  campaignBatchGetSchema,
  campaignSearchPageSchema,
  type Campaign,
  type CampaignSearchPage,
  type RestliError,
} from './schemas.js';

export interface LinkedInApi {
  client: VendorClient;
}

/** Ids per batch call: LinkedIn states no cap; 50 ids keep the URL far below any length limit. */
export const MAX_BATCH = 50;

/** The search finder's criteria: ACTIVE campaigns only (people's pauses and drafts are never listed). */
export const ACTIVE_SEARCH = '(status:(values:List(ACTIVE)))';

/** `key=value` pairs joined as they are: values must already be Rest.li-encoded. */
export const restliQuery = (pairs: ReadonlyArray<readonly [string, string]>): string => pairs.map(([k, v]) => `${k}=${v}`).join('&');

export const restliList = (ids: readonly string[]): string => `List(${ids.join(',')})`;

const campaignsPath = (accountId: string) => `/rest/adAccounts/${accountId}/adCampaigns`;

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-accounts#fetch-ad-account
export async function getAdAccount(api: LinkedInApi, accountId: string): Promise<void> {
  await api.client.json({ method: 'GET', path: `/rest/adAccounts/${accountId}`, operation: 'GET /rest/adAccounts/{adAccountId}' }, adAccountSchema);
}

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaigns#search-for-campaigns
// `q=search&search=(status:(values:List(ACTIVE)))&pageSize=N[&pageToken=…]`; the next page's
// token is `metadata.nextPageToken`, absent on the last page (cursor paging since 202401).
export async function searchActiveCampaigns(api: LinkedInApi, accountId: string, page: { pageSize: number; pageToken?: string | undefined }): Promise<CampaignSearchPage> {
  const pairs: Array<[string, string]> = [
    ['q', 'search'],
    ['search', ACTIVE_SEARCH],
    ['pageSize', String(page.pageSize)],
  ];
  if (page.pageToken !== undefined) pairs.push(['pageToken', encodeURIComponent(page.pageToken)]);
  return api.client.json(
    { method: 'GET', path: `${campaignsPath(accountId)}?${restliQuery(pairs)}`, operation: 'GET /rest/adAccounts/{adAccountId}/adCampaigns?q=search' },
    campaignSearchPageSchema,
  );
}

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaigns#batch-get-campaigns
// `ids=List(1,2)`: found campaigns under `results`, unknown ids under `errors` (404).
export async function batchGetCampaigns(api: LinkedInApi, accountId: string, ids: readonly string[]): Promise<Map<string, Campaign>> {
  assertIds(ids);
  const answer = await api.client.json(
    { method: 'GET', path: `${campaignsPath(accountId)}?${restliQuery([['ids', restliList(ids)]])}`, operation: 'GET /rest/adAccounts/{adAccountId}/adCampaigns?ids' },
    campaignBatchGetSchema,
  );
  const found = new Map<string, Campaign>();
  for (const id of ids) if (answer.results[id]) found.set(id, answer.results[id]);
  // An error other than "not found" for an id is a failure of the read, not an absence.
  for (const [id, error] of Object.entries(answer.errors ?? {})) {
    if (error.status !== 404) throw entityFailure(api, READ_CALL, error) ?? invalid(`LinkedIn could not read campaign ${id}`);
  }
  return found;
}

export interface StatusChange {
  id: string;
  status: WritableStatus;
}
export type StatusResult = { ok: true } | { ok: false; error: AdapterError };

const READ_CALL: CallInfo = { operation: 'GET /rest/adAccounts/{adAccountId}/adCampaigns?ids (an entity)', method: 'GET', write: false };
const WRITE_CALL: CallInfo = { operation: 'POST /rest/adAccounts/{adAccountId}/adCampaigns (BATCH_PARTIAL_UPDATE, an entity)', method: 'POST', write: true };

// https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads/account-structure/create-and-manage-campaigns#batch-update-campaigns
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/methods#batch-partial-update
// ONE Rest.li BATCH_PARTIAL_UPDATE on one ad account: `POST …/adCampaigns?ids=List(…)` with
// `X-RestLi-Method: BATCH_PARTIAL_UPDATE` and `{"entities":{"<id>":{"patch":{"$set":{"status":…}}}}}`.
// The answer keys each entity's result by id: `results[id].status` (204) or `errors[id]`.
export async function setCampaignStatuses(api: LinkedInApi, accountId: string, changes: readonly StatusChange[]): Promise<StatusResult[]> {
  assertIds(changes.map((c) => c.id));
  // Invariant 9: whatever the caller passes, nothing but ACTIVE or PAUSED is ever written.
  for (const change of changes) if (!isWritableStatus(change.status)) throw invalid(`refusing to write campaign status ${String(change.status)}`);
  const entities = Object.fromEntries(changes.map((c) => [c.id, { patch: { $set: { status: c.status } } }]));
  const request = {
    method: 'POST',
    path: `${campaignsPath(accountId)}?${restliQuery([['ids', restliList(changes.map((c) => c.id))]])}`,
    headers: { 'X-RestLi-Method': 'BATCH_PARTIAL_UPDATE' },
    json: { entities },
    operation: 'POST /rest/adAccounts/{adAccountId}/adCampaigns (BATCH_PARTIAL_UPDATE)',
  } as const;
  const response = await api.client.send(request);
  const parsed = batchUpdateSchema.safeParse(response.data);
  if (!parsed.success) throw api.client.unexpected({ operation: request.operation, method: 'POST', write: true }, response.status, 'not a batch answer');
  return changes.map((change): StatusResult => {
    const error = parsed.data.errors?.[change.id];
    if (error) return { ok: false, error: entityFailure(api, WRITE_CALL, error) ?? api.client.unexpected(WRITE_CALL, response.status, `an error without a status for ${change.id}`) };
    const result = parsed.data.results?.[change.id];
    if (result && result.status >= 200 && result.status < 300) return { ok: true };
    // Neither a result nor an error for this id: we cannot tell whether it applied.
    return { ok: false, error: api.client.unexpected(WRITE_CALL, result?.status ?? response.status, `no result for campaign ${change.id}`) };
  });
}

/** One entity's error in a batch answer, read by the same signals as a whole answer. */
function entityFailure(api: LinkedInApi, call: CallInfo, error: RestliError): AdapterError | null {
  if (error.status === undefined) return null;
  return api.client.failureOf({ status: error.status, headers: {}, data: error }, call);
}

// Ids go into paths and Rest.li lists: only numeric campaign ids may pass.
function assertIds(ids: readonly string[]): void {
  if (ids.length === 0 || ids.length > MAX_BATCH) throw invalid(`1 to ${MAX_BATCH} ids per call, got ${ids.length}`);
  for (const id of ids) if (!isCampaignId(id)) throw invalid(`not a campaign id: ${JSON.stringify(id)}`);
}

function invalid(message: string): AdapterError {
  return new AdapterError({ code: 'invalid_request', message, retryable: false, ambiguous: false });
}
