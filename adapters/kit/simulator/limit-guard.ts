// The platform side of rate limits: counts what arrives, per sliding second (wall time), per
// day (the simulator's clock, so tests can let a day pass) and in flight, and says which limit
// a request breaks. Counts with the same sliding log the client paces with.
import type { Clock } from '../../types.js';
import { SlidingLog } from '../sliding-log.js';

export interface PlatformLimits {
  perSecond?: number;
  /**
   * How the platform counts its seconds: `sliding` (any 1,000 ms; the strictest reading, the
   * default) or `fixed` (back-to-back windows of 1,000 ms, "the current rate limit window"; the
   * first starts with the first request, as the platform's phase is unknown to us anyway).
   */
  perSecondWindow?: 'sliding' | 'fixed';
  perDay?: number;
  inFlight?: number;
}

export type LimitVerdict = 'ok' | 'per-second' | 'per-day' | 'in-flight';

const DAY_MS = 24 * 60 * 60 * 1000;

export class LimitGuard {
  readonly #second: SlidingLog;
  readonly #day: SlidingLog;
  #inFlight = 0;
  #fixedSecond = { at: Number.NEGATIVE_INFINITY, count: 0 };

  constructor(
    private readonly limits: PlatformLimits,
    private readonly clock: Clock,
    private readonly wallNow: () => number = () => performance.now(),
  ) {
    this.#second = new SlidingLog(limits.perSecond ?? Number.POSITIVE_INFINITY, 1000);
    this.#day = new SlidingLog(limits.perDay ?? Number.POSITIVE_INFINITY, DAY_MS);
  }

  /** Counts the request unless `enforce` and it breaks a limit; call `leave()` after an 'ok'. */
  enter(enforce: boolean): LimitVerdict {
    const wall = this.wallNow();
    const day = this.clock.now().getTime();
    const inThisSecond = this.#thisSecond(wall);
    if (enforce) {
      if (this.limits.inFlight !== undefined && this.#inFlight >= this.limits.inFlight) return 'in-flight';
      if (inThisSecond >= (this.limits.perSecond ?? Number.POSITIVE_INFINITY)) return 'per-second';
      if (this.#day.waitFor(1, day) > 0) return 'per-day';
    }
    this.#second.record(wall, 1);
    this.#fixedSecond.count++;
    this.#day.record(day, 1);
    this.#inFlight++;
    return 'ok';
  }

  leave(): void {
    this.#inFlight--;
  }

  /** What the platform's usage headers report. */
  usage(): { lastSecond: number; lastDay: number } {
    return { lastSecond: this.#thisSecond(this.wallNow()), lastDay: this.#day.used(this.clock.now().getTime()) };
  }

  /** Requests counted in the current second, as the platform counts its seconds. */
  #thisSecond(wall: number): number {
    if (this.limits.perSecondWindow !== 'fixed') return this.#second.used(wall);
    if (wall - this.#fixedSecond.at >= 1000) this.#fixedSecond = { at: wall, count: 0 };
    return this.#fixedSecond.count;
  }
}
