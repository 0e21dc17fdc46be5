// How Mailchimp says a call failed, throttling included → the kit's failure verdicts.
// https://mailchimp.com/developer/marketing/docs/errors/ — RFC 7807 `application/problem+json`
// bodies `{type, title, status, detail, instance}` (+ `errors[] {field, message}` on validation).
// Titles seen in the wild: "API Key Missing", "API Key Invalid", "Resource Not Found",
// "Invalid Resource", "Invalid Action", "Bad Request", "Too Many Requests". No error ever comes
// inside a 2xx body: the status says it all.
import { codeForStatus, type VendorSignals } from '../kit/signals.js';
import type { AdapterErrorCode } from '../types.js';
import { problemSchema, type Problem } from './schemas.js';

/**
 * A 400 saying the object is not in a state for the action: Mailchimp's glossary has "Invalid
 * Action" for these, and real traffic shows `Bad Request` "This campaign cannot be scheduled: ."
 * (GitHub drewm/mailchimp-api #211, #315; amro/gibbon #243) — with nothing after the colon.
 */
const WRONG_STATE = /cannot be (un)?scheduled|not scheduled|cannot be (paused|resumed|started)|already (paused|sending|started)/i;

export const mailchimpSignals: VendorSignals = {
  classify(response) {
    if (response.status >= 200 && response.status < 300) return null;
    const parsed = problemSchema.safeParse(response.data);
    const problem = parsed.success && response.data !== null ? parsed.data : null;
    return { code: codeOf(response.status, problem), detail: describe(response.status, problem), vendorCode: problem?.title };
  },
};

function codeOf(status: number, problem: Problem | null): AdapterErrorCode {
  // "You have exceeded the limit of 10 simultaneous connections." No Retry-After is documented;
  // the kit honours one if it ever comes.
  if (status === 429) return 'rate_limited';
  // Fundamentals page: "At exceptionally high volumes, you may receive an HTTP 429 or 403
  // without a JSON body." A bare 403 is throttling, not a permission answer.
  if (status === 403 && problem === null) return 'rate_limited';
  if (status === 400) {
    const title = problem?.title ?? '';
    return title === 'Invalid Action' || (title === 'Bad Request' && WRONG_STATE.test(problem?.detail ?? '')) ? 'invalid_state' : 'invalid_request';
  }
  return codeForStatus(status);
}

// Built from the vendor's own fields only: detail and field errors (the title is the vendor code).
function describe(status: number, problem: Problem | null): string {
  if (!problem) return `HTTP ${status}, no error body`;
  const fields = (problem.errors ?? [])
    .map((e) => [e.field, e.message].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ');
  return [problem.detail, fields].filter(Boolean).join(' — ') || (problem.title ?? `HTTP ${status}`);
}
