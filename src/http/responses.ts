// The standard answers, described once for the OpenAPI document: errors in the one error shape,
// and every answer with its X-Request-Id.
import type { z } from 'zod';
import { ErrorBodySchema } from './errors.js';

export const REQUEST_ID_HEADER = {
  'X-Request-Id': { description: 'the caller’s X-Request-Id when sane, else one made for this request; recorded in the audit log', schema: { type: 'string' as const } },
};

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 502 | 503;

const ERRORS: Record<ErrorStatus, { description: string; headers?: Record<string, { description: string; schema: { type: 'string' | 'integer' } }> }> = {
  400: { description: 'bad input: `details` lists the zod issues, each with its path' },
  401: {
    description: 'no API key, or one that is not valid',
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="crisis-pause"', schema: { type: 'string' } } },
  },
  403: { description: "the key's role does not allow this (viewer < lead < admin); audited" },
  404: { description: 'no such pause, item or route' },
  409: { description: 'the pause or item is not in a state that allows this' },
  413: { description: 'the body is larger than 256 KiB' },
  415: { description: 'a body that is not application/json' },
  422: { description: 'a well-formed request that cannot be done (unknown severity or connection, a reused Idempotency-Key, a release time too soon)' },
  429: {
    description: 'too many refused API keys from this client address; nothing is looked at until the window ends',
    headers: { 'Retry-After': { description: 'seconds until the address may try again', schema: { type: 'integer' } } },
  },
  500: { description: 'a fault on our side; the request id identifies it in the logs' },
  502: {
    description:
      'with `?wait=true`: the work is done but incomplete — listings or items failed on their platforms. `code` is `incomplete`; `details` holds `outcome` and the `pause` (its `failures` and `complete: false`). Retry with POST /v1/pauses/{id}/retry',
  },
  503: { description: 'the store cannot write; nothing is changed until the disk is fixed and the service restarted' },
};

/** The OpenAPI responses for these error statuses, each with the error shape. */
export function errorResponses(statuses: Iterable<ErrorStatus>) {
  return Object.fromEntries(
    [...new Set(statuses)]
      .sort((a, b) => a - b)
      .map((status) => {
        const { description, headers = {} } = ERRORS[status];
        return [status, { description, headers: { ...REQUEST_ID_HEADER, ...headers }, content: { 'application/json': { schema: ErrorBodySchema } } }];
      }),
  );
}

/** A JSON answer with the request id header. */
export function jsonResponse(description: string, schema: z.ZodType, headers: Record<string, { description: string; schema: { type: 'string' } }> = {}) {
  return { description, headers: { ...REQUEST_ID_HEADER, ...headers }, content: { 'application/json': { schema } } };
}
