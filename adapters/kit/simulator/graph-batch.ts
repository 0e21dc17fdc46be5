// The Graph batch endpoint, as every Graph product answers it: `POST /{v}/ batch=[{method,
// relative_url, body}, …]` (≤ 50). The batch's own `access_token` (and appsecret_proof)
// authenticate it once; each sub-request runs against the same routes and is answered, in order,
// as `{code, headers:[{name,value}], body:"<json string>"}`, or `null` when it did not complete.
// https://developers.facebook.com/docs/graph-api/batch-requests
import type { Context } from 'hono';
import type { Params } from './graph.js';

export const MAX_BATCH = 50;

/** A fault armed for one batch element: its own answer, or `null` (`applied`: it ran anyway). */
export type ElementFault = { answer: Response } | { incomplete: true; applied: boolean };

export interface GraphBatchOptions {
  /** runs one sub-request through the Graph routes (already authenticated: the batch's token) */
  fetchInner(request: Request): Promise<Response>;
  /** the platform's 100 "invalid parameter" answer */
  invalidParam(message: string): Response;
  /** the fault armed for the element addressed to this object, if any (used up) */
  takeFault(objectId: string): ElementFault | undefined;
  /** the usage headers an element carries, as the platform sends them */
  usageHeaders: readonly string[];
}

type Element = { code: number; headers?: Array<{ name: string; value: string }>; body: string } | null;
type Ctx = { origin: string; prefix: string | undefined; version: string; includeHeaders: boolean };
const METHODS = new Set(['GET', 'POST', 'DELETE']);

export function graphBatchHandler<E extends { Variables: { params: Params } }>(options: GraphBatchOptions): (c: Context<E>) => Promise<Response> {
  const { invalidParam } = options;
  return async (c) => {
    const raw = (c.var as { params: Params }).params['batch'];
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
    const includeHeaders = (c.var as { params: Params }).params['include_headers'] !== 'false';
    const ctx: Ctx = { origin: new URL(c.req.url).origin, prefix: c.req.header('x-forwarded-prefix'), version: c.req.param('version') ?? '', includeHeaders };
    const elements: Element[] = [];
    // Graph runs independent operations in parallel; in order is one valid schedule of that.
    // Each sub-request counts on its own against the platform's limits (batch-requests#limits).
    for (const op of ops as Array<Record<string, unknown>>) elements.push(await runOne(op, ctx, options));
    return c.json(elements);
  };
}

async function runOne(op: Record<string, unknown>, ctx: Ctx, options: GraphBatchOptions): Promise<Element> {
  const element = (response: Response) => toElement(response, ctx.includeHeaders, options.usageHeaders);
  const method = String(op['method'] ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) return element(options.invalidParam(`Unsupported method ${method} in batch`));
  let path = String(op['relative_url'] ?? '').replace(/^\/+/, '');
  if (!/^v\d+\.0(\/|$)/.test(path)) path = `${ctx.version}/${path}`;
  const objectId = /^v\d+\.0\/([^/?]+)/.exec(path)?.[1];
  if (!objectId) return element(options.invalidParam('Batch requests must name an object in relative_url'));

  const fault = options.takeFault(objectId);
  if (fault && 'answer' in fault) return element(fault.answer);
  const hasBody = method === 'POST';
  // The sandbox's prefix goes on to sub-requests: URLs they answer must point where the outer one came.
  const headers: Record<string, string> = { ...(ctx.prefix !== undefined && { 'x-forwarded-prefix': ctx.prefix }), ...(hasBody && { 'content-type': 'application/x-www-form-urlencoded' }) };
  const request = new Request(`${ctx.origin}/${path}`, { method, headers, ...(hasBody && { body: typeof op['body'] === 'string' ? op['body'] : '' }) });
  if (fault) {
    if (fault.applied) await options.fetchInner(request);
    return null;
  }
  return element(await options.fetchInner(request));
}

async function toElement(response: Response, includeHeaders: boolean, usageHeaders: readonly string[]): Promise<Element> {
  const body = await response.text();
  if (!includeHeaders) return { code: response.status, body };
  const headers = [{ name: 'Content-Type', value: 'text/javascript; charset=UTF-8' }];
  for (const name of [...usageHeaders, 'WWW-Authenticate']) {
    const value = response.headers.get(name);
    if (value) headers.push({ name, value });
  }
  return { code: response.status, headers, body };
}
