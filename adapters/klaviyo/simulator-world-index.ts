// The world's objects by id and in sorted views (per filter), so that a page is found by binary
// search from its cursor, never by reading every object. A view is built the first time a
// request needs it and kept up to date from then on.
import { SortedIndex } from '../kit/simulator/sorted-index.js';

interface View<T> {
  matches(item: T): boolean;
  index: SortedIndex<T>;
}

export class IndexedSet<T extends { id: string }> {
  readonly #byId = new Map<string, T>();
  readonly #views = new Map<string, View<T>>();

  get(id: string): T | undefined {
    return this.#byId.get(id);
  }

  values(): IterableIterator<T> {
    return this.#byId.values();
  }

  add(item: T): void {
    this.#byId.set(item.id, item);
    for (const view of this.#views.values()) if (view.matches(item)) view.index.insert(item);
  }

  /** Changes an item in place: out of every view under its old fields, back in under its new ones. */
  update(item: T, change: (item: T) => void): void {
    for (const view of this.#views.values()) if (view.matches(item)) view.index.remove(item);
    change(item);
    for (const view of this.#views.values()) if (view.matches(item)) view.index.insert(item);
  }

  delete(item: T): void {
    this.#byId.delete(item.id);
    for (const view of this.#views.values()) if (view.matches(item)) view.index.remove(item);
  }

  /** The items that match, in `compare` order; `key` names the view (same key, same view). */
  view(key: string, matches: (item: T) => boolean, compare: (a: T, b: T) => number): SortedIndex<T> {
    let view = this.#views.get(key);
    if (!view) {
      const index = new SortedIndex<T>(compare);
      for (const item of [...this.#byId.values()].filter(matches).sort(compare)) index.insert(item);
      this.#views.set(key, (view = { matches, index }));
    }
    return view.index;
  }
}

export const compareIds = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A page of a view after the cursor's item (its sort key), and the cursor of the page's last item. */
export function pageAfter<T>(index: SortedIndex<T>, after: T | null, compare: (a: T, b: T) => number, size: number): { items: T[]; more: boolean } {
  const start = after === null ? 0 : index.lowerBound((x) => (compare(x, after) <= 0 ? -1 : 1));
  const items: T[] = [];
  for (let i = start; i < index.size && items.length < size; i++) items.push(index.at(i)!);
  return { items, more: start + items.length < index.size };
}
