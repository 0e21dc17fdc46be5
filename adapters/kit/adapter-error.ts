import type { AdapterErrorCode, AdapterErrorInfo } from '../types.js';

/**
 * The one error type adapters throw. Messages are written by us from vendor error fields:
 * they must never carry a credential, a request header or a URL with a token in it.
 */
export class AdapterError extends Error {
  readonly code: AdapterErrorCode;
  readonly isRetryable: boolean;
  readonly ambiguous: boolean;
  readonly retryAfterMs: number | undefined;
  readonly httpStatus: number | undefined;
  readonly vendorCode: string | undefined;

  constructor(info: AdapterErrorInfo) {
    super(info.message);
    this.name = 'AdapterError';
    this.code = info.code;
    this.isRetryable = info.retryable;
    this.ambiguous = info.ambiguous;
    this.retryAfterMs = info.retryAfterMs;
    this.httpStatus = info.httpStatus;
    this.vendorCode = info.vendorCode;
  }

  toInfo(): AdapterErrorInfo {
    return {
      code: this.code,
      message: this.message,
      retryable: this.isRetryable,
      ambiguous: this.ambiguous,
      ...(this.retryAfterMs !== undefined && { retryAfterMs: this.retryAfterMs }),
      ...(this.httpStatus !== undefined && { httpStatus: this.httpStatus }),
      ...(this.vendorCode !== undefined && { vendorCode: this.vendorCode }),
    };
  }
}

/**
 * Defaults by HTTP status for what a vendor-specific mapper did not settle. `write`: the call
 * changes something, so a 5xx may have come after the change was made (ambiguous).
 */
export function errorFromStatus(
  status: number,
  message: string,
  { write, ...extra }: { write: boolean } & Partial<AdapterErrorInfo>,
): AdapterError {
  const base = ((): Pick<AdapterErrorInfo, 'code' | 'retryable' | 'ambiguous'> => {
    if (status === 401) return { code: 'unauthorized', retryable: false, ambiguous: false };
    if (status === 403) return { code: 'forbidden', retryable: false, ambiguous: false };
    if (status === 404) return { code: 'not_found', retryable: false, ambiguous: false };
    if (status === 409) return { code: 'invalid_state', retryable: false, ambiguous: false };
    if (status === 429) return { code: 'rate_limited', retryable: true, ambiguous: false };
    // A 5xx may come after the platform applied a change: retry only idempotent calls.
    if (status >= 500) return { code: 'server_error', retryable: true, ambiguous: write };
    return { code: 'invalid_request', retryable: false, ambiguous: false };
  })();
  return new AdapterError({ ...base, message, httpStatus: status, ...extra });
}

/** Parse a Retry-After header (seconds or HTTP date) into milliseconds. */
export function retryAfterMs(header: string | undefined | null, now: Date): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** A definite answer that retrying cannot change, about a request that changed nothing. */
export const definiteError = (code: AdapterErrorCode, message: string): AdapterError => new AdapterError({ code, message, retryable: false, ambiguous: false });
