// How Klaviyo says a call failed, throttling included → the kit's failure verdicts.
// https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling — JSON:API `errors[]`
// ({id, code, title, detail, source}); 429 when a burst (1 s) or steady (1 min) window is full,
// with `Retry-After` in seconds (the kit reads it). No error ever comes inside a 2xx body.
import { codeForStatus, type VendorSignals } from '../kit/signals.js';
import type { AdapterErrorCode } from '../types.js';
import { errorsSchema, type KlaviyoErrors } from './schemas.js';

/**
 * A 400 about the object's state rather than the request: a send job on a campaign that is not a
 * draft, a revert of one that is not scheduled, an update of a scheduled campaign. Klaviyo's
 * wording for these is not documented: we read the detail (see README, "facts settled").
 */
const WRONG_STATE = /not (in )?(a )?(draft|scheduled|sending)|cannot be (reverted|sent|scheduled|updated|edited)|already (scheduled|sent|sending|queued|draft)|current status|status of the campaign/i;

export const klaviyoSignals: VendorSignals = {
  classify(response) {
    if (response.status >= 200 && response.status < 300) return null;
    const parsed = errorsSchema.safeParse(response.data);
    const first = parsed.success ? parsed.data.errors[0] : undefined;
    return { code: codeOf(response.status, parsed.success ? parsed.data : null), detail: describe(response.status, parsed.success ? parsed.data : null), vendorCode: first?.code };
  },
};

function codeOf(status: number, body: KlaviyoErrors | null): AdapterErrorCode {
  const first = body?.errors[0];
  // `throttled` is Klaviyo's code on a 429; the status alone says it.
  if (status === 429 || first?.code === 'throttled') return 'rate_limited';
  // `not_authenticated` / `authentication_failed` → 401; a key without the scope → 403 `permission_denied`.
  if (status === 401) return 'unauthorized';
  if (status === 400 || status === 409) return WRONG_STATE.test(first?.detail ?? '') || status === 409 ? 'invalid_state' : 'invalid_request';
  return codeForStatus(status);
}

// Built from the vendor's own words only (never the request): title and detail of each error.
function describe(status: number, body: KlaviyoErrors | null): string {
  if (!body || body.errors.length === 0) return `HTTP ${status}, no error body`;
  return body.errors.map((e) => [e.title, e.detail].filter(Boolean).join(': ')).join('; ') || `HTTP ${status}`;
}
