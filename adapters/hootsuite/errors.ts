// Hootsuite error answers → AdapterError.
// Shape (definition `Error`): `{"errors":[{"code":1001,"message":"…","id":"<trace id>",
// "resource":{"type","id"}}]}`; OAuth endpoints answer RFC 6749 errors instead (we never call them).
// Codes: the "Error Codes" table at the top of the vendor's swagger file.
import { AdapterError, errorFromStatus, retryAfterMs } from '../kit/adapter-error.js';
import type { HttpResponse } from '../kit/http-client.js';
import type { AdapterErrorInfo } from '../types.js';
import { errorsEnvelopeSchema } from './schemas.js';

/** 1000 missing or duplicate token, 1001 invalid token, 1036 oauth_token invalid or expired. */
const UNAUTHORIZED_CODES = new Set([1000, 1001, 1032, 1036]);
/** 1037 the required scope was not granted, 1201/4002–4010 insufficient permissions. */
const FORBIDDEN_CODES = new Set([1037, 1201, 4002, 4003, 4004, 4005, 4006, 4007, 4008, 4009, 4010]);
/**
 * 1003 account plan limit exceeded (the body of Hootsuite's documented throttled request),
 * 1004 API plan limit exceeded, 1043 too many requests.
 */
const RATE_LIMIT_CODES = new Set([1003, 1004, 1043]);
/** 40003 cannot delete in its current state, 40025 scheduled message limit reached. */
const INVALID_STATE_CODES = new Set([40003, 40025]);
/** 4001 resource not found. */
const NOT_FOUND_CODES = new Set([4001]);
/** 1100 invalid JSON schema, 3020 invalid cursor, 4000 schema validation failed, 40019/40020/40022 bad list filters. */
const INVALID_REQUEST_CODES = new Set([1100, 3020, 4000, 40019, 40020, 40022]);

export interface ErrorContext {
  /** e.g. "DELETE /v1/messages/{id}": never the query, which could carry a cursor or token */
  operation: string;
  /** a write (POST, DELETE): a 5xx may have been applied */
  write: boolean;
  now: Date;
  /** credential values to scrub from vendor text, belt and braces */
  secrets: readonly string[];
}

/** The AdapterError for a non-2xx Hootsuite answer. */
export function hootsuiteError(response: HttpResponse, context: ErrorContext): AdapterError {
  const parsed = errorsEnvelopeSchema.safeParse(response.data);
  const first = parsed.success ? parsed.data.errors[0] : undefined;
  const code = first?.code === undefined || first.code === null ? undefined : Number(first.code);
  const vendorText = first?.message ?? `HTTP ${response.status}`;
  const trace = first?.id ? ` [trace ${first.id}]` : '';
  const message = scrub(
    `${context.operation}: Hootsuite ${response.status}${code !== undefined ? ` code ${code}` : ''}: ${vendorText}${trace}`,
    context.secrets,
  );
  const extra: Partial<AdapterErrorInfo> = {
    httpStatus: response.status,
    ...(code !== undefined && Number.isFinite(code) && { vendorCode: String(code) }),
  };
  const info = (code: AdapterErrorInfo['code'], retryable: boolean, ambiguous = false): AdapterError =>
    new AdapterError({ code, message, retryable, ambiguous, ...extra });

  if (response.status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    // Hootsuite documents no Retry-After ("clients must back off until the end of the current
    // rate limit window", developer.hootsuite.com/docs/api-rate-limits); honour one if it comes.
    const wait = retryAfterMs(response.headers['retry-after'], context.now);
    return new AdapterError({
      code: 'rate_limited',
      message,
      retryable: true,
      ambiguous: false,
      ...extra,
      ...(wait !== undefined && { retryAfterMs: wait }),
    });
  }
  if (response.status === 401 || (code !== undefined && UNAUTHORIZED_CODES.has(code))) return info('unauthorized', false);
  if (response.status >= 500) return info('server_error', true, context.write);
  if (code !== undefined && INVALID_STATE_CODES.has(code)) return info('invalid_state', false);
  if (code !== undefined && NOT_FOUND_CODES.has(code)) return info('not_found', false);
  if (code !== undefined && FORBIDDEN_CODES.has(code)) return info('forbidden', false);
  if (code !== undefined && INVALID_REQUEST_CODES.has(code)) return info('invalid_request', false);
  // Only 4xx reach here (5xx are settled above): the shared defaults by status apply.
  return errorFromStatus(response.status, message, { write: context.write, ...extra });
}

/** A 2xx answer whose body is not what the spec describes. */
export function unexpectedResponse(context: ErrorContext, status: number, detail: string): AdapterError {
  return new AdapterError({
    code: 'unexpected_response',
    message: scrub(`${context.operation}: Hootsuite answered ${status} with an unexpected body (${detail})`, context.secrets),
    retryable: true,
    // A create that answered 2xx most likely happened even if we cannot read the answer.
    ambiguous: context.write,
    httpStatus: status,
  });
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}
