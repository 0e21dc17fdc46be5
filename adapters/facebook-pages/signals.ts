// How the Graph API says a Pages call failed, throttling included → the kit's failure verdicts.
// Meta signals most failures in the JSON body (`{"error":{code, error_subcode, fbtrace_id}}`),
// usually with HTTP 400, sometimes 403/500 or 429 — and a batch element carries its own status
// and body. https://developers.facebook.com/docs/graph-api/guides/error-handling
import { codeForStatus, type VendorFailure, type VendorSignals } from '../kit/signals.js';
import type { AdapterErrorCode } from '../types.js';
import { graphErrorBodySchema, type GraphError } from './schemas.js';
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

/** "API calls from the server require an appsecret_proof argument": the app secret is missing or wrong. */
export function isAppSecretProofError(error: GraphError | undefined): boolean {
  return error?.code === 100 && /appsecret_proof/i.test(error.message ?? '');
}

export function graphErrorOf(body: unknown): GraphError | undefined {
  const parsed = graphErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error : undefined;
}

export const facebookPagesSignals: VendorSignals = {
  classify(response): VendorFailure | null {
    const error = graphErrorOf(response.data);
    // A 2xx is a failure only when its body is a Graph error (a batch element can be one).
    if (response.status >= 200 && response.status < 300 && !error) return null;
    const code = classify(response.status, error);
    return {
      code,
      detail: describe(response.status, error),
      vendorCode: error?.code === undefined ? undefined : [error.code, error.error_subcode].filter((v) => v !== undefined).join('/'),
      ...(code === 'rate_limited' && { retryAfterMs: throttleRetryAfterMs(response.headers) }),
    };
  },
};

function classify(status: number, error: GraphError | undefined): AdapterErrorCode {
  const code = error?.code;
  // A throttled call was refused before it ran: retryable and never ambiguous (the defaults).
  if (status === 429 || isThrottleCode(code)) return 'rate_limited';
  if (code === 190 || code === 102 || code === 104 || isAppSecretProofError(error)) return 'unauthorized';
  // 10/200–299: the token lacks a permission (pages_manage_posts) or a Page task; 368 policy block.
  if (code === 10 || code === 3 || code === 368 || (code !== undefined && code >= 200 && code <= 299)) return 'forbidden';
  if (isMissingObject(error)) return 'not_found';
  if (code === 1 || code === 2 || error?.is_transient === true || status >= 500) return 'server_error';
  if (code === 100) return 'invalid_request';
  return codeForStatus(status >= 400 ? status : 400);
}

function describe(status: number, error: GraphError | undefined): string {
  if (!error) return `HTTP ${status}`;
  const detail = [error.message, error.error_user_msg].filter(Boolean).join(' — ') || error.type || 'no message';
  const trace = error.fbtrace_id ? ` (fbtrace_id ${error.fbtrace_id})` : '';
  // The kit removes our own credentials; any other Meta token echoed back (EAA…) goes too.
  return `${detail}${trace}`.replace(/EAA[A-Za-z0-9]{16,}/g, '***');
}
