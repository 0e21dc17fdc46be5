// The vendor client factory: every platform reaches the network through one of these. It paces
// against the platform's buckets, authenticates (refreshing an expired token once), sends with a
// timeout that covers the exchange only, reads the platform's signals and throws one scrubbed
// AdapterError per failure. It never retries a failure and never sleeps on one: the core does.
import type { z } from 'zod';
import type { AdapterContext, Clock } from '../types.js';
import { AdapterError } from './adapter-error.js';
import { applyAuth, secretsOf, type AuthStrategy } from './auth.js';
import { withOverrides, type Buckets, type Charge } from './buckets.js';
import { createTransport, type HttpRequest, type HttpResponse } from './http.js';
import { Pacer, type BucketUsage, type PacerTime } from './pacer.js';
import { SecretScrubber } from './scrub.js';
import { failureToError, type CallInfo, type VendorSignals } from './signals.js';

/** What a platform declares once, in its adapter.ts. */
export interface VendorDeclaration {
  /** the platform's name in messages: "Hootsuite" */
  name: string;
  baseUrl: string;
  buckets: Buckets;
  signals: VendorSignals;
  /** headers on every request (the kit adds Accept: application/json) */
  headers?: Readonly<Record<string, string>>;
  /** a pacing wait longer than this fails the call `rate_limited` instead (default 60 s) */
  maxWaitMs?: number;
}

export interface VendorRequest extends HttpRequest {
  /** for messages; default `METHOD /path` */
  operation?: string;
  /** default: any method but GET */
  write?: boolean;
  /** what it costs in the platform's buckets (default: 1 in each `request` bucket) */
  charge?: Charge;
}

export interface ClientOptions {
  auth: AuthStrategy;
  /** Called once when the platform answers `unauthorized`; the call is then sent once more. */
  refresh?: () => Promise<AuthStrategy>;
  /** pacing time, for tests (default: real monotonic time) */
  time?: PacerTime;
  /**
   * Values outside the auth strategy that must never appear in a message: a developer token
   * sent as a vendor header, the OAuth client secret and refresh token behind `refresh`.
   */
  secrets?: readonly string[];
}

export type ClientContext = Pick<AdapterContext<unknown>, 'baseUrl' | 'timeoutMs' | 'limits' | 'clock' | 'onWait'>;

export interface VendorClient {
  readonly clock: Clock;
  /** The answer, when the platform's signals find no failure in it; else throws AdapterError. */
  send(request: VendorRequest): Promise<HttpResponse>;
  /** `send`, then the body parsed with a loose schema; a body that does not fit is `unexpected_response`. */
  json<T>(request: VendorRequest, schema: z.ZodType<T>): Promise<T>;
  /** The failure in an answer that did not come through `send` (one element of a batch). */
  failureOf(response: HttpResponse, call: CallInfo): AdapterError | null;
  /** A 2xx whose body is not what the vendor documents. */
  unexpected(call: CallInfo, status: number, detail: string): AdapterError;
  scrub(text: string): string;
  /** What `count` more requests meet in the request buckets: how many go now, when the last can (Pacer.forecast). */
  forecast(count: number): { allowedNow: number; finishesAt: Date };
  /**
   * What a window bucket holds now (`key`: one ad account's), in the pacer's time: for a quota
   * forecast. Null for a bucket the vendor does not declare.
   */
  usage(bucket: string, key?: string): BucketUsage | null;
}

export function callInfo(request: VendorRequest): CallInfo {
  return { operation: request.operation ?? `${request.method} ${request.path}`, method: request.method, write: request.write ?? request.method !== 'GET' };
}

export function createVendorClient(ctx: ClientContext, vendor: VendorDeclaration, options: ClientOptions): VendorClient {
  const transport = createTransport({ baseUrl: ctx.baseUrl ?? vendor.baseUrl, timeoutMs: ctx.timeoutMs });
  const pacer = new Pacer({
    buckets: withOverrides(vendor.buckets, ctx.limits),
    ...(options.time && { time: options.time }),
    ...(vendor.maxWaitMs !== undefined && { maxWaitMs: vendor.maxWaitMs }),
    onHeldBack: ({ waitMs, reason }) => ctx.onWait?.({ until: new Date(ctx.clock.now().getTime() + waitMs), reason }),
  });
  const scrubber = new SecretScrubber([...secretsOf(options.auth), ...(options.secrets ?? [])]);
  let credential = { auth: options.auth, generation: 0 };
  let refreshing: Promise<void> | null = null;

  const failureOf = (response: HttpResponse, call: CallInfo): AdapterError | null => {
    const failure = vendor.signals.classify(response, call);
    if (!failure) return null;
    return failureToError(failure, { vendor: vendor.name, call, response, now: ctx.clock.now(), scrub: (t) => scrubber.scrub(t) });
  };

  const sendOnce = (request: VendorRequest, call: CallInfo, auth: AuthStrategy): Promise<HttpResponse> =>
    pacer.run(request.charge, async () => {
      const { operation: _o, write: _w, charge: _c, ...http } = request;
      const headers = { ...vendor.headers, ...http.headers };
      return transport.exchange(applyAuth(auth, { ...http, headers }), call.operation);
    });

  // One refresh at a time; a call that failed with an older credential just tries the new one.
  const refreshFrom = async (generation: number): Promise<void> => {
    if (generation !== credential.generation) return;
    refreshing ??= (async () => {
      try {
        const next = await options.refresh!();
        scrubber.add(...secretsOf(next));
        credential = { auth: next, generation: credential.generation + 1 };
      } finally {
        refreshing = null;
      }
    })();
    try {
      await refreshing;
    } catch (error) {
      throw new AdapterError({
        code: 'unauthorized',
        message: scrubber.scrub(`${vendor.name}: the credential was refused and refreshing it failed (${error instanceof Error ? error.message : String(error)})`),
        retryable: false,
        ambiguous: false,
      });
    }
  };

  const send = async (request: VendorRequest): Promise<HttpResponse> => {
    const call = callInfo(request);
    let used = credential;
    let response = await sendOnce(request, call, used.auth);
    let failure = failureOf(response, call);
    if (failure?.code === 'unauthorized' && options.refresh) {
      await refreshFrom(used.generation);
      used = credential;
      response = await sendOnce(request, call, used.auth);
      failure = failureOf(response, call);
    }
    if (failure) throw failure;
    return response;
  };

  const unexpected = (call: CallInfo, status: number, detail: string): AdapterError =>
    new AdapterError({
      code: 'unexpected_response',
      message: scrubber.scrub(`${call.operation}: ${vendor.name} answered ${status} with an unexpected body (${detail})`),
      retryable: true,
      // A write that answered 2xx most likely happened even if we cannot read the answer.
      ambiguous: call.write,
      httpStatus: status,
    });

  return {
    clock: ctx.clock,
    send,
    async json(request, schema) {
      const response = await send(request);
      const parsed = schema.safeParse(response.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw unexpected(callInfo(request), response.status, issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid body');
      }
      return parsed.data;
    },
    failureOf,
    unexpected,
    scrub: (text) => scrubber.scrub(text),
    forecast(count) {
      const { allowedNow, waitMs } = pacer.forecast(count);
      return { allowedNow, finishesAt: new Date(ctx.clock.now().getTime() + waitMs) };
    },
    usage: (bucket, key) => pacer.usage(bucket, key),
  };
}
