// The platform side of rate limits: counts what arrives, per sliding second (wall time), per
// day (the simulator's clock, so tests can let a day pass) and in flight, and says which limit
// a request breaks. Counts with the same sliding log the client paces with.
import type { Clock } from '../../types.js';
import { SlidingLog } from '../sliding-log.js';

export interface PlatformLimits {
  perSecond?: number;
  perDay?: number;
  inFlight?: number;
}

export type LimitVerdict = 'ok' | 'per-second' | 'per-day' | 'in-flight';

const DAY_MS = 24 * 60 * 60 * 1000;

export class LimitGuard {
  readonly #second: SlidingLog;
  readonly #day: SlidingLog;
  #inFlight = 0;

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
    if (enforce) {
      if (this.limits.inFlight !== undefined && this.#inFlight >= this.limits.inFlight) return 'in-flight';
      if (this.#second.waitFor(1, wall) > 0) return 'per-second';
      if (this.#day.waitFor(1, day) > 0) return 'per-day';
    }
    this.#second.record(wall, 1);
    this.#day.record(day, 1);
    this.#inFlight++;
    return 'ok';
  }

  leave(): void {
    this.#inFlight--;
  }

  /** What the platform's usage headers report. */
  usage(): { lastSecond: number; lastDay: number } {
    return { lastSecond: this.#second.used(this.wallNow()), lastDay: this.#day.used(this.clock.now().getTime()) };
  }
}
