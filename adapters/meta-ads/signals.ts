// How Meta's Graph API says a call failed, throttling included → the kit's failure verdicts.
// Meta signals most failures in the JSON body (`{"error":{code, error_subcode, …}}`), usually with
// HTTP 400, sometimes 403/500 or 429 — and a batch element carries its own status and body.
// https://developers.facebook.com/docs/graph-api/guides/error-handling
// https://developers.facebook.com/docs/marketing-api/error-reference
import { graphSignals, type GraphError } from '../kit/graph-errors.js';
import type { VendorSignals } from '../kit/signals.js';
import { throttleRetryAfterMs } from './signals-usage.js';

/**
 * Throttling codes: 4 app, 17 user (subcode 2446079: the ad account's points limit), 32 Pages,
 * 341 app limit, 613 ad-account calls (subcode 1487742), 80000–80014 Business Use Case limits
 * (80004 = ads_management). https://developers.facebook.com/docs/marketing-apis/rate-limiting
 */
export function isThrottleCode(code: number | undefined): boolean {
  if (code === undefined) return false;
  return code === 4 || code === 17 || code === 32 || code === 341 || code === 613 || (code >= 80000 && code <= 80014);
}

/** "Some of the aliases you requested do not exist" (803, or 100 on ads objects) and 100/33. */
export function isMissingObject(error: GraphError | undefined): boolean {
  if (!error) return false;
  if (error.code === 803) return true;
  if (error.code === 100 && error.error_subcode === 33) return true;
  return error.code === 100 && /aliases you requested do not exist/i.test(error.message ?? '');
}

/** Graph's error body read by the kit (graph-errors.ts), with the Marketing API's codes and usage headers. */
export const metaSignals: VendorSignals = graphSignals({ isThrottleCode, isMissingObject, retryAfterMs: throttleRetryAfterMs });
