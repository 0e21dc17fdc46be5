/**
 * Coalesces many "make this durable" requests into few real writes: all requests made while
 * no write runs share the next write; requests made while a write runs share the one after it.
 * A pause of 10,000 items thus writes its file a handful of times, not 10,000.
 */
export class WriteCoalescer {
  #running: Promise<void> | null = null;
  #next: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;

  constructor(private readonly write: () => Promise<void>) {}

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
      // setImmediate lets every write asked for in this turn of the event loop join in.
      setImmediate(() => {
        const batch = this.#next!;
        this.#next = null;
        this.#running = this.write().then(batch.resolve, batch.reject).finally(() => {
          this.#running = null;
        });
      });
    };
    if (this.#running) void this.#running.then(start);
    else start();
    return promise;
  }

  /** resolves when nothing asked for so far is left unwritten */
  async idle(): Promise<void> {
    while (this.#next || this.#running) await (this.#next?.promise ?? this.#running);
  }
}
