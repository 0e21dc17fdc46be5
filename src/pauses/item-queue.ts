import type { Item } from '../domain/item.js';

/**
 * Items handed from a listing to the suspension as they are claimed, so a connection starts
 * suspending with its first page instead of after its last. A batch takes what is there (up to
 * the bulk size), never waiting to fill up; `take` answers [] once the queue is closed and empty.
 */
export class ItemQueue {
  readonly #items: Item[] = [];
  #closed = false;
  #waiters: Array<() => void> = [];

  /** A queue holding `items`, closed: nothing more comes. */
  static of(items: readonly Item[]): ItemQueue {
    const queue = new ItemQueue();
    queue.push(items);
    queue.close();
    return queue;
  }

  push(items: readonly Item[]): void {
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
  async take(max: number): Promise<Item[]> {
    while (this.#items.length === 0 && !this.#closed) await new Promise<void>((resolve) => this.#waiters.push(resolve));
    return this.#items.splice(0, max);
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
