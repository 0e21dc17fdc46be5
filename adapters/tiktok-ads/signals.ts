// How TikTok's API for Business says a call failed, throttling included. Almost every answer is
// HTTP 200; success or failure is the `code` of the JSON envelope (0 = OK, 20001 = partly OK,
// 4xxxx = the caller's problem, 5xxxx = TikTok's). A 4xx/5xx HTTP status means the request never
// reached the API (wrong path or method, a gateway fault); a bare 429 is a throttle too.
// Codes: https://business-api.tiktok.com/portal/docs?id=1737172488964097 and the official SDK's
// list (tiktok/tiktok-business-api-sdk · python_sdk/business_api_client/tiktok_business/tiktok_code.py).
import { codeForStatus, type VendorFailure, type VendorSignals } from '../kit/signals.js';
import type { AdapterErrorCode } from '../types.js';
import { envelopeSchema, type Envelope } from './schemas.js';

export const OK = 0;
/** "Partially successful": per-campaign results are in `data` (operations read them). */
export const PARTIAL_OK = 20001;

/**
 * Throttling codes. 40100: the app's limit for the endpoint (QPS, QPM or QPD); 40133: the
 * advertiser's per-path QPS; 40016: listed with the same words ("Requests made too frequently");
 * 61000: `TOO_MANY_REQUESTS_BL` in the SDK's list. (51021, cited by third parties, appears in
 * neither list: it is read as a service error like every 5xxxx.)
 */
export const THROTTLE_CODES = new Set([40100, 40133, 40016, 61000]);
const UNAUTHORIZED = new Set([40102, 40104, 40105, 40106, 40107]);
const FORBIDDEN = new Set([40001, 40113, 40118, 40119, 40125, 41000]);
const NOT_FOUND = new Set([40007, 40300, 40301]);
/** 40202 "Write or update entity conflict — retry may resolve this issue": refused, not applied. */
const CONFLICT = 40202;
/** 60001 "The system is in maintenance": nothing ran. */
const MAINTENANCE = 60001;

const SECOND = 1000;

export function envelopeOf(body: unknown): Envelope | undefined {
  const parsed = envelopeSchema.safeParse(body);
  return parsed.success && parsed.data.code !== undefined ? parsed.data : undefined;
}

export const tiktokSignals: VendorSignals = {
  classify(response): VendorFailure | null {
    const envelope = envelopeOf(response.data);
    const ok = response.status >= 200 && response.status < 300;
    if (ok && envelope && (envelope.code === OK || envelope.code === PARTIAL_OK)) return null;
    if (ok && !envelope) return { code: 'unexpected_response', detail: 'no {code, message} envelope in the answer' };
    const code = envelope?.code;
    const verdict = classify(response.status, code);
    return {
      code: verdict.code,
      detail: describe(response.status, envelope),
      vendorCode: code === undefined ? undefined : String(code),
      ...(verdict.retryable !== undefined && { retryable: verdict.retryable }),
      ...(verdict.ambiguous !== undefined && { ambiguous: verdict.ambiguous }),
      ...(verdict.code === 'rate_limited' && { retryAfterMs: throttleWaitMs(envelope?.message ?? '') }),
    };
  },
};

function classify(status: number, code: number | undefined): { code: AdapterErrorCode; retryable?: boolean; ambiguous?: boolean } {
  if (status === 429 || (code !== undefined && THROTTLE_CODES.has(code))) return { code: 'rate_limited' };
  if (code === undefined) return { code: codeForStatus(status >= 400 ? status : 400) };
  if (UNAUTHORIZED.has(code)) return { code: 'unauthorized' };
  if (FORBIDDEN.has(code)) return { code: 'forbidden' };
  if (NOT_FOUND.has(code)) return { code: 'not_found' };
  if (code === CONFLICT) return { code: 'invalid_state', retryable: true, ambiguous: false };
  if (code === MAINTENANCE) return { code: 'server_error', ambiguous: false };
  // 5xxxx: TikTok's side failed; a write may have applied (the kit's default: ambiguous on writes).
  if (code >= 50000) return { code: 'server_error' };
  return { code: 'invalid_request' };
}

/**
 * TikTok sends no Retry-After and no rate-limit headers. Its rate-limit page says how long to
 * stay away by which limit was hit: the rest of the second (QPS), five minutes (QPM), until
 * 00:00 UTC (QPD). The message names the limit ("App … reaches the QPS limit 10, current QPS
 * is 11"): read it, a second when it says nothing.
 */
export function throttleWaitMs(message: string, now: Date = new Date()): number {
  if (/\bQPD\b|per day|daily/i.test(message)) {
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return midnight - now.getTime();
  }
  if (/\bQPM\b|per minute/i.test(message)) return 5 * 60 * SECOND;
  return SECOND;
}

function describe(status: number, envelope: Envelope | undefined): string {
  if (!envelope) return `HTTP ${status}`;
  const request = envelope.request_id ? ` (request_id ${envelope.request_id})` : '';
  return `${envelope.message || 'no message'}${request}`;
}
