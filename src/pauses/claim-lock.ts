/**
 * Orders the decisions that hand items to pauses (invariant 5: an item is held by at most one
 * pause). Planning a pause — listing live items and claiming them — runs exclusively; restore
 * batches run shared, so a pause being planned never sees an item half-way back to live, and
 * a resume never misses a pause that started covering its items a moment ago.
 */
export class ClaimLock {
  #readers = 0;
  #writer = false;
  readonly #queue: Array<{ exclusive: boolean; grant: () => void }> = [];

  async exclusive<T>(task: () => Promise<T>): Promise<T> {
    await this.#acquire(true);
    try {
      return await task();
    } finally {
      this.#writer = false;
      this.#drain();
    }
  }

  async shared<T>(task: () => Promise<T>): Promise<T> {
    await this.#acquire(false);
    try {
      return await task();
    } finally {
      this.#readers--;
      this.#drain();
    }
  }

  #acquire(exclusive: boolean): Promise<void> {
    return new Promise((grant) => {
      this.#queue.push({ exclusive, grant });
      this.#drain();
    });
  }

  // First come, first served: a waiting writer is not starved by a stream of readers.
  #drain(): void {
    while (this.#queue.length > 0 && !this.#writer) {
      const next = this.#queue[0]!;
      if (next.exclusive) {
        if (this.#readers > 0) return;
        this.#writer = true;
      } else {
        this.#readers++;
      }
      this.#queue.shift();
      next.grant();
    }
  }
}
