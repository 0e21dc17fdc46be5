// How Hootsuite says a call failed, throttling included → the kit's failure verdicts.
// Body (definition `Error`): `{"errors":[{"code":1001,"message":"…","id":"<trace id>",
// "resource":{"type","id"}}]}`, with any HTTP status, and on a 200 too: "Responses that partially
// fail will return both a data and errors object" (the swagger's intro). OAuth endpoints answer
// RFC 6749 errors instead; we never call them. Codes: the "Error Codes" table of the swagger.
import { codeForStatus, type VendorSignals } from '../kit/signals.js';
import type { AdapterErrorCode } from '../types.js';
import { errorsEnvelopeSchema } from './schemas.js';

/**
 * 1003 account plan limit exceeded (the body of the documented throttled request:
 * developer.hootsuite.com/docs/api-rate-limits), 1004 API plan limit exceeded, 1043 too many requests.
 */
const RATE_LIMIT_CODES = new Set([1003, 1004, 1043]);
/** 1000 missing or duplicate token, 1001 invalid token, 1032 token not validated, 1036 oauth_token invalid or expired. */
const UNAUTHORIZED_CODES = new Set([1000, 1001, 1032, 1036]);
/** 1037 the required scope was not granted, 1201/4002–4010 insufficient permissions. */
const FORBIDDEN_CODES = new Set([1037, 1201, 4002, 4003, 4004, 4005, 4006, 4007, 4008, 4009, 4010]);
/** 40003 cannot delete in its current state, 40025 scheduled message limit reached. */
const INVALID_STATE_CODES = new Set([40003, 40025]);
/** 4001 resource not found. */
const NOT_FOUND_CODES = new Set([4001]);
/** 5000 an unknown error occurred, 9000 an internal error occurred: whatever the HTTP status. */
const SERVER_ERROR_CODES = new Set([5000, 9000]);
/** 1100 invalid JSON schema, 3020 invalid cursor, 4000 schema validation failed, 40019/40020/40022 bad list filters. */
const INVALID_REQUEST_CODES = new Set([1100, 3020, 4000, 40019, 40020, 40022]);

export const hootsuiteSignals: VendorSignals = {
  classify(response) {
    const parsed = errorsEnvelopeSchema.safeParse(response.data);
    const first = parsed.success ? parsed.data.errors[0] : undefined;
    const success = response.status >= 200 && response.status < 300;
    // A 2xx is a failure only when it carries errors and no data (one profile per create: its failure).
    if (success && (!first || hasData(response.data))) return null;
    const code = first?.code === undefined || first.code === null ? undefined : Number(first.code);
    const known = code !== undefined && Number.isFinite(code) ? code : undefined;
    return {
      code: classify(response.status, known),
      // Hootsuite documents no Retry-After; the kit honours one if it ever comes.
      detail: `${first?.message ?? `HTTP ${response.status}`}${first?.id ? ` [trace ${first.id}]` : ''}`,
      vendorCode: known === undefined ? undefined : String(known),
    };
  },
};

function classify(status: number, code: number | undefined): AdapterErrorCode {
  const has = (codes: ReadonlySet<number>) => code !== undefined && codes.has(code);
  if (status === 429 || has(RATE_LIMIT_CODES)) return 'rate_limited';
  if (status === 401 || has(UNAUTHORIZED_CODES)) return 'unauthorized';
  if (status >= 500 || has(SERVER_ERROR_CODES)) return 'server_error';
  if (has(INVALID_STATE_CODES)) return 'invalid_state';
  if (has(NOT_FOUND_CODES)) return 'not_found';
  if (has(FORBIDDEN_CODES)) return 'forbidden';
  if (has(INVALID_REQUEST_CODES)) return 'invalid_request';
  return codeForStatus(status >= 400 ? status : 400);
}

function hasData(body: unknown): boolean {
  const data = (body as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? data.length > 0 : data !== undefined && data !== null;
}
