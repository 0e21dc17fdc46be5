// How Google Ads says a call failed, throttling included → the kit's failure verdicts. REST errors
// are google.rpc.Status bodies: `{"error":{code, message, status, details:[GoogleAdsFailure]}}`.
// https://developers.google.com/google-ads/api/docs/best-practices/error-types
// https://developers.google.com/google-ads/api/rest/overview (errors in REST)
import { codeForStatus, type VendorFailure, type VendorSignals } from '../kit/signals.js';
import type { AdapterErrorCode } from '../types.js';
import { errorBodySchema, googleAdsFailureSchema, tokenErrorSchema, type GoogleAdsError, type RpcStatus } from './schemas.js';

/** The GoogleAdsErrors inside a Status's details (a REST error body or a partialFailureError). */
export function adsErrorsOf(status: RpcStatus | undefined): GoogleAdsError[] {
  const errors: GoogleAdsError[] = [];
  for (const detail of status?.details ?? []) {
    const failure = googleAdsFailureSchema.safeParse(detail);
    if (failure.success && String(failure.data['@type'] ?? '').endsWith('.GoogleAdsFailure')) errors.push(...(failure.data.errors ?? []));
  }
  return errors;
}

/** `quotaError: RESOURCE_EXHAUSTED` → `quotaError.RESOURCE_EXHAUSTED`. */
export function errorCodeName(error: GoogleAdsError): string | undefined {
  const [category, value] = Object.entries(error.errorCode ?? {})[0] ?? [];
  return category === undefined ? undefined : `${category}.${String(value)}`;
}

/** `"40591s"` (a protobuf Duration in JSON) → ms. */
export function durationMs(text: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(text ?? '');
  return match ? Math.ceil(Number(match[1]) * 1000) : undefined;
}

const AUTH_STATUSES: Record<string, AdapterErrorCode> = { UNAUTHENTICATED: 'unauthorized', PERMISSION_DENIED: 'forbidden' };

export const googleAdsSignals: VendorSignals = {
  classify(response): VendorFailure | null {
    if (response.status >= 200 && response.status < 300) return null;
    const status = errorBodySchema.safeParse(response.data).data?.error;
    const errors = adsErrorsOf(status);
    const codes = errors.map(errorCodeName).filter((c): c is string => c !== undefined);
    const retryDelay = errors.map((e) => durationMs(e.details?.quotaErrorDetails?.retryDelay)).find((ms) => ms !== undefined);
    const code = classify(response.status, status?.status, codes);
    return {
      code,
      detail: describe(response.status, status, errors),
      vendorCode: codes[0] ?? status?.status,
      // RESOURCE_EXHAUSTED carries its own wait in quotaErrorDetails.retryDelay: honour it.
      ...(code === 'rate_limited' && retryDelay !== undefined && { retryAfterMs: retryDelay }),
    };
  },
};

function classify(http: number, status: string | undefined, codes: string[]): AdapterErrorCode {
  if (http === 429 || status === 'RESOURCE_EXHAUSTED' || codes.some((c) => c.startsWith('quotaError.'))) return 'rate_limited';
  if (status && AUTH_STATUSES[status]) return AUTH_STATUSES[status]!;
  if (codes.some((c) => c.startsWith('authenticationError.'))) return 'unauthorized';
  if (codes.some((c) => c.startsWith('authorizationError.'))) return 'forbidden';
  if (codes.includes('mutateError.RESOURCE_NOT_FOUND')) return 'not_found';
  if (http >= 500 || status === 'INTERNAL' || status === 'UNAVAILABLE' || status === 'DEADLINE_EXCEEDED') return 'server_error';
  return codeForStatus(http >= 400 ? http : 400);
}

function describe(http: number, status: RpcStatus | undefined, errors: GoogleAdsError[]): string {
  if (!status) return `HTTP ${http}`;
  const first = errors[0];
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return [status.status, first?.message ?? status.message].filter(Boolean).join(': ') + more;
}

/** Google's OAuth endpoint answers `{"error":"invalid_grant", …}` with 400 or 401. */
export const oauthSignals: VendorSignals = {
  classify(response): VendorFailure | null {
    if (response.status >= 200 && response.status < 300) return null;
    const error = tokenErrorSchema.safeParse(response.data).data;
    const refused = error !== undefined && ['invalid_grant', 'invalid_client', 'unauthorized_client'].includes(error.error);
    return {
      code: refused ? 'unauthorized' : codeForStatus(response.status),
      detail: error ? `${error.error}${error.error_description ? `: ${error.error_description}` : ''}` : `HTTP ${response.status}`,
      vendorCode: error?.error,
    };
  },
};
