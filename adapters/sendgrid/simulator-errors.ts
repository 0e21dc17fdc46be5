// SendGrid's error answers and rate-limit headers, as the simulator sends them. Bodies are
// `{"errors":[{"field","message","error_id"?}]}` (https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/responses).
// SendGrid's docs show `"field": null` on 401 and 429; the vendor description types `field` as a
// string (not nullable) on the 404 and 500 it describes, so there the simulator leaves it out.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface SimError {
  status: ContentfulStatusCode;
  field?: string | null;
  message: string;
}

export const ERRORS = {
  // https://www.twilio.com/docs/sendgrid/for-developers/sending-email/authentication (no or malformed Authorization)
  authorizationRequired: { status: 401, field: null, message: 'authorization required' },
  // a key SendGrid does not know, or revoked
  invalidKey: { status: 401, field: null, message: 'The provided authorization grant is invalid, expired, or revoked' },
  // a key without the Marketing permission the call needs
  forbidden: { status: 403, field: null, message: 'access forbidden' },
  notFound: { status: 404, message: 'resource not found' },
  tooManyRequests: { status: 429, field: null, message: 'too many requests' },
  internal: { status: 500, message: 'internal server error' },
} as const satisfies Record<string, SimError>;

export function errorResponse(c: Context, ...errors: SimError[]): Response {
  const status = errors[0]?.status ?? 400;
  return c.json({ errors: errors.map((e) => ({ ...(e.field !== undefined && { field: e.field }), message: e.message })) }, status);
}

/** A 400 about one field of the request. */
export const badRequest = (field: string, message: string): SimError => ({ status: 400, field, message });

/** `X-RateLimit-*` as SendGrid sends them on every answer: the limit, what is left, the epoch second it resets. */
export function rateLimitHeaders(c: Context, usage: { limit: number; remaining: number; resetAt: number }): void {
  c.header('X-RateLimit-Limit', String(usage.limit));
  c.header('X-RateLimit-Remaining', String(Math.max(0, usage.remaining)));
  c.header('X-RateLimit-Reset', String(usage.resetAt));
}
