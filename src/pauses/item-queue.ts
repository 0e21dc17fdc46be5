import type { Item } from '../domain/item.js';

/**
 * Items handed from one stage of a connection's work to the next as they are ready: from a
 * listing to the suspension as they are claimed (a connection starts suspending with its first
 * page instead of after its last), from a resume's read-back to its restores. A batch takes what
 * is there (up to the bulk size), never waiting to fill up; `take` answers [] once the queue is
 * closed and empty.
 */
export class ItemQueue<T = Item> {
  readonly #items: T[] = [];
  #closed = false;
  #waiters: Array<() => void> = [];

  /** A queue holding `items`, closed: nothing more comes. */
  static of<T>(items: readonly T[]): ItemQueue<T> {
    const queue = new ItemQueue<T>();
    queue.push(items);
    queue.close();
    return queue;
  }

  push(items: readonly T[]): void {
    if (this.#closed) throw new Error('items pushed after the queue was closed');
    if (items.length === 0) return;
    this.#items.push(...items);
    this.#wake();
  }

  close(): void {
    this.#closed = true;
    this.#wake();
  }

  /** Up to `max` items, as soon as there are any; [] when nothing more will come. */
  async take(max: number): Promise<T[]> {
    while (this.#items.length === 0 && !this.#closed) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    return this.#items.splice(0, max);
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
