// A platform's rate limits, declared as data in its adapter.ts: every bucket a request must fit
// in before it leaves. The vendor client paces against all of them; the simulator builder
// enforces the same shapes on the fake platform side.

export type BucketSpec =
  | {
      kind: 'window';
      /** at most `limit` cost in any window of `windowMs` */
      limit: number;
      windowMs: number;
      /**
       * `request`: every request costs 1 unless it says otherwise; `point`: only requests that
       * name this bucket in their `charge` are counted (Meta: a read costs 1 point, a write 3).
       */
      unit: 'request' | 'point';
      /**
       * Extra width we pace against, so that network jitter up to this much cannot put more than
       * `limit` arrivals into one of the platform's windows.
       */
      jitterMs: number;
      /** for people, in waits reported through onWait: "Hootsuite's 20 requests/s" */
      reason: string;
      /** the connection's `limits.requestsPerSecond` replaces this bucket */
      overriddenBy?: 'requestsPerSecond';
    }
  | { kind: 'in-flight'; max: number; reason: string; overriddenBy?: 'maxInFlight' };

export type Buckets = Readonly<Record<string, BucketSpec>>;

/** What a request costs: per bucket name, an amount, or an amount on one key (one ad account). */
export type Charge = Readonly<Record<string, number | { amount: number; key: string }>>;

const SECOND = 1000;
const DAY = 24 * 60 * 60 * SECOND;

type WindowOptions = { reason: string; jitterMs?: number; overriddenBy?: 'requestsPerSecond' };

export const bucket = {
  /** requests per second (sliding, not calendar seconds) */
  perSecond: (limit: number, o: WindowOptions): BucketSpec => window(limit, SECOND, 'request', o),
  /** requests per window of any width */
  requests: (limit: number, windowMs: number, o: WindowOptions): BucketSpec => window(limit, windowMs, 'request', o),
  /** points per window; requests name their cost in `charge` */
  points: (limit: number, windowMs: number, o: WindowOptions): BucketSpec => window(limit, windowMs, 'point', o),
  /** a daily quota, counted over any 24 hours (stricter than a calendar day, never looser) */
  daily: (limit: number, o: WindowOptions): BucketSpec => window(limit, DAY, 'request', o),
  inFlight: (max: number, o: { reason: string; overriddenBy?: 'maxInFlight' }): BucketSpec => ({ kind: 'in-flight', max, ...o }),
};

function window(limit: number, windowMs: number, unit: 'request' | 'point', o: WindowOptions): BucketSpec {
  return { kind: 'window', limit, windowMs, unit, jitterMs: o.jitterMs ?? 0, reason: o.reason, ...(o.overriddenBy && { overriddenBy: o.overriddenBy }) };
}

/**
 * The declared buckets with a connection's configured limits applied: `requestsPerSecond`
 * replaces every bucket declared as overridden by it (a platform's per-second limit and its own
 * smoothing of bursts alike), `maxInFlight` likewise; each is added when no bucket is declared so.
 */
export function withOverrides(buckets: Buckets, limits: { requestsPerSecond?: number | undefined; maxInFlight?: number | undefined } | undefined): Buckets {
  let out: Record<string, BucketSpec> = { ...buckets };
  const without = (tag: 'requestsPerSecond' | 'maxInFlight') => Object.fromEntries(Object.entries(out).filter(([, b]) => b.overriddenBy !== tag));
  const rps = limits?.requestsPerSecond;
  if (rps !== undefined) {
    out = without('requestsPerSecond');
    // A whole number per second, or one request per 1/rps seconds below one a second.
    const spec = rps >= 1 ? { limit: Math.floor(rps), windowMs: (SECOND * Math.floor(rps)) / rps } : { limit: 1, windowMs: SECOND / rps };
    out.configuredRequestsPerSecond = { kind: 'window', ...spec, unit: 'request', jitterMs: 0, reason: `the configured ${rps} requests/s`, overriddenBy: 'requestsPerSecond' };
  }
  const max = limits?.maxInFlight;
  if (max !== undefined) {
    out = without('maxInFlight');
    out.configuredMaxInFlight = { kind: 'in-flight', max, reason: `the configured ${max} requests in flight`, overriddenBy: 'maxInFlight' };
  }
  return out;
}
