// Graph API errors → AdapterError. Meta signals most failures, throttling included, in the JSON
// body (`{error:{code, error_subcode, ...}}`), usually with HTTP 400, sometimes 403/500 or 429.
// https://developers.facebook.com/docs/graph-api/guides/error-handling
// https://developers.facebook.com/docs/marketing-api/error-reference
import { AdapterError, errorFromStatus, retryAfterMs as retryAfterHeaderMs } from '../kit/adapter-error.js';
import type { AdapterErrorCode } from '../types.js';
import { graphErrorBodySchema, type GraphError } from './schemas.js';
import { throttleRetryAfterMs } from './usage-headers.js';

export interface ErrorContext {
  httpStatus: number;
  body: unknown;
  /** lower-cased response headers (for a batch element: its own headers over the outer ones) */
  headers: Record<string, string>;
  /** a write may have taken effect when the failure is a server error */
  write: boolean;
  now: Date;
  /** values that must never appear in a message (the access token) */
  secrets: readonly string[];
}

/**
 * Throttling codes: 4 app, 17 user, 32 Pages, 341 app limit, 613 ad-account calls (e.g. subcode
 * 1487742), 80000–80014 Business Use Case limits (80004 = ads_management).
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting
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

export function graphErrorOf(body: unknown): GraphError | undefined {
  const parsed = graphErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error : undefined;
}

export function mapGraphError(ctx: ErrorContext): AdapterError {
  const error = graphErrorOf(ctx.body);
  const vendorCode = error?.code === undefined ? undefined : [error.code, error.error_subcode].filter((v) => v !== undefined).join('/');
  const message = scrub(describe(ctx.httpStatus, error), ctx.secrets);
  const base = { message, httpStatus: ctx.httpStatus, ...(vendorCode && { vendorCode }) };
  const make = (code: AdapterErrorCode, retryable: boolean, ambiguous = false, retryAfterMs?: number): AdapterError =>
    new AdapterError({ ...base, code, retryable, ambiguous, ...(retryAfterMs !== undefined && { retryAfterMs }) });

  // A throttled call was refused before it ran: retryable and never ambiguous.
  if (ctx.httpStatus === 429 || isThrottleCode(error?.code)) {
    const wait = throttleRetryAfterMs(ctx.headers) ?? retryAfterHeaderMs(ctx.headers['retry-after'], ctx.now);
    return make('rate_limited', true, false, wait);
  }
  const code = error?.code;
  if (code === 190 || code === 102 || code === 104) return make('unauthorized', false);
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299) || code === 3) return make('forbidden', false);
  if (code === 368) return make('forbidden', false); // blocked for policy reasons: a person must look
  if (isMissingObject(error)) return make('not_found', false);
  // Unknown/service errors and anything Meta flags transient: retry; a write may have applied.
  if (code === 1 || code === 2 || error?.is_transient === true || ctx.httpStatus >= 500) {
    return make('server_error', true, ctx.write);
  }
  if (code === 100) return make('invalid_request', false);
  return errorFromStatus(ctx.httpStatus, message, { write: ctx.write, ...(vendorCode && { vendorCode }) });
}

/** A response that is not what the endpoint documents. */
export function unexpected(what: string, write: boolean, httpStatus?: number): AdapterError {
  return new AdapterError({
    code: 'unexpected_response',
    message: `Meta Graph API: unexpected response to ${what}`,
    retryable: write, // the write may have applied; reading the state again settles it
    ambiguous: write,
    ...(httpStatus !== undefined && { httpStatus }),
  });
}

function describe(httpStatus: number, error: GraphError | undefined): string {
  if (!error) return `Meta Graph API answered HTTP ${httpStatus}`;
  const code = error.code === undefined ? '' : ` ${error.code}${error.error_subcode === undefined ? '' : `/${error.error_subcode}`}`;
  const detail = [error.message, error.error_user_msg].filter(Boolean).join(' — ');
  const trace = error.fbtrace_id ? ` (fbtrace_id ${error.fbtrace_id})` : '';
  return `Meta Graph error${code}: ${detail || error.type || 'no message'}${trace}`;
}

// Vendor messages do not echo tokens, but a message is ours to keep clean: drop anything that
// looks like a Meta token (they start with EAA) and any configured secret.
function scrub(text: string, secrets: readonly string[]): string {
  let out = text.replace(/EAA[A-Za-z0-9]{16,}/g, '[redacted]').replace(/access_token=[^&\s"]+/gi, 'access_token=[redacted]');
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}
