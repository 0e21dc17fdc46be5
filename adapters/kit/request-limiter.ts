import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Keeps one connection within its platform's documented request limits: a request rate
 * (evenly spaced, e.g. Hootsuite's 20 requests/second) and a cap on requests in flight
 * (e.g. Mailchimp's 10 simultaneous connections). Paces in wall-clock time.
 */
export class RequestLimiter {
  readonly #rate: number | null;
  readonly #maxInFlight: number | null;
  #tokens: number;
  #refilledAt = performance.now();
  #inFlight = 0;
  readonly #waiting: Array<() => void> = [];
  #rateQueue: Promise<void> = Promise.resolve();

  constructor(limits: { requestsPerSecond: number | null; maxInFlight: number | null }) {
    this.#rate = limits.requestsPerSecond;
    this.#maxInFlight = limits.maxInFlight;
    this.#tokens = this.#rate === null ? 0 : 1;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.#enter();
    try {
      await this.#takeToken();
      return await task();
    } finally {
      this.#leave();
    }
  }

  async #enter(): Promise<void> {
    if (this.#maxInFlight === null || this.#inFlight < this.#maxInFlight) {
      this.#inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #leave(): void {
    const next = this.#waiting.shift();
    if (next) next(); // the slot passes straight to the next waiter
    else this.#inFlight--;
  }

  // Requests take tokens one after another, so waiters are served in arrival order.
  #takeToken(): Promise<void> {
    const rate = this.#rate;
    if (rate === null) return Promise.resolve();
    const turn = this.#rateQueue.then(async () => {
      for (;;) {
        const now = performance.now();
        // A bucket of one: requests are spaced evenly, never in bursts. A platform counting per
        // second (Hootsuite: 20/s) would refuse a burst of 20 followed by 20 more in that second.
        this.#tokens = Math.min(1, this.#tokens + ((now - this.#refilledAt) / 1000) * rate);
        this.#refilledAt = now;
        if (this.#tokens >= 1) {
          this.#tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - this.#tokens) / rate) * 1000));
      }
    });
    this.#rateQueue = turn;
    return turn;
  }
}
