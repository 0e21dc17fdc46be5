// How Buffer says a call failed, throttling included → the kit's failure verdicts.
// Buffer's GraphQL API answers errors as `{"errors":[{message, path?, extensions:{code,…}}]}`:
// HTTP 401 for a missing or invalid key (guides/authentication), HTTP 429 with code
// RATE_LIMIT_EXCEEDED and `retryAfter` seconds when a limit is spent (guides/api-limits), HTTP 400
// GRAPHQL_VALIDATION_FAILED for a document the schema refuses, and errors inside a 200 body for
// the rest. Typed mutation errors (`MutationError {message}` in `data`) are not failures of the
// call: the operations read them per post.
import { codeForStatus, type VendorSignals } from '../kit/signals.js';
import type { AdapterErrorCode } from '../types.js';
import { graphqlBodySchema, type GraphqlError } from './schemas.js';

const BY_CODE: Readonly<Record<string, AdapterErrorCode>> = {
  RATE_LIMIT_EXCEEDED: 'rate_limited',
  UNAUTHORIZED: 'unauthorized',
  UNAUTHENTICATED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  UNEXPECTED: 'server_error',
  INTERNAL_SERVER_ERROR: 'server_error',
  GRAPHQL_VALIDATION_FAILED: 'invalid_request',
  GRAPHQL_PARSE_FAILED: 'invalid_request',
  BAD_USER_INPUT: 'invalid_request',
};

/** A NOT_FOUND on one aliased field (`post(input:{id})` of a deleted post): an answer, not a failure. */
export const isFieldNotFound = (e: GraphqlError): boolean => e.extensions?.code === 'NOT_FOUND' && (e.path?.length ?? 0) > 0;

export const bufferSignals: VendorSignals = {
  classify(response) {
    const parsed = graphqlBodySchema.safeParse(response.data);
    const errors = parsed.success ? (parsed.data.errors ?? []) : [];
    const ok = response.status >= 200 && response.status < 300;
    // A 200 fails when it carries errors and no data, unless every error is a per-post NOT_FOUND.
    if (ok && (errors.length === 0 || (parsed.success && parsed.data.data) || errors.every(isFieldNotFound))) return null;
    const first = errors.find((e) => !isFieldNotFound(e)) ?? errors[0];
    const vendorCode = first?.extensions?.code ?? undefined;
    const code: AdapterErrorCode =
      response.status === 429 ? 'rate_limited' : response.status === 401 ? 'unauthorized' : response.status >= 500 ? 'server_error' : ((vendorCode ? BY_CODE[vendorCode] : undefined) ?? codeForStatus(ok ? 400 : response.status));
    return {
      code,
      detail: `${first?.message ?? `HTTP ${response.status}`}${first?.extensions?.limitType ? ` (${first.extensions.limitType})` : ''}`,
      vendorCode,
      retryAfterMs: code === 'rate_limited' ? waitOf(first, response.headers['ratelimit-reset']) : undefined,
    };
  },
};

/** "Use the retryAfter value (in seconds)"; else the `RateLimit-Reset` header (an ISO time). */
function waitOf(error: GraphqlError | undefined, reset: string | undefined): number | undefined {
  const seconds = error?.extensions?.retryAfter;
  if (typeof seconds === 'number' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = reset ? Date.parse(reset) : Number.NaN;
  // The header is absolute: measured against this machine's time (the only clock it can mean).
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
