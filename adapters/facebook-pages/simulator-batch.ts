// The Graph batch endpoint: `POST /{v}/ batch=[{method, relative_url, body}, …]` (≤ 50). The
// batch's own `access_token` (and appsecret_proof) authenticate it once; each sub-request runs
// against the same routes and is answered, in order, as `{code, headers:[{name,value}],
// body:"<json string>"}`, or `null` when it did not complete.
// https://developers.facebook.com/docs/graph-api/batch-requests
import type { Context } from 'hono';
import { graphErrorResponse, invalidParam, pageThrottled } from './simulator-errors.js';
import type { GraphEnv } from './simulator-routes.js';
import type { FacebookPagesWorld } from './simulator-world.js';

export const MAX_BATCH = 50;

/** A fault armed for one batch element addressed to a post (or, for creates, a Page). */
export type BatchItemFault =
  | { kind: 'throttled' } // that element answers 32 (Page throttle), the others run
  | { kind: 'server-error' } // that element answers a transient 500 without running
  | { kind: 'incomplete'; applied: boolean }; // that element is `null`; `applied`: ran anyway

export interface BatchDeps {
  /** runs one sub-request through the Graph routes (already authenticated: the batch's token) */
  fetchInner(request: Request): Promise<Response>;
  world: FacebookPagesWorld;
}

type Element = { code: number; headers?: Array<{ name: string; value: string }>; body: string } | null;
const METHODS = new Set(['GET', 'POST', 'DELETE']);

export function batchHandler(deps: BatchDeps): (c: Context<GraphEnv>) => Promise<Response> {
  return async (c) => {
    const raw = c.var.params['batch'];
    if (raw === undefined) return invalidParam('The parameter batch is required');
    let ops: unknown;
    try {
      ops = JSON.parse(raw);
    } catch {
      return invalidParam('The batch parameter must be a JSON array');
    }
    if (!Array.isArray(ops) || ops.some((op) => !op || typeof op !== 'object')) return invalidParam('The batch parameter must be a JSON array of request objects');
    if (ops.length === 0) return invalidParam('The batch parameter must not be empty');
    if (ops.length > MAX_BATCH) return invalidParam(`Too many requests in batch message. Maximum batch size is ${MAX_BATCH}`);
    const includeHeaders = c.var.params['include_headers'] !== 'false';
    const ctx = { origin: new URL(c.req.url).origin, prefix: c.req.header('x-forwarded-prefix'), version: c.req.param('version') ?? '', includeHeaders };
    const elements: Element[] = [];
    // Graph runs independent operations in parallel; in order is one valid schedule of that.
    for (const op of ops as Array<Record<string, unknown>>) elements.push(await runOne(op, ctx, deps));
    return c.json(elements);
  };
}

async function runOne(op: Record<string, unknown>, ctx: { origin: string; prefix: string | undefined; version: string; includeHeaders: boolean }, deps: BatchDeps): Promise<Element> {
  const method = String(op['method'] ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) return toElement(invalidParam(`Unsupported method ${method} in batch`), ctx.includeHeaders);
  let path = String(op['relative_url'] ?? '').replace(/^\/+/, '');
  if (!/^v\d+\.0(\/|$)/.test(path)) path = `${ctx.version}/${path}`;
  const objectId = /^v\d+\.0\/([^/?]+)/.exec(path)?.[1];
  if (!objectId) return toElement(invalidParam('Batch requests must name an object in relative_url'), ctx.includeHeaders);

  const fault = deps.world.takeBatchFault(objectId);
  if (fault?.kind === 'throttled') return toElement(pageThrottled(), ctx.includeHeaders);
  if (fault?.kind === 'server-error') return toElement(graphErrorResponse({ status: 500, code: 2, transient: true, message: 'An unexpected error has occurred. Please retry your request later.' }), ctx.includeHeaders);
  const hasBody = method === 'POST';
  // The sandbox's prefix goes on to sub-requests: their CDN URLs must point where the outer one came.
  const headers: Record<string, string> = { ...(ctx.prefix !== undefined && { 'x-forwarded-prefix': ctx.prefix }), ...(hasBody && { 'content-type': 'application/x-www-form-urlencoded' }) };
  const request = new Request(`${ctx.origin}/${path}`, { method, headers, ...(hasBody && { body: typeof op['body'] === 'string' ? op['body'] : '' }) });
  if (fault?.kind === 'incomplete') {
    if (fault.applied) await deps.fetchInner(request);
    return null;
  }
  return toElement(await deps.fetchInner(request), ctx.includeHeaders);
}

async function toElement(response: Response, includeHeaders: boolean): Promise<Element> {
  const body = await response.text();
  if (!includeHeaders) return { code: response.status, body };
  const headers = [{ name: 'Content-Type', value: 'text/javascript; charset=UTF-8' }];
  for (const name of ['X-Page-Usage', 'X-Business-Use-Case-Usage', 'X-App-Usage', 'WWW-Authenticate']) {
    const value = response.headers.get(name);
    if (value) headers.push({ name, value });
  }
  return { code: response.status, headers, body };
}
