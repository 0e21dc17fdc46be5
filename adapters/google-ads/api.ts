// Raw Google Ads REST calls: one function per endpoint, each with its vendor doc above it. Sending,
// pacing, auth and error reading are the kit's (vendor-client.ts, signals.ts); these say what to
// send, what it costs in the daily operations quota, and which loose schema the answer must fit.
import { AdapterError } from '../kit/adapter-error.js';
import type { Charge } from '../kit/buckets.js';
import type { VendorClient } from '../kit/vendor-client.js';
import { API_VERSION, isCampaignId } from './adapter-settings.js';
import { isWritableStatus, resourceNameOf, type WritableStatus } from './mappers.js';
import { mutateResponseSchema, searchResponseSchema, type SearchResponse } from './schemas.js';
import { adsErrorsOf, errorCodeName } from './signals.js';

export interface GoogleAdsApi {
  client: VendorClient;
  /** the developer token has a daily operations quota (the `operations` bucket is declared) */
  limited: boolean;
}

/** "Each mutate request can have up to 10,000 operations" (best-practices/quotas). */
export const MAX_OPERATIONS = 10_000;

/** What a call costs in the developer token's daily operations (none declared: Standard access). */
const operations = (api: GoogleAdsApi, amount: number): Charge => (api.limited && amount > 0 ? { operations: amount } : {});

// https://developers.google.com/google-ads/api/rest/reference/rest/v25/customers.googleAds/search
// https://developers.google.com/google-ads/api/docs/reporting/paging
// Pages are fixed at 10,000 rows: `pageSize` is refused (PAGE_SIZE_NOT_SUPPORTED), so only the
// identical query and the `pageToken` are sent. A query counts one operation whatever its pages.
// A search only reads although it is a POST: not a write (a failure is never ambiguous).
export async function searchCampaigns(api: GoogleAdsApi, customerId: string, query: string, pageToken?: string): Promise<SearchResponse> {
  return api.client.json(
    {
      method: 'POST',
      path: `/${API_VERSION}/customers/${customerId}/googleAds:search`,
      json: { query, ...(pageToken !== undefined && { pageToken }) },
      operation: `POST /${API_VERSION}/customers/{customerId}/googleAds:search`,
      write: false,
      charge: operations(api, pageToken === undefined ? 1 : 0),
    },
    searchResponseSchema,
  );
}

export interface StatusChange {
  campaignId: string;
  status: WritableStatus;
}
export type ChangeResult = { ok: true } | { ok: false; error: AdapterError };

// https://developers.google.com/google-ads/api/rest/reference/rest/v25/customers.campaigns/mutate
// https://developers.google.com/google-ads/api/docs/best-practices/partial-failures
// One request of up to 10,000 `update` operations with `updateMask: "status"`, each counted as an
// operation of the daily quota. `partialFailure: true`: valid operations are carried out, and the
// failed ones come back in `partialFailureError`, each GoogleAdsError locating its operation by
// `location.fieldPathElements[0] = {fieldName: "operations", index}`.
export async function mutateCampaignStatuses(api: GoogleAdsApi, customerId: string, changes: readonly StatusChange[]): Promise<ChangeResult[]> {
  if (changes.length === 0 || changes.length > MAX_OPERATIONS) throw invalid(`1 to ${MAX_OPERATIONS} operations per mutate, got ${changes.length}`);
  for (const change of changes) {
    if (!isCampaignId(change.campaignId)) throw invalid(`not a campaign id: ${JSON.stringify(change.campaignId)}`);
    // Invariant 9: whatever the caller passes, nothing but ENABLED or PAUSED is ever written.
    if (!isWritableStatus(change.status)) throw invalid(`refusing to write campaign status ${String(change.status)}`);
  }
  const operation = `POST /${API_VERSION}/customers/{customerId}/campaigns:mutate`;
  const answer = await api.client.json(
    {
      method: 'POST',
      path: `/${API_VERSION}/customers/${customerId}/campaigns:mutate`,
      json: {
        operations: changes.map((c) => ({ updateMask: 'status', update: { resourceName: resourceNameOf(customerId, c.campaignId), status: c.status } })),
        partialFailure: true,
      },
      operation,
      charge: operations(api, changes.length),
    },
    mutateResponseSchema,
  );
  const failures = new Map<number, string[]>();
  for (const error of adsErrorsOf(answer.partialFailureError)) {
    const at = error.location?.fieldPathElements?.find((e) => e.fieldName === 'operations')?.index;
    const index = at ?? -1;
    failures.set(index, [...(failures.get(index) ?? []), `${errorCodeName(error) ?? 'error'}: ${error.message ?? ''}`.trim()]);
  }
  return changes.map((change, index): ChangeResult => {
    const mine = failures.get(index);
    if (mine) return { ok: false, error: operationError(api, operation, mine) };
    if (answer.results?.[index]?.resourceName === resourceNameOf(customerId, change.campaignId)) return { ok: true };
    // A partial failure Google could not place, or a result missing: we cannot tell what happened.
    const unplaced = failures.get(-1);
    if (unplaced) return { ok: false, error: operationError(api, operation, unplaced) };
    return { ok: false, error: api.client.unexpected({ operation, method: 'POST', write: true }, 200, `no result for operation ${index}`) };
  });
}

/** A failed operation of a partial-failure mutate: what Google said, as one of our codes. */
function operationError(api: GoogleAdsApi, operation: string, messages: string[]): AdapterError {
  const text = messages.join('; ');
  const code = /mutateError\.RESOURCE_NOT_FOUND/.test(text) ? 'not_found' : /REMOVED|operationAccessDeniedError/.test(text) ? 'invalid_state' : 'invalid_request';
  return new AdapterError({
    code,
    message: api.client.scrub(`${operation}: Google Ads refused the operation: ${text}`),
    retryable: false,
    ambiguous: false,
    httpStatus: 200,
    vendorCode: /^(\w+\.\w+)/.exec(text)?.[1],
  });
}

function invalid(message: string): AdapterError {
  return new AdapterError({ code: 'invalid_request', message, retryable: false, ambiguous: false });
}
