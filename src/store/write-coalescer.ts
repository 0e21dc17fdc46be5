/**
 * Coalesces many "make this durable" requests into few real writes: all requests made while
 * no write runs share the next write; requests made while a write runs share the one after it.
 * Writes are also spaced by a few times the last write's own duration: rewriting a 10 MB file
 * takes tens of milliseconds, so without a gap a pause of 10,000 items would spend its time
 * rewriting the file after each batch. Small files write in a millisecond and barely wait.
 */
export class WriteCoalescer {
  #running: Promise<void> | null = null;
  #next: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;
  #lastEnd = 0;
  #lastDuration = 0;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly spacing: { factor: number; maxGapMs: number } = { factor: 3, maxGapMs: 1_000 },
  ) {}

  request(): Promise<void> {
    if (this.#next) return this.#next.promise;
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.#next = { promise, resolve, reject };
    const start = (): void => {
      const gap = Math.min(this.spacing.maxGapMs, this.#lastDuration * this.spacing.factor);
      const wait = Math.max(0, this.#lastEnd + gap - performance.now());
      // At least setImmediate: every write asked for in this turn of the event loop joins in.
      const run = () => {
        const batch = this.#next!;
        this.#next = null;
        const began = performance.now();
        this.#running = this.write()
          .then(batch.resolve, batch.reject)
          .finally(() => {
            this.#lastEnd = performance.now();
            this.#lastDuration = this.#lastEnd - began;
            this.#running = null;
          });
      };
      if (wait > 0) setTimeout(run, wait);
      else setImmediate(run);
    };
    if (this.#running) void this.#running.then(start);
    else start();
    return promise;
  }

  /** resolves when nothing asked for so far is left unwritten */
  async idle(): Promise<void> {
    while (this.#next || this.#running) await (this.#next?.promise ?? this.#running)?.catch(() => undefined);
  }
}
