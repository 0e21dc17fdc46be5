// The layer every simulator puts in front of its platform API: records each request with its
// credentials masked, adds latency, enforces the platform's limits when asked, and plays injected
// faults with the platform's own signals. `GET /__sandbox/state` is mounted before it.
import type { Context, MiddlewareHandler } from 'hono';
import { CREDENTIAL_PARAMS } from '../scrub.js';
import type { Faults } from './faults.js';
import type { LimitGuard, LimitVerdict } from './limit-guard.js';
import type { FaultRule, RecordedRequest } from './types.js';

export interface EdgeSignals {
  /** the platform's throttling answer; `variant` picks one of its signals (default its first) */
  rateLimited(c: Context, variant?: string, cause?: Exclude<LimitVerdict, 'ok'> | 'fault'): Response;
  /** a plausible 5xx for the platform */
  serverError(c: Context): Response;
}

export interface EdgeOptions {
  latencyMs: number;
  faults: Faults;
  requests: RecordedRequest[];
  guard: LimitGuard | null;
  /** refuse over-limit traffic (else only count it, for usage headers); default true */
  enforce?: boolean;
  /** the throttle variant over-limit traffic gets */
  limitVariant?: string;
  signals: EdgeSignals;
  /** credential values, masked wherever they appear in a recorded request */
  secrets?: readonly string[];
  /**
   * The method injected faults match a request by besides its HTTP method. A platform that
   * reads over POST too (GraphQL queries, Google Ads' GAQL search) says `GET` for those, so a
   * fault aimed at reads hits them (and one aimed at POSTs still does).
   */
  faultMethod?(method: string, path: string, body: string): string;
}

const MAX_RECORDED = 10_000;

export function simulatorEdge(options: EdgeOptions): MiddlewareHandler {
  const mask = masker(options.secrets ?? []);
  return async (c, next) => {
    const url = new URL(c.req.url);
    const body = c.req.method === 'GET' ? '' : await c.req.raw.clone().text();
    options.requests.push({ method: c.req.method, path: url.pathname, query: mask(maskParams(url.search.replace(/^\?/, ''))), body: mask(maskParams(body)) });
    if (options.requests.length > MAX_RECORDED) options.requests.shift();

    // Counted as in flight before the latency: a slow platform is when connection limits bite.
    const verdict = options.guard?.enter(options.enforce ?? true) ?? 'ok';
    if (verdict !== 'ok') return options.signals.rateLimited(c, options.limitVariant, verdict);
    try {
      if (options.latencyMs > 0) await delay(options.latencyMs);
      const fault = options.faults.take(c.req.method, url.pathname, options.faultMethod?.(c.req.method, url.pathname, body));
      if (fault && !fault.applied) return await playFault(c, fault, options.signals);
      await next();
      if (fault) c.res = await playFault(c, fault, options.signals);
    } finally {
      options.guard?.leave();
    }
  };
}

async function playFault(c: Context, fault: FaultRule, signals: EdgeSignals): Promise<Response> {
  switch (fault.kind) {
    case 'rate-limit':
      return signals.rateLimited(c, fault.variant, 'fault');
    case 'server-error':
      return signals.serverError(c);
    case 'timeout':
      await delay(fault.holdMs ?? 60_000);
      return c.json({ message: 'gateway timeout' }, 504);
    case 'reset': {
      // Over real HTTP, cut the socket; under msw, a network error is the same thing.
      const socket = (c.env as { outgoing?: { socket?: { destroy(): void } } } | undefined)?.outgoing?.socket;
      if (socket) {
        socket.destroy();
        return new Promise<Response>(() => {});
      }
      return Response.error();
    }
  }
}

// A credential sent as a parameter (Graph's `access_token=…`, in a query or a form body).
const PARAM = new RegExp(`\\b(${CREDENTIAL_PARAMS.join('|')})=[^&\\s]*`, 'gi');
const maskParams = (text: string): string => text.replace(PARAM, '$1=***');

function masker(secrets: readonly string[]): (text: string) => string {
  const values = secrets.filter((s) => s.length >= 4).flatMap((s) => [s, encodeURIComponent(s)]);
  return (text) => values.reduce((out, secret) => out.split(secret).join('***'), text);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
