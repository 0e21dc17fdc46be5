// A platform's signals: how its answers say that something went wrong, throttling included,
// whether by HTTP status or inside a 200 body. Each platform writes one classifier (its
// signals.ts); this file turns what it says into the one AdapterError, with a scrubbed message.
import { AdapterError, retryAfterMs } from './adapter-error.js';
import type { HttpMethod, HttpResponse } from './http.js';
import type { AdapterErrorCode } from '../types.js';

/** What a request was, for messages and for deciding whether a failure may have applied. */
export interface CallInfo {
  /** e.g. `DELETE /v1/messages/{messageId}`: never a query string, which may hold a cursor or token */
  operation: string;
  method: HttpMethod;
  /** the call changes something: a 5xx or a lost answer may have come after the change */
  write: boolean;
}

/** A platform's verdict on one failed answer. */
export interface VendorFailure {
  code: AdapterErrorCode;
  /** the vendor's own words (text, trace id); the kit prefixes the operation and scrubs it */
  detail: string;
  vendorCode?: string | undefined;
  /** the platform's own wait (a body field, a usage header); Retry-After is read by the kit */
  retryAfterMs?: number | undefined;
  /** defaults by code: see `defaultsFor` */
  retryable?: boolean;
  ambiguous?: boolean;
}

export interface VendorSignals {
  /** The failure this answer carries, or null when it is a success. Sees 2xx answers too. */
  classify(response: HttpResponse, call: CallInfo): VendorFailure | null;
}

/** The code an HTTP status means when the platform says nothing more precise. */
export function codeForStatus(status: number): AdapterErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'invalid_state';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'invalid_request';
}

/** Retryable and ambiguous when a classifier does not say: throttling and 5xx retry; writes may have applied. */
export function defaultsFor(code: AdapterErrorCode, write: boolean): { retryable: boolean; ambiguous: boolean } {
  switch (code) {
    case 'rate_limited':
      return { retryable: true, ambiguous: false };
    case 'server_error':
    case 'timeout':
    case 'network':
    case 'unexpected_response':
      return { retryable: true, ambiguous: write };
    case 'unauthorized':
    case 'forbidden':
    case 'not_found':
    case 'invalid_state':
    case 'invalid_request':
      return { retryable: false, ambiguous: false };
  }
}

export interface FailureContext {
  vendor: string;
  call: CallInfo;
  response: HttpResponse;
  now: Date;
  scrub(text: string): string;
}

export function failureToError(failure: VendorFailure, context: FailureContext): AdapterError {
  const { vendor, call, response } = context;
  const defaults = defaultsFor(failure.code, call.write);
  const code = failure.vendorCode !== undefined ? ` code ${failure.vendorCode}` : '';
  // Throttled: the platform's own wait if the classifier read one, else a Retry-After if sent.
  const wait = failure.code === 'rate_limited' ? (failure.retryAfterMs ?? retryAfterMs(response.headers['retry-after'], context.now)) : undefined;
  return new AdapterError({
    code: failure.code,
    message: context.scrub(`${call.operation}: ${vendor} ${response.status}${code}: ${failure.detail}`),
    retryable: failure.retryable ?? defaults.retryable,
    ambiguous: failure.ambiguous ?? defaults.ambiguous,
    httpStatus: response.status,
    ...(failure.vendorCode !== undefined && { vendorCode: failure.vendorCode }),
    ...(wait !== undefined && { retryAfterMs: wait }),
  });
}
