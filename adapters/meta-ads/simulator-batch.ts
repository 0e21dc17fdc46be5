// The Graph batch endpoint: `POST /{v}/ batch=[{method, relative_url, body}, …]` (≤ 50). The
// batch's own `access_token` (and appsecret_proof) authenticate it once; each sub-request runs
// against the same routes and is answered, in order, as `{code, headers:[{name,value}],
// body:"<json string>"}`, or `null` when it did not complete.
// https://developers.facebook.com/docs/graph-api/batch-requests
import type { Context } from 'hono';
import { ACCESS_TIERS } from './adapter-settings.js';
import { adAccountThrottled, bucUsageHeader, INJECTED_REGAIN_MINUTES, invalidParam } from './simulator-errors.js';
import type { GraphEnv } from './simulator-routes.js';
import type { MetaAdsWorld } from './simulator-world.js';

export const MAX_BATCH = 50;

/** A fault armed for one batch element addressed to a campaign. */
export type BatchItemFault =
  | { kind: 'throttled' } // that element answers 613 (ad-account throttle), the others run
  | { kind: 'incomplete'; applied: boolean }; // that element is `null`; `applied`: ran anyway

export interface BatchDeps {
  /** runs one sub-request through the Graph routes (already authenticated: the batch's token) */
  fetchInner(request: Request): Promise<Response>;
  world: MetaAdsWorld;
}

type Element = { code: number; headers?: Array<{ name: string; value: string }>; body: string } | null;

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
    if (!Array.isArray(ops) || ops.some((op) => !op || typeof op !== 'object')) {
      return invalidParam('The batch parameter must be a JSON array of request objects');
    }
    if (ops.length === 0) return invalidParam('The batch parameter must not be empty');
    if (ops.length > MAX_BATCH) return invalidParam(`Too many requests in batch message. Maximum batch size is ${MAX_BATCH}`);

    const includeHeaders = c.var.params['include_headers'] !== 'false';
    const origin = new URL(c.req.url).origin;
    const version = c.req.param('version') ?? '';
    const elements: Element[] = [];
    // Graph runs independent operations in parallel; in order is one valid schedule of that.
    // Each sub-request counts on its own against the ad account's limits (batch-requests#limits).
    for (const op of ops as Array<Record<string, unknown>>) {
      elements.push(await runOne(op, { origin, version, includeHeaders }, deps));
    }
    return c.json(elements);
  };
}

async function runOne(
  op: Record<string, unknown>,
  ctx: { origin: string; version: string; includeHeaders: boolean },
  deps: BatchDeps,
): Promise<Element> {
  const method = String(op['method'] ?? 'GET').toUpperCase();
  let path = String(op['relative_url'] ?? '').replace(/^\/+/, '');
  if (!/^v\d+\.0(\/|$)/.test(path)) path = `${ctx.version}/${path}`;
  const objectId = /^v\d+\.0\/([^/?]+)/.exec(path)?.[1];
  if (!objectId) return toElement(invalidParam('Batch requests must name an object in relative_url'), ctx.includeHeaders);

  const fault = deps.world.takeBatchFault(objectId);
  if (fault?.kind === 'throttled') return toElement(adAccountThrottled(usageHeader(deps.world, objectId)), ctx.includeHeaders);

  const hasBody = method !== 'GET' && method !== 'DELETE';
  const request = new Request(`${ctx.origin}/${path}`, {
    method,
    ...(hasBody && { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: typeof op['body'] === 'string' ? op['body'] : '' }),
  });
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
  for (const name of ['X-Business-Use-Case-Usage', 'X-Ad-Account-Usage', 'WWW-Authenticate']) {
    const value = response.headers.get(name);
    if (value) headers.push({ name, value });
  }
  return { code: response.status, headers, body };
}

/** The hourly budget's usage header an injected throttle of a campaign's element carries. */
function usageHeader(world: MetaAdsWorld, objectId: string): string | undefined {
  const campaign = world.get(objectId);
  return campaign && bucUsageHeader(campaign.account_id, 100, INJECTED_REGAIN_MINUTES, ACCESS_TIERS[world.app.accessTier].headerValue);
}
