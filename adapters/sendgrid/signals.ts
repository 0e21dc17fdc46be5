// How SendGrid says a call failed, throttling included → the kit's failure verdicts.
// Every v3 error is `{"errors":[{"field","message","error_id"?}]}` with a 4xx/5xx status; no error
// ever comes inside a 2xx body (https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/responses).
// Throttling: HTTP 429 "too many requests" with `X-RateLimit-Limit`, `X-RateLimit-Remaining: 0`
// and `X-RateLimit-Reset` — the epoch second the endpoint's refresh period ends, not a duration
// (https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits).
import { codeForStatus, type VendorSignals } from '../kit/signals.js';
import type { HttpResponse } from '../kit/http.js';
import type { AdapterErrorCode, Clock } from '../types.js';
import { errorsSchema, type SendGridErrors } from './schemas.js';

/**
 * A refusal because of the Single Send's state rather than the request: scheduling one already
 * sent, or unscheduling one that is not scheduled. SendGrid documents no code for these (see
 * README, "what SendGrid answers when"): the simulator words them so, and the adapter reads the
 * Single Send back before it believes any refusal.
 */
const WRONG_STATE = /not scheduled|already (been )?(sent|triggered)|has been triggered|cannot be (un)?scheduled/i;

/**
 * SendGrid's signals, reading `X-RateLimit-Reset` against the connection's clock (the epoch second
 * it names is compared with our now: the sandbox's clock in tests, the wall clock in production).
 */
export const sendgridSignals = (clock: Clock): VendorSignals => ({
  classify(response) {
    if (response.status >= 200 && response.status < 300) return null;
    const parsed = errorsSchema.safeParse(response.data);
    const errors = parsed.success ? parsed.data : null;
    const code = codeOf(response.status, errors);
    return {
      code,
      detail: describe(response.status, errors),
      ...(code === 'rate_limited' && { retryAfterMs: resetWait(response, clock.now()) }),
    };
  },
});

function codeOf(status: number, errors: SendGridErrors | null): AdapterErrorCode {
  if (status === 429) return 'rate_limited';
  const text = (errors?.errors ?? []).map((e) => e.message ?? '').join(' ');
  if ((status === 400 || status === 404 || status === 409) && WRONG_STATE.test(text)) return 'invalid_state';
  return codeForStatus(status);
}

// Built from the vendor's own fields only (the field it names, its message, its error id).
function describe(status: number, errors: SendGridErrors | null): string {
  const parts = (errors?.errors ?? [])
    .map((e) => [e.field ? `${e.field}: ` : '', e.message ?? '', e.error_id ? ` [${e.error_id}]` : ''].join(''))
    .filter((s) => s.trim() !== '');
  return parts.length > 0 ? parts.join('; ') : `HTTP ${status}, no error body`;
}

/**
 * The wait `X-RateLimit-Reset` asks for: until that epoch second, plus one second because the
 * header has whole seconds and our clock and SendGrid's differ. Without the header, undefined:
 * the kit then reads a Retry-After, and the core backs off on its own.
 */
export function resetWait(response: Pick<HttpResponse, 'headers'>, now: Date): number | undefined {
  const reset = Number(response.headers['x-ratelimit-reset']);
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return Math.max(0, reset * 1000 - now.getTime()) + 1000;
}
