// HTTP details of the fake Brevo: `{code, message}` errors (definition errorModel), the `api-key`
// header, the hourly request limit with its `x-sib-ratelimit-*` headers and 429 answers.
import type { Context } from 'hono';
import { SlidingLog } from '../kit/sliding-log.js';
import type { Clock } from '../types.js';
import type { ErrorCode } from './schemas.js';

/** An answer Brevo refuses with: status, errorModel code, message. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'too_many_requests' | 'internal_error',
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(error: SimError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ code: error.code, message: error.message }), {
    status: error.status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export const notFound = (what = 'Campaign ID not found'): SimError => new SimError(404, 'document_not_found', what);
export const invalid = (message: string): SimError => new SimError(400, 'invalid_parameter', message);

/** Brevo's 401 for a missing or unknown key (the message its API answers: "Key not found"). */
export function authError(c: Context, accepted: readonly string[]): SimError | null {
  const key = c.req.header('api-key');
  if (!key || !accepted.includes(key)) return new SimError(401, 'unauthorized', 'Key not found');
  return null;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * The hourly limit ("All other endpoints": 100 requests per hour on the General tier,
 * https://developers.brevo.com/docs/api-limits), counted on the simulator's clock so a test can
 * let an hour pass, and the headers Brevo puts on every answer of a rate-limited endpoint.
 */
export class HourlyLimit {
  readonly #log: SlidingLog;

  constructor(
    readonly limit: number,
    private readonly clock: Clock,
  ) {
    this.#log = new SlidingLog(limit, HOUR_MS);
  }

  /** Counts the request; false when it is over the limit (and then it is not counted). */
  enter(enforce: boolean): boolean {
    const now = this.clock.now().getTime();
    if (enforce && this.#log.waitFor(1, now) > 0) return false;
    this.#log.record(now, 1);
    return true;
  }

  headers(): Record<string, string> {
    const now = this.clock.now().getTime();
    const remaining = Math.max(0, this.limit - this.#log.used(now));
    const expiry = this.#log.oldestExpiry(now);
    const reset = expiry === null ? HOUR_MS / 1000 : Math.max(1, Math.ceil((expiry - now) / 1000));
    return { 'x-sib-ratelimit-limit': String(this.limit), 'x-sib-ratelimit-remaining': String(remaining), 'x-sib-ratelimit-reset': String(reset) };
  }
}

/**
 * Brevo's throttling answers: HTTP 429 with the x-sib headers and no Retry-After
 * (https://developers.brevo.com/docs/limit-headers). The body's code is not in errorModel's enum
 * (the swagger describes no 429): `too_many_requests` is assumed (README).
 */
export function throttles(limit: HourlyLimit) {
  const answer = (withBody: boolean) => () => {
    const headers = { ...limit.headers(), 'x-sib-ratelimit-remaining': '0' };
    if (!withBody) return new Response(null, { status: 429, headers });
    return errorResponse(new SimError(429, 'too_many_requests', 'The expected rate limit is exceeded.'), headers);
  };
  return { 'too-many-requests': answer(true), 'bare-429': answer(false) };
}

export const internalError = (): Response => errorResponse(new SimError(500, 'internal_error', 'Internal server error'));

/** The body of a PUT as JSON, or the refusal Brevo gives a body it cannot read. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) throw new SimError(400, 'invalid_parameter', 'Invalid JSON body');
  return body as Record<string, unknown>;
}
