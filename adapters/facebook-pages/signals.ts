// How the Graph API says a Pages call failed, throttling included → the kit's failure verdicts.
// Meta signals most failures in the JSON body (`{"error":{code, error_subcode, fbtrace_id}}`),
// usually with HTTP 400, sometimes 403/500 or 429 — and a batch element carries its own status
// and body. https://developers.facebook.com/docs/graph-api/guides/error-handling
import { graphSignals, type GraphError } from '../kit/graph-errors.js';
import type { VendorSignals } from '../kit/signals.js';
import { throttleRetryAfterMs } from './signals-usage.js';

/**
 * Throttling codes: 4 app, 17 user, 32 Page-level ("Page request limit reached"), 613 calls
 * within a time window, 80001 Pages Business Use Case limit
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
 */
export function isThrottleCode(code: number | undefined): boolean {
  return code === 4 || code === 17 || code === 32 || code === 613 || (code !== undefined && code >= 80000 && code <= 80014);
}

/** 803 "Some of the aliases you requested do not exist", 100/33 "Unsupported get request". */
export function isMissingObject(error: GraphError | undefined): boolean {
  if (!error) return false;
  if (error.code === 803) return true;
  return error.code === 100 && error.error_subcode === 33;
}

/** Graph's error body read by the kit (graph-errors.ts), with the Pages codes and usage headers. */
export const facebookPagesSignals: VendorSignals = graphSignals({ isThrottleCode, isMissingObject, retryAfterMs: throttleRetryAfterMs });
