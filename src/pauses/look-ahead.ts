/**
 * How far one stage of a connection's work may run ahead of the next, counted in items: a resume
 * reads items back in large batches and puts them back in small ones, and what a read saw must
 * still be true when the item is put back, so reads wait while `limit` items are read and not yet
 * put back. A batch larger than the limit goes when nothing else is ahead.
 */
export class LookAhead {
  #ahead = 0;
  #waiters: Array<() => void> = [];

  constructor(readonly limit: number) {}

  /** Waits until `n` more items fit, then counts them. */
  async reserve(n: number): Promise<void> {
    while (this.#ahead > 0 && this.#ahead + n > this.limit) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    this.#ahead += n;
  }

  /** `n` items are done with (put back, or never to be). */
  release(n: number): void {
    if (n === 0) return;
    this.#ahead -= n;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
