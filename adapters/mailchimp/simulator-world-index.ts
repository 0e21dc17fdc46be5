// The world's campaigns and automations by id and in sorted views (per list filter and order,
// the campaigns due to change with time), and those orders, so that a page, a count or the next campaign due is
// found without reading every object. A view is built the first time a request needs it and
// kept up to date from then on.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import { TIMEWARP_END_AFTER_MS, TIMEWARP_START_BEFORE_MS } from './mappers-time.js';
import type { SimCampaign } from './simulator-world-data.js';

interface View<T> {
  matches(item: T): boolean;
  index: SortedIndex<T>;
}

export class IndexedSet<T extends { id: string }> {
  readonly #byId = new Map<string, T>();
  readonly #views = new Map<string, View<T>>();

  get size(): number {
    return this.#byId.size;
  }

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

  delete(item: T): void {
    this.#byId.delete(item.id);
    for (const view of this.#views.values()) if (view.matches(item)) view.index.remove(item);
  }

  /** Changes an item in place: out of every view under its old fields, back in under its new ones. */
  update(item: T, change: (item: T) => void): void {
    for (const view of this.#views.values()) if (view.matches(item)) view.index.remove(item);
    change(item);
    for (const view of this.#views.values()) if (view.matches(item)) view.index.insert(item);
  }

  /** The items that match, in `compare` order; `key` names the view (same key, same view). */
  view(key: string, matches: (item: T) => boolean, compare: (a: T, b: T) => number): SortedIndex<T> {
    let view = this.#views.get(key);
    if (!view) {
      const index = new SortedIndex<T>(compare);
      // Inserted in order, each lands at the end: building costs one sort, not a splice per item.
      for (const item of [...this.#byId.values()].filter(matches).sort(compare)) index.insert(item);
      this.#views.set(key, (view = { matches, index }));
    }
    return view.index;
  }
}

/** Items `offset` to `offset + count` of a view, read from either end. */
export function pageOf<T>(index: SortedIndex<T>, offset: number, count: number, descending = false): T[] {
  const page: T[] = [];
  for (let i = offset; i < offset + count && i < index.size; i++) page.push(index.at(descending ? index.size - 1 - i : i)!);
  return page;
}

export function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---- the campaigns' orders ----

/** When time changes a campaign next (sent; a Timewarp one first starts sending), or null. */
export function dueAt(c: SimCampaign): number | null {
  if (c.sendTime === null) return null;
  const at = Date.parse(c.sendTime);
  if (c.status === 'schedule') return c.settings.timewarp ? at - TIMEWARP_START_BEFORE_MS : at;
  if (c.status === 'sending' && c.settings.timewarp) return at + TIMEWARP_END_AFTER_MS;
  return null;
}
export const byDue = (a: SimCampaign, b: SimCampaign) => dueAt(a)! - dueAt(b)! || compareIds(a, b);

/** `sort_field=create_time`, Mailchimp's order when none is asked for (assumed). */
export const byCreateTime = (a: { createTime: string; id: string }, b: { createTime: string; id: string }) => Date.parse(a.createTime) - Date.parse(b.createTime) || compareIds(a, b);

/** `sort_field=send_time`; drafts have no send time: first, as the earliest. */
export const bySendTime = (a: SimCampaign, b: SimCampaign) => (a.sendTime === null ? -Infinity : Date.parse(a.sendTime)) - (b.sendTime === null ? -Infinity : Date.parse(b.sendTime)) || compareIds(a, b);
