// HTTP details of the fake Mailchimp: problem+json answers, API-key authentication, partial
// responses (`fields` / `exclude_fields`).
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { dcFromKey } from './settings.js';
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

export const tooManyRequests = (): Response =>
  problemResponse(new SimProblem(429, 'Too Many Requests', 'You have exceeded the limit of 10 simultaneous connections.'));

export const internalError = (): Response =>
  problemResponse(new SimProblem(500, 'Internal Server Error', 'An unexpected internal error has occurred. Please contact Support for more information.'));

/** The API key of a request: HTTP Basic (any user name, key as password) or `Bearer <key>`. */
export function apiKeyOf(c: Context): string | null {
  const header = c.req.header('authorization') ?? '';
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1].trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 ? decoded.slice(colon + 1) : null;
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(header);
  return bearer?.[1]?.trim() ?? null;
}

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
