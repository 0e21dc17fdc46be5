// `POST /v25/customers/{customerId}/googleAds:search`: GAQL over the customer's campaigns, pages of
// 10,000 rows with an opaque `nextPageToken` valid for the identical query only; `pageSize` refused;
// the first page of a query costs one operation of the daily quota, the pages after it none.
// https://developers.google.com/google-ads/api/rest/reference/rest/v25/customers.googleAds/search
import { createHash } from 'node:crypto';
import { adsFailure, badPayload, quotaExhausted } from './simulator-errors.js';
import { parseQuery, SIM_FIELDS, type Query } from './simulator-gaql.js';
import type { CustomerIndex } from './simulator-world-index.js';
import { compareIds } from './simulator-world-index.js';
import { servingStatusOf, type SimCampaign } from './simulator-world-data.js';
import type { GoogleAdsWorld } from './simulator-world.js';

/** "Search Responses will have fixed page size of '10000' rows." */
export const PAGE_ROWS = 10_000;

/** SearchGoogleAdsRequest's JSON names (customer_id is bound to the path). */
const REQUEST_FIELDS = new Set(['query', 'pageToken', 'pageSize', 'validateOnly', 'searchSettings']);

export function search(world: GoogleAdsWorld, customerId: string, customer: CustomerIndex, body: Record<string, unknown>): Response {
  for (const name of Object.keys(body)) if (!REQUEST_FIELDS.has(name)) return badPayload(`Unknown name "${name}": Cannot find field.`);
  if (body['pageSize'] !== undefined) {
    return adsFailure('INVALID_ARGUMENT', [{ errorCode: { requestError: 'PAGE_SIZE_NOT_SUPPORTED' }, message: "Setting the page size is not supported. Search Responses will have fixed page size of '10000' rows.", location: [{ fieldName: 'page_size' }] }]);
  }
  const text = body['query'];
  if (typeof text !== 'string' || text.trim() === '') return adsFailure('INVALID_ARGUMENT', [{ errorCode: { fieldError: 'REQUIRED' }, message: 'The required field was not present.', location: [{ fieldName: 'query' }] }]);
  const query = parseQuery(text);
  if ('error' in query) return adsFailure('INVALID_ARGUMENT', [{ errorCode: { queryError: query.error }, message: query.message }]);
  if (query.descending) return adsFailure('INVALID_ARGUMENT', [{ errorCode: { queryError: 'UNEXPECTED_INPUT' }, message: 'The simulator orders by campaign.id ascending only.' }]);

  const digest = createHash('sha256').update(`${customerId}\n${text}`).digest('base64url').slice(0, 16);
  let position = { served: 0, after: null as string | null };
  if (body['pageToken'] !== undefined) {
    const decoded = decodeToken(body['pageToken'], digest);
    if (!decoded) return adsFailure('INVALID_ARGUMENT', [{ errorCode: { requestError: 'INVALID_PAGE_TOKEN' }, message: 'Page token is invalid.', location: [{ fieldName: 'page_token' }] }]);
    position = decoded;
  } else {
    // A query costs one operation, whatever its pages (api-policy/rate-sheet).
    const wait = world.spend(1);
    if (wait > 0) return quotaExhausted('RESOURCE_EXHAUSTED', 'DEVELOPER', `Number of operations for ${world.accessLevel} access`, wait);
  }
  const remaining = query.limit === null ? PAGE_ROWS : Math.min(PAGE_ROWS, query.limit - position.served);
  // one more than a page, to know whether another page follows
  const rows = select(customer, query, position.after, remaining + 1);
  const page = rows.slice(0, remaining);
  const more = rows.length > remaining && (query.limit === null || position.served + page.length < query.limit);
  const now = world.now();
  return Response.json({
    results: page.map((c) => ({ campaign: project(c, query.fields, now) })),
    ...(more && { nextPageToken: encodeToken(digest, { served: position.served + page.length, after: page.at(-1)!.id }) }),
    fieldMask: query.fields.map((f) => `campaign.${SIM_FIELDS[f]}`).join(','),
  });
}

function select(customer: CustomerIndex, query: Query, after: string | null, limit: number): SimCampaign[] {
  const statusOk = (c: SimCampaign) => query.statuses === null || query.statuses.includes(c.status);
  if (query.ids !== null) {
    return [...new Set(query.ids)]
      .map((id) => customer.byId.get(id))
      .filter((c): c is SimCampaign => c !== undefined && statusOk(c) && (after === null || compareIds(c.id, after) > 0))
      .sort((a, b) => compareIds(a.id, b.id))
      .slice(0, limit);
  }
  // One status: its own index, read from where the page starts. Several: the whole index, filtered.
  if (query.statuses?.length === 1) return customer.page(customer.status(query.statuses[0]!), after, limit);
  const out: SimCampaign[] = [];
  const start = after === null ? 0 : customer.all.lowerBound((c) => (compareIds(c.id, after) <= 0 ? -1 : 1));
  for (const c of customer.all.from(start)) {
    if (out.length >= limit) break;
    if (statusOk(c)) out.push(c);
  }
  return out;
}

/** A row's campaign: the selected fields (resource name always), as REST JSON. */
function project(c: SimCampaign, fields: readonly string[], now: Date): Record<string, string> {
  const full: Record<string, string | undefined> = {
    resourceName: `customers/${c.customerId}/campaigns/${c.id}`,
    id: c.id,
    name: c.name,
    status: c.status,
    servingStatus: servingStatusOf(c, now),
    advertisingChannelType: c.advertisingChannelType,
    biddingStrategyType: c.biddingStrategyType,
    campaignBudget: c.campaignBudget,
    startDateTime: c.startDateTime,
    endDateTime: c.endDateTime,
  };
  const out: Record<string, string> = { resourceName: full.resourceName! };
  for (const field of fields) {
    const name = SIM_FIELDS[field]!;
    if (full[name] !== undefined) out[name] = full[name];
  }
  return out;
}

const encodeToken = (digest: string, p: { served: number; after: string }): string => Buffer.from(JSON.stringify({ d: digest, ...p })).toString('base64url');

function decodeToken(token: unknown, digest: string): { served: number; after: string } | null {
  if (typeof token !== 'string') return null;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { d?: unknown; served?: unknown; after?: unknown };
    if (parsed.d !== digest || typeof parsed.served !== 'number' || typeof parsed.after !== 'string' || !/^\d+$/.test(parsed.after)) return null;
    return { served: parsed.served, after: parsed.after };
  } catch {
    return null;
  }
}
