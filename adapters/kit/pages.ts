import type { ListPage, LiveItem } from '../types.js';

/**
 * Transitional: turns a listing that yields arrays of items into pages with a `next` marker.
 * These listings cannot go on from a page yet, so `from` restarts them; the core skips items
 * it already holds. The adapter kit's pagination replaces this.
 */
export async function* asPages(listing: AsyncIterable<LiveItem[]>): AsyncGenerator<ListPage> {
  let previous: LiveItem[] | null = null;
  let n = 0;
  for await (const items of listing) {
    if (previous) yield { items: previous, next: `restart:${++n}` };
    previous = items;
  }
  if (previous) yield { items: previous, next: null };
}
