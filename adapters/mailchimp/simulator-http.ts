// HTTP details of the fake Mailchimp: problem+json answers, its throttling answers, API-key
// authentication, partial responses (`fields` / `exclude_fields`).
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { basicPassword, bearerToken } from '../kit/simulator/requests.js';
import { dcFromKey } from './adapter-settings.js';
import { SimProblem } from './simulator-world.js';

const ERROR_DOCS = 'https://mailchimp.com/developer/marketing/docs/errors/';

/** https://mailchimp.com/developer/marketing/docs/errors/ — RFC 7807 with Mailchimp's titles. */
export function problemResponse(problem: SimProblem, headers: Record<string, string> = {}): Response {
  const body = {
    type: ERROR_DOCS,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    instance: randomUUID(),
    ...(problem.errors && { errors: problem.errors }),
  };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/**
 * Mailchimp's throttling answers: the documented 429 problem body (error glossary:
 * "TooManyRequests … You have exceeded the limit of 10 simultaneous connections."), and "at
 * exceptionally high volumes … an HTTP 429 or 403 without a JSON body" (Fundamentals page).
 */
export const THROTTLES = {
  'too-many-requests': () => problemResponse(new SimProblem(429, 'Too Many Requests', 'You have exceeded the limit of 10 simultaneous connections.')),
  'bare-429': () => new Response(null, { status: 429 }),
  'bare-403': () => new Response(null, { status: 403 }),
} as const;

export const internalError = (): Response =>
  problemResponse(new SimProblem(500, 'Internal Server Error', 'An unexpected internal error has occurred. Please contact Support for more information.'));

/** The API key of a request: HTTP Basic (any user name, key as password) or `Bearer <key>`. */
export const apiKeyOf = (c: Context): string | null => basicPassword(c) ?? bearerToken(c);

/** Mailchimp's 401s, or null when the key is accepted on this host. */
export function authProblem(c: Context, accepted: readonly string[]): SimProblem | null {
  const key = apiKeyOf(c);
  if (!key) return new SimProblem(401, 'API Key Missing', 'Your request did not include an API key.');
  const invalid = new SimProblem(401, 'API Key Invalid', "Your API key may be invalid, or you've attempted to access the wrong datacenter.");
  if (!accepted.includes(key)) return invalid;
  // A key only works at its own data center's host.
  const host = /^([a-z]+\d+)\.api\.mailchimp\.com$/.exec(new URL(c.req.url).hostname)?.[1];
  const keyDc = dcFromKey(key);
  if (host && keyDc && host !== keyDc) return invalid;
  return null;
}

type Trie = Map<string, Trie | true>;

function trieOf(list: string | undefined): Trie | null {
  if (!list) return null;
  const root: Trie = new Map();
  for (const path of list.split(',').map((p) => p.trim()).filter(Boolean)) {
    let node = root;
    const parts = path.split('.');
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node.set(part, true);
      else {
        const next = node.get(part);
        if (next === true) return;
        const child: Trie = next ?? new Map();
        node.set(part, child);
        node = child;
      }
    });
  }
  return root;
}

/** Applies `fields` (keep only) then `exclude_fields` (drop), dot paths through arrays. */
export function partialResponse(value: unknown, fields: string | undefined, exclude: string | undefined): unknown {
  const keep = trieOf(fields);
  const drop = trieOf(exclude);
  const kept = keep ? pick(value, keep) : value;
  return drop ? omit(kept, drop) : kept;
}

function pick(value: unknown, trie: Trie): unknown {
  if (Array.isArray(value)) return value.map((v) => pick(v, trie));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of trie) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sub === true ? v : pick(v, sub);
  }
  return out;
}

function omit(value: unknown, trie: Trie): unknown {
  if (Array.isArray(value)) return value.map((v) => omit(v, trie));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const sub = trie.get(key);
    if (sub === true) continue;
    out[key] = sub ? omit(v, sub) : v;
  }
  return out;
}

// ---- helpers for the routes ----

/** An action endpoint: Mailchimp answers `204 No Content`. */
export const action =
  (run: (c: Context) => void | Promise<void>) =>
  async (c: Context): Promise<Response> => {
    await run(c);
    return new Response(null, { status: 204 });
  };

export const invalid = (field: string, message: string): SimProblem =>
  new SimProblem(400, 'Invalid Resource', "The resource submitted could not be validated. For field-specific details, see the 'errors' array.", [{ field, message }]);

/** A JSON answer, cut down by the request's `fields` / `exclude_fields`. */
export function respond(c: Context, body: unknown): Response {
  return c.json(partialResponse(body, c.req.query('fields'), c.req.query('exclude_fields')) as object);
}

/** A query parameter that takes one of a few values, or nothing. */
export function oneOf<T extends string>(c: Context, name: string, allowed: readonly T[]): T | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalid(name, `Must be one of: ${allowed.join(', ')}.`);
  return value as T;
}

/** `count` default 10, at most 1000; `offset` default 0. */
export function paging(c: Context): { count: number; offset: number } {
  const count = Number(c.req.query('count') ?? 10);
  const offset = Number(c.req.query('offset') ?? 0);
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw invalid('count', 'Must be an integer from 1 to 1000.');
  if (!Number.isInteger(offset) || offset < 0) throw invalid('offset', 'Must be a non-negative integer.');
  return { count, offset };
}

/** A path parameter (Hono's route typing is lost through the `action` wrapper). */
export const param = (c: Context, name: string): string => c.req.param(name) ?? '';

export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new SimProblem(400, 'JSON Parse Error', 'We encountered an unspecified JSON parsing error.');
  }
}

export const originOf = (c: Context): string => new URL(c.req.url).origin;
