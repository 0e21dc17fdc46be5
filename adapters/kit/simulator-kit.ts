// What every platform simulator shares: the sandbox state shape, fault injection, latency,
// request recording and limit guards. The platform-specific parts (paths, fields, errors,
// rate-limit signals) live in each adapter folder's simulator.
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock, Kind } from '../types.js';

/** One row of `GET /__sandbox/state`. */
export interface SandboxItem {
  id: string;
  kind: Kind;
  /** the platform's own status string */
  status: string;
  /** true when the platform would publish, deliver or send the item */
  live: boolean;
  scheduledAt: string | null;
  fingerprint: string;
}

export interface SimulatorOptions {
  clock: Clock;
  /** credential values the fake platform accepts, keyed by the adapter's `credentialKeys` */
  credentials: Record<string, string>;
  /** the account ids that exist on the fake platform (profiles, ad accounts, audiences) */
  accountIds: string[];
  /** `sandbox`: realistic seeded content for `npm start`; `empty`: tests seed their own */
  seed: 'sandbox' | 'empty';
  /** added to every request */
  latencyMs?: number;
  /** answer over-limit traffic with the platform's own 429/throttle signal */
  enforceLimits?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** the raw query string without `?`; credentials in it are masked */
  query: string;
  /** the body as text, for batch-size and payload assertions; credentials in it are masked */
  body: string;
}

export interface Simulator {
  readonly platform: string;
  /** Answers one request as the platform would. `env` carries @hono/node-server bindings. */
  fetch(request: Request, env?: unknown): Promise<Response>;
  /** every item the platform holds, for `GET /__sandbox/state` */
  state(): SandboxItem[];
  readonly faults: Faults;
  /** requests seen, oldest first (the last 10,000) */
  readonly requests: RecordedRequest[];
}

export type FaultKind = 'rate-limit' | 'server-error' | 'timeout' | 'reset';

export interface FaultRule {
  kind: FaultKind;
  /** only requests with this method */
  method?: string;
  /** only requests whose path matches */
  path?: RegExp;
  /** how many matching requests it hits (default 1; Infinity for all) */
  times?: number;
  /** let this many matching requests through first */
  after?: number;
  /** for `timeout`: how long to hold the request before answering 504 (default 60 s) */
  holdMs?: number;
  /**
   * Let the platform carry the request out first, then fail the answer: the change happened
   * but the caller cannot know (a lost response, a crash after the call).
   */
  applied?: boolean;
}

/** Faults injected into a simulator: tests and the benchmark arm them, requests consume them. */
export class Faults {
  readonly #rules: Array<Required<Pick<FaultRule, 'times' | 'after'>> & FaultRule> = [];

  inject(rule: FaultRule): void {
    this.#rules.push({ ...rule, times: rule.times ?? 1, after: rule.after ?? 0 });
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** The rule this request triggers, if any; consumes one use of it. */
  take(method: string, path: string): FaultRule | undefined {
    for (const rule of this.#rules) {
      if (rule.method && rule.method !== method) continue;
      if (rule.path && !rule.path.test(path)) continue;
      if (rule.after > 0) {
        rule.after--;
        continue;
      }
      if (rule.times <= 0) continue;
      rule.times--;
      return rule;
    }
    return undefined;
  }
}

/** Counts requests per second and in flight, to answer over-limit traffic as the platform does. */
export class LimitGuard {
  #windowStart = 0;
  #inWindow = 0;
  #inFlight = 0;

  constructor(
    private readonly limits: { requestsPerSecond?: number; maxInFlight?: number },
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  /** 'ok' (call `leave()` when done) or which limit the request breaks. */
  enter(): 'ok' | 'rate' | 'in-flight' {
    const now = this.nowMs();
    if (now - this.#windowStart >= 1000) {
      this.#windowStart = now;
      this.#inWindow = 0;
    }
    if (this.limits.maxInFlight !== undefined && this.#inFlight >= this.limits.maxInFlight) return 'in-flight';
    if (this.limits.requestsPerSecond !== undefined && this.#inWindow >= this.limits.requestsPerSecond) return 'rate';
    this.#inWindow++;
    this.#inFlight++;
    return 'ok';
  }

  leave(): void {
    this.#inFlight--;
  }
}

export interface PlatformSignals {
  /** the platform's own throttling answer (status, body, headers) */
  rateLimited(c: Context): Response;
  /** a plausible 5xx for the platform */
  serverError(c: Context): Response;
}

const MAX_RECORDED = 10_000;

/**
 * Middleware every simulator mounts first: records the request, adds latency, enforces the
 * platform's limits when asked, and plays injected faults with the platform's own signals.
 */
export function simulatorEdge(options: {
  latencyMs: number;
  faults: Faults;
  requests: RecordedRequest[];
  guard: LimitGuard | null;
  signals: PlatformSignals;
}): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const body = c.req.method === 'GET' ? '' : await c.req.raw.clone().text();
    options.requests.push({ method: c.req.method, path: url.pathname, query: maskQuery(url.search), body: maskForm(body) });
    if (options.requests.length > MAX_RECORDED) options.requests.shift();

    // Counted as in flight before the latency: a slow platform is when connection limits bite.
    const verdict = options.guard?.enter() ?? 'ok';
    if (verdict !== 'ok') return options.signals.rateLimited(c);
    try {
      if (options.latencyMs > 0) await delay(options.latencyMs);
      const fault = options.faults.take(c.req.method, url.pathname);
      if (fault && !fault.applied) return await playFault(c, fault, options.signals);
      await next();
      if (fault) c.res = await playFault(c, fault, options.signals);
    } finally {
      options.guard?.leave();
    }
  };
}

async function playFault(c: Context, fault: FaultRule, signals: PlatformSignals): Promise<Response> {
  switch (fault.kind) {
    case 'rate-limit':
      return signals.rateLimited(c);
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

function maskQuery(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of ['access_token', 'apikey', 'api_key', 'token']) if (params.has(key)) params.set(key, '***');
  return params.toString();
}

// A token sent in a form body (Graph's `access_token=…`) is masked like one in the query.
const maskForm = (body: string): string => body.replace(/\b(access_token|apikey|api_key|token)=[^&\s]*/g, '$1=***');

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The bearer token of a request, or null. */
export function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim() ?? null;
}

/** Deterministic pseudo-random numbers for seeding realistic sandbox content. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
