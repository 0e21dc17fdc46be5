// SendGrid's rate limits as the simulator keeps them: each endpoint (method and path template)
// has its own allowance per refresh period, counted on the simulator's clock in fixed periods
// ("You will no longer be able to make request against that endpoint for the duration of that
// refresh period": https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits).
import type { Clock } from '../types.js';

/** The v3 default seen in X-RateLimit-Limit (README, "facts settled"), per minute. */
export const LIMIT_PER_PERIOD = 600;
export const PERIOD_MS = 60_000;

export interface Usage {
  limit: number;
  remaining: number;
  /** epoch seconds when the current period ends */
  resetAt: number;
}

export class EndpointLimits {
  readonly #periods = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit = LIMIT_PER_PERIOD,
    private readonly periodMs = PERIOD_MS,
  ) {}

  /** Counts a request to `endpoint` unless it is over the limit and `enforce`; says where it stands. */
  take(endpoint: string, enforce: boolean): Usage & { over: boolean } {
    const period = this.#period(endpoint);
    const over = period.count >= this.limit;
    if (!(over && enforce)) period.count++;
    return { ...this.#usage(period), over };
  }

  /** Where an endpoint stands without counting (for a throttled answer's headers). */
  peek(endpoint: string): Usage {
    return this.#usage(this.#period(endpoint));
  }

  #period(endpoint: string): { start: number; count: number } {
    const now = this.clock.now().getTime();
    let period = this.#periods.get(endpoint);
    if (!period || now >= period.start + this.periodMs) this.#periods.set(endpoint, (period = { start: Math.floor(now / this.periodMs) * this.periodMs, count: 0 }));
    return period;
  }

  #usage(period: { start: number; count: number }): Usage {
    return { limit: this.limit, remaining: this.limit - period.count, resetAt: Math.ceil((period.start + this.periodMs) / 1000) };
  }
}

/** The endpoint a path belongs to: a Single Send id becomes `{id}`. */
export function endpointOf(method: string, path: string): string {
  return `${method} ${path.replace(/^(\/v3\/marketing\/singlesends\/)(?!search$|categories$)[^/]+/, '$1{id}')}`;
}
