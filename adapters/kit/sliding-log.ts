// A sliding-window log: the times (and costs) of the calls made in the last `windowMs`. Unlike a
// token bucket it never forgets capacity that was not used during a stall, and never lets more
// than `limit` into ANY window of `windowMs`. Shared by the client's pacing and the simulators'
// limit guards, so both count the same way.

export class SlidingLog {
  #times: number[] = [];
  #costs: number[] = [];
  #head = 0;
  #total = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Cost counted in the window ending at `now`. */
  used(now: number): number {
    this.#expire(now);
    return this.#total;
  }

  /** How long from `now` until `cost` fits in the window; 0 when it fits now. */
  waitFor(cost: number, now: number): number {
    this.#expire(now);
    let excess = this.#total + cost - this.limit;
    if (excess <= 0) return 0;
    let i = this.#head;
    // The oldest entries leave first: wait until enough of them have.
    while (excess > 0 && i < this.#times.length) excess -= this.#costs[i++]!;
    return this.#times[i - 1]! + this.windowMs - now;
  }

  record(now: number, cost: number): void {
    this.#times.push(now);
    this.#costs.push(cost);
    this.#total += cost;
  }

  /** The times of the cost still in the window ending at `now`, oldest first, one per unit of cost. */
  times(now: number): number[] {
    this.#expire(now);
    const out: number[] = [];
    for (let i = this.#head; i < this.#times.length; i++) for (let c = 0; c < this.#costs[i]!; c++) out.push(this.#times[i]!);
    return out;
  }

  /** When the oldest entry leaves the window, or null when the log is empty. */
  oldestExpiry(now: number): number | null {
    this.#expire(now);
    return this.#head < this.#times.length ? this.#times[this.#head]! + this.windowMs : null;
  }

  // An entry made at t counts in the windows (t - windowMs, t]; it is gone once now - t >= windowMs.
  #expire(now: number): void {
    while (this.#head < this.#times.length && this.#times[this.#head]! <= now - this.windowMs) {
      this.#total -= this.#costs[this.#head]!;
      this.#head++;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#times.length) {
      this.#times = this.#times.slice(this.#head);
      this.#costs = this.#costs.slice(this.#head);
      this.#head = 0;
    }
  }
}
