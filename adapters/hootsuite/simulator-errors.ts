// Hootsuite's error answers, as the simulator gives them: `{"errors":[{code, message, id,
// resource?}]}` (definition Error), plus the rate-limit headers of every answer.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface SimError {
  status: ContentfulStatusCode;
  code: number;
  message: string;
  resource?: { type: string; id: string };
}

/** Codes and texts from the "Error Codes" table of the vendor's swagger file. */
export const ERRORS = {
  missingToken: { status: 401, code: 1000, message: 'Missing or duplicate access token' },
  invalidToken: { status: 401, code: 1001, message: 'Invalid access token' },
  // The body of the throttled request shown on developer.hootsuite.com/docs/api-rate-limits.
  rateLimited: { status: 429, code: 1003, message: 'Account plan limit exceeded' },
  apiPlanLimit: { status: 429, code: 1004, message: 'API plan limit exceeded' },
  tooManyRequests: { status: 429, code: 1043, message: 'Too many requests' },
  notFound: { status: 404, code: 4001, message: 'Resource not found' },
  cannotDelete: {
    status: 400,
    code: 40003,
    message: 'You have attempted to delete a message that cannot be deleted in its current state',
  },
  stateFilter: { status: 400, code: 40019, message: 'Message state filter not supported' },
  rangeTooLarge: { status: 400, code: 40020, message: 'Specified date range is too large' },
  badReviewFlag: { status: 400, code: 40022, message: 'Invalid boolean for includeUnscheduledReviewMsgs flag' },
  scheduledLimit: { status: 400, code: 40025, message: 'Scheduled message limit reached' },
  badCursor: { status: 400, code: 3020, message: 'Invalid cursor format' },
  internal: { status: 500, code: 9000, message: 'An internal error occurred' },
} as const satisfies Record<string, SimError>;

/**
 * A request the spec says is invalid but for which Hootsuite documents no specific code: we use
 * 4000 "Schema validation failed" with a precise message (assumed, see README).
 */
export function validationError(detail: string, resource?: SimError['resource']): SimError {
  return { status: 400, code: 4000, message: `Schema validation failed: ${detail}`, ...(resource && { resource }) };
}

export function unknownProfile(id: string): SimError {
  return { ...ERRORS.notFound, status: 400, resource: { type: 'socialProfile', id } };
}

/** A media id that was never uploaded (code and resource type assumed, see README). */
export function unknownMedia(id: string): SimError {
  return { ...ERRORS.notFound, status: 400, resource: { type: 'media', id } };
}

export function errorResponse(c: Context, error: SimError): Response {
  const body = {
    errors: [{ code: error.code, message: error.message, id: randomUUID(), ...(error.resource && { resource: error.resource }) }],
  };
  return c.json(body, error.status);
}

/**
 * Rate-limit and quota headers Hootsuite sends on its answers (developer.hootsuite.com/docs/
 * api-rate-limits). The remaining count is per node on the real platform: a guide only.
 */
export function quotaHeaders(used: number, remainingThisSecond: number): Record<string, string> {
  return {
    'X-Account-Quota': '100000 per day',
    'X-Account-Quota-Used': String(used),
    'X-Account-Rate-Limit-Requests-Remaining': String(Math.max(0, remainingThisSecond)),
  };
}
