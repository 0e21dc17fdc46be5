// How LinkedIn says a call failed, throttling included → the kit's verdicts. LinkedIn answers
// with the HTTP status and a Rest.li error body `{status, serviceErrorCode, code?, message}`;
// a batch answer is 200 with a per-entity `errors` map (read through `failureOf`).
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
// https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits
import { codeForStatus, type VendorFailure, type VendorSignals } from '../kit/signals.js';
import type { AdapterErrorCode } from '../types.js';
import { restliErrorSchema, type RestliError } from './schemas.js';

/**
 * LinkedIn documents no Retry-After: "Rate limited requests will receive a 429 response. In rare
 * cases, LinkedIn may also return a 429 response as part of infrastructure protection. API
 * service will return to normal automatically." Daily limits (per application and per member)
 * "reset at midnight UTC every day". So: a Retry-After if one is ever sent (the kit reads it);
 * a daily limit waits until 00:00 UTC; any other 429 a minute.
 */
export const INFRA_THROTTLE_WAIT_MS = 60_000;

export function untilMidnightUtc(now: Date): number {
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return next - now.getTime();
}

/** Third-party reports quote "Resource level throttle APPLICATION DAY limit …" / "MEMBER DAY". */
export const isDailyLimit = (error: RestliError | undefined): boolean => /\bDAY\b/.test(error?.message ?? '');

export function restliErrorOf(body: unknown): RestliError | undefined {
  const parsed = restliErrorSchema.safeParse(body);
  return parsed.success && (parsed.data.status !== undefined || parsed.data.message !== undefined) ? parsed.data : undefined;
}

export function linkedInSignals(now: () => Date): VendorSignals {
  return {
    classify(response): VendorFailure | null {
      if (response.status >= 200 && response.status < 300) return null;
      const error = restliErrorOf(response.data);
      const code = classify(response.status, error);
      const vendorCode = error?.serviceErrorCode !== undefined ? String(error.serviceErrorCode) : error?.code;
      return {
        code,
        detail: describe(response.status, error),
        vendorCode,
        ...(code === 'rate_limited' &&
          response.headers['retry-after'] === undefined && { retryAfterMs: isDailyLimit(error) ? untilMidnightUtc(now()) : INFRA_THROTTLE_WAIT_MS }),
      };
    },
  };
}

function classify(status: number, error: RestliError | undefined): AdapterErrorCode {
  if (status === 429) return 'rate_limited';
  // 426 NONEXISTENT_VERSION / VERSION_MISSING: the configured LinkedIn-Version is not served.
  if (status === 426) return 'invalid_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409 || error?.code === 'INVALID_STATUS_TRANSITION') return 'invalid_state';
  return codeForStatus(status);
}

function describe(status: number, error: RestliError | undefined): string {
  if (!error) return `HTTP ${status}`;
  return [error.code, error.message].filter(Boolean).join(': ') || `HTTP ${status}`;
}
