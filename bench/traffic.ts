// Counts what each sandbox platform receives, in front of the simulators: requests by method
// and status, throttling answers, the most requests in flight at once, and when each arrived.
// The simulators keep their own log too (`simulator.requests`), but it is capped at the last
// 10,000 requests, and a 10,000-item pause makes more than that.

/** Meta throttles in the JSON body, inside batch elements too (codes 4, 17, 613, 80000–80014). */
const META_THROTTLE = /\\?"code\\?":\s*(4|17|613|800(0\d|1[0-4]))[,}]/;

export interface ConnectionTraffic {
  requests: number;
  byMethod: Record<string, number>;
  byStatus: Record<string, number>;
  /** 429s, and Meta's throttling codes in bodies and batch elements */
  throttled: number;
  maxInFlight: number;
  /** the sum of every request's time from arrival to answer, ms (platform latency included) */
  totalMs: number;
  /** ms since the counters were last reset, one per request, in arrival order */
  arrivals: number[];
  /** the same, for the requests answered with a throttling signal */
  throttledArrivals: number[];
  /** the simulator's own request log length, as a cross-check while it is below its cap */
  simulatorLog?: number;
}

export class TrafficCounter {
  #since = performance.now();
  #byConnection = new Map<string, ConnectionTraffic>();
  #inFlight = new Map<string, number>();

  wrap(fetch: (request: Request, env?: unknown) => Response | Promise<Response>) {
    return async (request: Request, env?: unknown): Promise<Response> => {
      const connection = new URL(request.url).pathname.split('/')[1] ?? '';
      if (connection.startsWith('__')) return fetch(request, env);
      const t = this.#entry(connection);
      t.requests++;
      t.byMethod[request.method] = (t.byMethod[request.method] ?? 0) + 1;
      // Tenths of a millisecond: rounding to whole ones would blur the one-second windows.
      const arrival = Math.round((performance.now() - this.#since) * 10) / 10;
      t.arrivals.push(arrival);
      const inFlight = (this.#inFlight.get(connection) ?? 0) + 1;
      this.#inFlight.set(connection, inFlight);
      t.maxInFlight = Math.max(t.maxInFlight, inFlight);
      const started = performance.now();
      try {
        const response = await fetch(request, env);
        t.totalMs += performance.now() - started;
        t.byStatus[response.status] = (t.byStatus[response.status] ?? 0) + 1;
        if (response.status === 429 || (connection.startsWith('meta') && (await isMetaThrottle(response)))) {
          t.throttled++;
          t.throttledArrivals.push(arrival);
        }
        return response;
      } finally {
        this.#inFlight.set(connection, (this.#inFlight.get(connection) ?? 1) - 1);
      }
    };
  }

  /** What arrived since the last call, then start counting afresh. */
  take(): Record<string, ConnectionTraffic> {
    const out = Object.fromEntries(this.#byConnection);
    this.#byConnection = new Map();
    this.#since = performance.now();
    return out;
  }

  #entry(connection: string): ConnectionTraffic {
    let t = this.#byConnection.get(connection);
    if (!t) {
      t = { requests: 0, byMethod: {}, byStatus: {}, throttled: 0, maxInFlight: 0, totalMs: 0, arrivals: [], throttledArrivals: [] };
      this.#byConnection.set(connection, t);
    }
    return t;
  }
}

async function isMetaThrottle(response: Response): Promise<boolean> {
  if (response.status === 200 && !response.headers.get('content-type')?.includes('json')) return false;
  return META_THROTTLE.test(await response.clone().text());
}
