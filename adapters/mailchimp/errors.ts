// Mailchimp error answers → AdapterError.
// https://mailchimp.com/developer/marketing/docs/errors/ — RFC 7807 `application/problem+json`
// bodies `{type, title, status, detail, instance}` (+ `errors[] {field, message}` on validation).
// Titles seen in the wild: "API Key Missing", "API Key Invalid", "Resource Not Found",
// "Invalid Resource", "Invalid Action", "Bad Request", "Too Many Requests".
import { AdapterError, errorFromStatus, retryAfterMs } from '../kit/adapter-error.js';
import type { HttpResponse } from '../kit/http-client.js';
import { problemSchema, type Problem } from './schemas.js';

export interface CallInfo {
  method: string;
  /** the path with ids (never a credential: Mailchimp takes the key in a header) */
  path: string;
}

// A 400 that says the object is not in a state for the action (unschedule of a draft, schedule
// of an already scheduled campaign). Mailchimp answers "Invalid Action" for these per its error
// glossary, and real traffic shows "Bad Request / This campaign cannot be scheduled: ." too.
const WRONG_STATE = /cannot be (un)?scheduled|not scheduled|cannot be (paused|resumed|started)|already (paused|sending|started)/i;

export function mailchimpError(response: HttpResponse, call: CallInfo, now: Date): AdapterError {
  const parsed = problemSchema.safeParse(response.data);
  const problem: Problem | null = parsed.success && response.data !== null ? parsed.data : null;
  const status = response.status;
  const message = describe(call, status, problem);
  const extra = { vendorCode: problem?.title, httpStatus: status };

  if (status === 429) {
    // "You have exceeded the limit of 10 simultaneous connections." No Retry-After is documented;
    // honour one if it ever comes.
    const retryAfter = retryAfterMs(response.headers['retry-after'], now);
    return new AdapterError({ code: 'rate_limited', message, retryable: true, ambiguous: false, ...extra, ...(retryAfter !== undefined && { retryAfterMs: retryAfter }) });
  }
  if (status === 403 && problem === null) {
    // Fundamentals page: "At exceptionally high volumes, you may receive an HTTP 429 or 403
    // without a JSON body." A bare 403 is throttling, not a permission answer.
    return new AdapterError({ code: 'rate_limited', message, retryable: true, ambiguous: false, ...extra });
  }
  if (status === 400) {
    const title = problem?.title ?? '';
    const wrongState = title === 'Invalid Action' || (title === 'Bad Request' && WRONG_STATE.test(problem?.detail ?? ''));
    return new AdapterError({ code: wrongState ? 'invalid_state' : 'invalid_request', message, retryable: false, ambiguous: false, ...extra });
  }
  return errorFromStatus(status, message, { write: call.method !== 'GET', ...extra });
}

/** A 2xx whose body is not what the docs describe. */
export function unexpectedResponse(call: CallInfo, issue: string): AdapterError {
  return new AdapterError({
    code: 'unexpected_response',
    message: `Mailchimp ${call.method} ${call.path}: unexpected response (${issue})`,
    retryable: false,
    ambiguous: false,
  });
}

// Built from the vendor's own fields only: status, title, detail and field errors.
function describe(call: CallInfo, status: number, problem: Problem | null): string {
  const head = `Mailchimp ${call.method} ${call.path}: ${status}`;
  if (!problem) return `${head} (no error body)`;
  const fields = (problem.errors ?? [])
    .map((e) => [e.field, e.message].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ');
  return [head, problem.title, problem.detail, fields].filter(Boolean).join(' — ');
}
