// HTTP details of the fake Klaviyo: JSON:API error documents, private-key authentication, the
// `revision` header, its throttling answers, and reading JSON:API request bodies.
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { JSON_API } from './api.js';

/** A Klaviyo error answer, thrown by the rules and written as a JSON:API error document. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly source: { pointer?: string; parameter?: string } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

/**
 * https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling — `{errors: [{id, code,
 * title, detail, source}]}`. Klaviyo's live answers also carry each error's `status`; the
 * 2026-07-15 description does not allow it (closed objects), and the description wins here.
 */
export function errorResponse(error: SimError): Response {
  const body = { errors: [{ id: randomUUID(), code: error.code, title: error.title, detail: error.detail, ...(Object.keys(error.source).length > 0 && { source: error.source }) }] };
  return new Response(JSON.stringify(body), { status: error.status, headers: { 'Content-Type': JSON_API, ...error.headers } });
}

export const notFound = (): SimError => new SimError(404, 'not_found', 'Not found.', 'The requested resource could not be found.');
export const invalid = (detail: string, source: { pointer?: string; parameter?: string } = {}): SimError => new SimError(400, 'invalid', 'Invalid input.', detail, source);
export const internalError = (): Response => errorResponse(new SimError(500, 'error', 'A server error occurred.', 'A server error occurred.'));

/** Klaviyo's 429: `throttled`, with the seconds to wait in Retry-After (burst: 1 s; steady: to the minute's end). */
function throttled(seconds: number): Response {
  return errorResponse(new SimError(429, 'throttled', 'Request was throttled.', `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`, {}, { 'Retry-After': String(seconds) }));
}

export const THROTTLES = {
  burst: () => throttled(1),
  steady: () => throttled(30),
} as const;

/**
 * `Authorization: Klaviyo-API-Key <private key>`: a missing header is `not_authenticated`, a key
 * Klaviyo does not know `authentication_failed` (both 401).
 */
export function authError(c: Context, accepted: readonly string[]): SimError | null {
  const match = /^Klaviyo-API-Key\s+(\S+)$/.exec(c.req.header('authorization') ?? '');
  if (!match) return new SimError(401, 'not_authenticated', 'Authentication credentials were not provided.', 'Missing or invalid private key.', { pointer: '/data/' });
  if (!accepted.includes(match[1]!)) return new SimError(401, 'authentication_failed', 'Incorrect authentication credentials.', 'Incorrect authentication credentials.', { pointer: '/data/' });
  return null;
}

/** Every call names a revision (`YYYY-MM-DD[.suffix]`); one before the first stable revision is refused. */
export function revisionError(c: Context): SimError | null {
  const revision = c.req.header('revision');
  if (!revision) return invalid('The `revision` header is required.', { parameter: 'revision' });
  const match = /^(\d{4}-\d{2}-\d{2})(\.[a-z0-9]+)?$/.exec(revision);
  if (!match || Number.isNaN(Date.parse(match[1]!)) || match[1]! < '2023-02-22') return invalid(`Invalid revision: ${revision}.`, { parameter: 'revision' });
  return null;
}

/** A JSON:API body of `type` (and `id`, when the path names one), as sent; `attributes` required unless a create names none. */
export async function readResource(c: Context, type: string, pathId?: string, attributesRequired = pathId !== undefined): Promise<{ id: string | undefined; attributes: Record<string, unknown> }> {
  if (!/^application\/vnd\.api\+json\b|^application\/json\b/.test(c.req.header('content-type') ?? '')) {
    throw new SimError(415, 'unsupported_media_type', 'Unsupported media type.', 'Content-Type must be application/vnd.api+json.');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new SimError(400, 'parse_error', 'Malformed request.', 'JSON parse error.');
  }
  const data = (body as { data?: unknown } | null)?.data as { type?: unknown; id?: unknown; attributes?: unknown } | undefined;
  if (!data || typeof data !== 'object') throw invalid('`data` is required.', { pointer: '/data' });
  if (data.type !== type) throw new SimError(409, 'conflict', 'Conflict.', `The resource type must be '${type}'.`, { pointer: '/data/type' });
  if (data.id !== undefined && typeof data.id !== 'string') throw invalid('`id` must be a string.', { pointer: '/data/id' });
  if (pathId !== undefined && data.id !== pathId) throw new SimError(409, 'conflict', 'Conflict.', 'The id in the body does not match the id in the URL.', { pointer: '/data/id' });
  if (attributesRequired && data.attributes === undefined) throw invalid('`attributes` is required.', { pointer: '/data/attributes' });
  const attributes = data.attributes ?? {};
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) throw invalid('`attributes` must be an object.', { pointer: '/data/attributes' });
  return { id: data.id as string | undefined, attributes: attributes as Record<string, unknown> };
}

/** `page[size]` within 1..max (default max). */
export function pageSize(c: Context, max: number): number {
  const raw = c.req.query('page[size]');
  if (raw === undefined) return max;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > max) throw invalid(`page[size] must be an integer between 1 and ${max}.`, { parameter: 'page[size]' });
  return size;
}

/** Klaviyo's instants: `2026-12-02T10:00:00+00:00`. */
export const klaviyoTime = (iso: string | null): string | null => (iso === null ? null : new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00'));

export const originOf = (c: Context): string => new URL(c.req.url).origin;

/** The query parameters a route knows; any other is refused, as Klaviyo refuses unknown parameters. */
export function onlyParams(c: Context, known: readonly string[]): void {
  for (const name of new URL(c.req.url).searchParams.keys()) {
    if (!known.includes(name)) throw invalid(`'${name}' is not a valid query parameter.`, { parameter: name });
  }
}
