// Google Ads error answers, in Google's REST shape: a google.rpc.Status under `error`, with a
// GoogleAdsFailure in its details (errors/errors.proto) — or none, for what Google's front end
// refuses before the Ads API sees it (credentials, malformed JSON).
// https://developers.google.com/google-ads/api/docs/best-practices/error-types
import { API_VERSION } from './adapter-settings.js';

let requests = 0;
export const requestId = (): string => `sim${(++requests).toString(36).padStart(19, '0')}`;

export const FAILURE_TYPE = `type.googleapis.com/google.ads.googleads.${API_VERSION}.errors.GoogleAdsFailure`;

export interface AdsErrorSpec {
  /** `{quotaError: 'RESOURCE_EXHAUSTED'}` */
  errorCode: Record<string, string>;
  message: string;
  /** where in the request: `[{fieldName: 'operations', index: 3}, {fieldName: 'update'}]` */
  location?: Array<{ fieldName: string; index?: number }>;
  details?: Record<string, unknown>;
  trigger?: { stringValue: string };
}

export const adsError = (spec: AdsErrorSpec) => ({
  errorCode: spec.errorCode,
  message: spec.message,
  ...(spec.trigger && { trigger: spec.trigger }),
  ...(spec.location && { location: { fieldPathElements: spec.location } }),
  ...(spec.details && { details: spec.details }),
});

export const failureDetail = (errors: ReturnType<typeof adsError>[]) => ({ '@type': FAILURE_TYPE, errors, requestId: requestId() });

const HTTP: Record<string, number> = { INVALID_ARGUMENT: 400, UNAUTHENTICATED: 401, PERMISSION_DENIED: 403, NOT_FOUND: 404, RESOURCE_EXHAUSTED: 429, INTERNAL: 500, UNAVAILABLE: 503 };

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=UTF-8', ...headers } });

/** An error with a GoogleAdsFailure: what the Ads API itself refuses. */
export function adsFailure(status: keyof typeof HTTP, errors: AdsErrorSpec[], message?: string): Response {
  const code = HTTP[status]!;
  const text = message ?? (status === 'INVALID_ARGUMENT' ? 'Request contains an invalid argument.' : status === 'RESOURCE_EXHAUSTED' ? 'Resource has been exhausted (e.g. check quota).' : `The caller does not have permission`);
  return json(code, { error: { code, message: text, status, details: [failureDetail(errors.map(adsError))] } });
}

/** An error from Google's front end, before the Ads API: no GoogleAdsFailure. */
export function frontEndError(status: keyof typeof HTTP, message: string, details: unknown[] = []): Response {
  const code = HTTP[status]!;
  return json(code, { error: { code, message, status, ...(details.length > 0 && { details }) } }, code === 401 ? { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' } : {});
}

export const missingCredential = (): Response =>
  frontEndError('UNAUTHENTICATED', 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.');

export const invalidCredential = (): Response =>
  frontEndError('UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.');

/** A JSON body naming a field the request message does not have (or a bad enum value). */
export const badPayload = (description: string): Response =>
  frontEndError('INVALID_ARGUMENT', `Invalid JSON payload received. ${description}`, [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description: `Invalid JSON payload received. ${description}` }] }]);

/** RESOURCE_EXHAUSTED with the wait in quotaErrorDetails.retryDelay (a Duration, "40591s"). */
export function quotaExhausted(kind: 'RESOURCE_EXHAUSTED' | 'RESOURCE_TEMPORARILY_EXHAUSTED', rateScope: 'DEVELOPER' | 'ACCOUNT', rateName: string, retryMs: number): Response {
  const seconds = Math.max(1, Math.ceil(retryMs / 1000));
  return adsFailure('RESOURCE_EXHAUSTED', [
    { errorCode: { quotaError: kind }, message: `Too many requests. Retry in ${seconds} seconds.`, details: { quotaErrorDetails: { rateScope, rateName, retryDelay: `${seconds}s` } } },
  ]);
}

export const internalError = (): Response =>
  adsFailure('INTERNAL', [{ errorCode: { internalError: 'INTERNAL_ERROR' }, message: 'An internal error has occurred.' }], 'Internal error encountered.');

export const notFoundPath = (path: string): Response => frontEndError('NOT_FOUND', `The requested URL ${path} was not found on this server.`);
