// Buffer's request limits on the platform side: per client, over rolling windows of 15 minutes,
// 24 hours and 30 days, by plan (guides/api-limits), counted on the simulator's clock (a test lets
// time pass). The tightest window gives the RateLimit-* headers on every answer.
import { SlidingLog } from '../kit/sliding-log.js';
import type { Clock } from '../types.js';
import { DAY_MS, MONTH_MS, PLANS, WINDOW_MS, type Plan } from './adapter-settings.js';

export interface LimitState {
  limit: number;
  remaining: number;
  /** when the oldest request of the tightest window leaves it */
  reset: Date;
}

export class BufferLimits {
  #logs: Array<{ log: SlidingLog; name: string }> = [];
  #plan: Plan | null = null;
  /** requests refused for being over a limit */
  overLimit = 0;

  constructor(private readonly clock: Clock) {}

  #windows(plan: Plan) {
    if (this.#plan !== plan) {
      const p = PLANS[plan];
      this.#logs = [
        { log: new SlidingLog(p.perWindow, WINDOW_MS), name: '15m' },
        { log: new SlidingLog(p.perDay, DAY_MS), name: '24h' },
        { log: new SlidingLog(p.perMonth, MONTH_MS), name: '30d' },
      ];
      this.#plan = plan;
    }
    return this.#logs;
  }

  /** Counts a request, or says which window it breaks (only when `enforce`). */
  enter(plan: Plan, enforce: boolean): { window: string; retryAfterS: number } | null {
    const now = this.clock.now().getTime();
    for (const { log, name } of this.#windows(plan)) {
      const wait = log.waitFor(1, now);
      if (enforce && wait > 0) {
        this.overLimit++;
        return { window: name, retryAfterS: Math.ceil(wait / 1000) };
      }
    }
    for (const { log } of this.#windows(plan)) log.record(now, 1);
    return null;
  }

  /** Another client of the same account spends `n` requests. */
  spend(plan: Plan, n: number): void {
    const now = this.clock.now().getTime();
    for (const { log } of this.#windows(plan)) log.record(now, n);
  }

  state(plan: Plan): LimitState {
    const now = this.clock.now().getTime();
    const states = this.#windows(plan).map(({ log }) => ({ limit: log.limit, remaining: Math.max(0, log.limit - log.used(now)), reset: new Date(log.oldestExpiry(now) ?? now) }));
    return states.reduce((a, b) => (b.remaining < a.remaining ? b : a));
  }
}
