// Raw Klaviyo REST calls (JSON:API), shared parts: every request carries the `revision` header
// (https://developers.klaviyo.com/en/docs/api_versioning_and_deprecation_policy) and costs one
// request in its endpoint's rate-limit tier. Campaign endpoints are in api-campaigns.ts, flow
// endpoints in api-flows.ts: one function per endpoint, its doc link above it.
import { AdapterError } from '../kit/adapter-error.js';
import type { Charge } from '../kit/buckets.js';
import type { VendorClient, VendorRequest } from '../kit/vendor-client.js';

/** The revision of the vendored description (test/specs/klaviyo/), pinned: a newer one is a deliberate change. */
export const REVISION = '2026-07-15';
export const JSON_API = 'application/vnd.api+json';

/** Klaviyo's per-endpoint tiers (burst per second, steady per minute) that our endpoints use. */
export type Tier = 'campaigns' | 'flows';

export interface KlaviyoApi {
  client: VendorClient;
  revision: string;
  /** what a request of a tier costs in the pacer; none when the connection's configured rate replaces the tiers */
  charge(tier: Tier): Charge | undefined;
}

/** A path segment: ids are Klaviyo's own, but never trusted raw into a URL. */
export const segment = encodeURIComponent;

/** A Klaviyo request: the revision header, JSON:API content type on a body, the tier's charge. */
// https://developers.klaviyo.com/en/docs/api_versioning_and_deprecation_policy — `revision` on every call
export function request(api: KlaviyoApi, tier: Tier, r: VendorRequest): VendorRequest {
  const charge = api.charge(tier);
  const headers = { revision: api.revision, ...(r.json !== undefined && { 'Content-Type': JSON_API }), ...r.headers };
  return { ...r, headers, ...(charge && { charge }) };
}

/** A quoted filter value: Klaviyo's filter strings take '…' and escape nothing, so ids are checked first. */
// https://developers.klaviyo.com/en/v2026-07-15/reference/api-overview#filtering
export function quoted(value: string): string {
  if (/['"\\]/.test(value)) throw new AdapterError({ code: 'invalid_request', message: `Klaviyo: not an id or value a filter can hold: ${JSON.stringify(value)}`, retryable: false, ambiguous: false });
  return `'${value}'`;
}

/** `page[cursor]` of a `links.next` URL: the next page is asked for with our own query, that cursor only. */
// https://developers.klaviyo.com/en/v2026-07-15/reference/api-overview#pagination
export function cursorOf(next: string | null | undefined): string | null {
  if (!next) return null;
  try {
    return new URL(next).searchParams.get('page[cursor]');
  } catch {
    return null;
  }
}
