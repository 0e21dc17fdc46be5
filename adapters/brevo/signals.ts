// How Brevo says a call failed, throttling included → the kit's failure verdicts.
// Errors are `{"code": "<errorModel code>", "message": "…"}` with the HTTP status (definition
// errorModel, the swagger's "Possible responses" table). Throttling is HTTP 429 with the
// `x-sib-ratelimit-limit/-remaining/-reset` headers, reset in seconds, and no Retry-After
// (https://developers.brevo.com/docs/limit-headers). No error ever comes inside a 2xx body.
import { codeForStatus, type VendorSignals } from '../kit/signals.js';
import type { AdapterErrorCode } from '../types.js';
import { errorSchema, type BrevoError } from './schemas.js';

/**
 * A 400 saying the campaign is not in a state for the action. Brevo documents the codes
 * `campaign_sent` and `campaign_processing`; a refusal for other states comes as
 * `invalid_parameter` with a message (wording assumed, see README: "facts settled").
 */
const STATE_CODES = new Set(['campaign_sent', 'campaign_processing']);
const WRONG_STATE = /not (scheduled|suspended|queued)|cannot be (suspended|queued|scheduled|rescheduled|updated)|status cannot/i;

export const brevoSignals: VendorSignals = {
  classify(response) {
    if (response.status >= 200 && response.status < 300) return null;
    const parsed = errorSchema.safeParse(response.data);
    const error = parsed.success && response.data !== null ? parsed.data : null;
    const code = codeOf(response.status, error);
    return {
      code,
      detail: error?.message ?? `HTTP ${response.status}`,
      vendorCode: error?.code,
      ...(code === 'rate_limited' && { retryAfterMs: resetMs(response.headers['x-sib-ratelimit-reset']) }),
    };
  },
};

function codeOf(status: number, error: BrevoError | null): AdapterErrorCode {
  const code = error?.code ?? '';
  if (status === 429) return 'rate_limited';
  if (status === 401 || code === 'unauthorized') return 'unauthorized';
  if (status >= 500) return 'server_error';
  if (status === 404 || code === 'document_not_found') return 'not_found';
  // 402 not_enough_credits, 403 permission_denied / reseller_permission_denied, and an account
  // still under validation: a person must act on the account; retrying changes nothing.
  if (status === 402 || status === 403 || code === 'account_under_validation') return 'forbidden';
  if (STATE_CODES.has(code) || WRONG_STATE.test(error?.message ?? '')) return 'invalid_state';
  return codeForStatus(status);
}

/** `x-sib-ratelimit-reset`: seconds until the window resets ("typically seconds"). */
function resetMs(header: string | undefined): number | undefined {
  const seconds = Number(header);
  return header !== undefined && header !== '' && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}
