/**
 * Orders, per connection, the decisions that hand platform objects to pauses (invariant 5; the
 * store refuses a second holder, these keep coverage right): listing live items and claiming them
 * runs exclusively; restore batches run shared, so a pause being planned never sees an object
 * half-way back to live, and a resume never misses a pause that started covering it a moment
 * ago. Within one service instance; several instances would need the database's own lock.
 */
export class ConnectionLocks {
  readonly #locks = new Map<string, ReadWriteLock>();

  exclusive<T>(connectionId: string, task: () => Promise<T>): Promise<T> {
    return this.#lock(connectionId).run(true, task);
  }

  shared<T>(connectionId: string, task: () => Promise<T>): Promise<T> {
    return this.#lock(connectionId).run(false, task);
  }

  #lock(connectionId: string): ReadWriteLock {
    let lock = this.#locks.get(connectionId);
    if (!lock) this.#locks.set(connectionId, (lock = new ReadWriteLock()));
    return lock;
  }
}

class ReadWriteLock {
  #readers = 0;
  #writer = false;
  readonly #queue: Array<{ exclusive: boolean; grant: () => void }> = [];

  async run<T>(exclusive: boolean, task: () => Promise<T>): Promise<T> {
    await new Promise<void>((grant) => {
      this.#queue.push({ exclusive, grant });
      this.#drain();
    });
    try {
      return await task();
    } finally {
      if (exclusive) this.#writer = false;
      else this.#readers--;
      this.#drain();
    }
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
