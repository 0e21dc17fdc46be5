// A sorted view of a world's objects: binary search to where a range or cursor starts, so a
// simulator answers a page in time that does not grow with the world (no scan of every object).

export class SortedIndex<T> {
  readonly #items: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  get size(): number {
    return this.#items.length;
  }

  at(index: number): T | undefined {
    return this.#items[index];
  }

  /** The first position whose item is not before `probe` (by `order`, default the index's own). */
  lowerBound(probe: (item: T) => number): number {
    let low = 0;
    let high = this.#items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (probe(this.#items[mid]!) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  insert(item: T): void {
    this.#items.splice(
      this.lowerBound((x) => this.compare(x, item)),
      0,
      item,
    );
  }

  /** Removes this very item (found by its sort key, then identity). */
  remove(item: T): boolean {
    for (let i = this.lowerBound((x) => this.compare(x, item)); i < this.#items.length && this.compare(this.#items[i]!, item) === 0; i++) {
      if (this.#items[i] === item) {
        this.#items.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  /** Items from `start` on (backwards: from `start` down), for as long as the caller reads. */
  *from(start: number, backwards = false): Generator<T> {
    if (backwards) for (let i = start; i >= 0; i--) yield this.#items[i]!;
    else for (let i = start; i < this.#items.length; i++) yield this.#items[i]!;
  }
}
