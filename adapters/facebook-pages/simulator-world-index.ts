// The world's posts by id, and each Page's scheduled posts in time order: a page of the
// `scheduled_posts` edge is read from where its cursor (or now) starts, so its cost does not
// grow with the number of posts the Page holds.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import type { SimPost } from './simulator-world-data.js';

/** Time, then id: the edge's order, and a total one (cursors name a post by both). */
export function byTime(a: SimPost, b: SimPost): number {
  return (a.scheduled_publish_time ?? 0) - (b.scheduled_publish_time ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A cursor: the last post of a page, by time and id. */
export interface Cursor {
  time: number;
  id: string;
}

const isScheduled = (post: SimPost): boolean => !post.published && post.scheduled_publish_time !== undefined;

export class PostIndex {
  readonly #byId = new Map<string, SimPost>();
  readonly #scheduled = new Map<string, SortedIndex<SimPost>>();

  get(id: string): SimPost | undefined {
    return this.#byId.get(id);
  }

  all(): IterableIterator<SimPost> {
    return this.#byId.values();
  }

  add(post: SimPost): void {
    this.#byId.set(post.id, post);
    if (isScheduled(post)) this.#pageIndex(post.page_id).insert(post);
  }

  remove(post: SimPost): void {
    this.#byId.delete(post.id);
    if (isScheduled(post)) this.#pageIndex(post.page_id).remove(post);
  }

  /** Changes a post, keeping the indexes right. */
  change(post: SimPost, mutate: (p: SimPost) => void): void {
    this.remove(post);
    mutate(post);
    this.add(post);
  }

  /** A Page's posts scheduled after `fromSeconds` (exclusive) and after `cursor`, soonest first. */
  *scheduledOf(pageId: string, fromSeconds: number, cursor: Cursor | null): Generator<SimPost> {
    const index = this.#scheduled.get(pageId);
    if (!index) return;
    const afterNow = index.lowerBound((p) => ((p.scheduled_publish_time ?? 0) <= fromSeconds ? -1 : 0));
    const afterCursor = cursor ? index.lowerBound((p) => (byTime(p, { scheduled_publish_time: cursor.time, id: cursor.id } as SimPost) <= 0 ? -1 : 0)) : 0;
    yield* index.from(Math.max(afterNow, afterCursor));
  }

  #pageIndex(pageId: string): SortedIndex<SimPost> {
    let index = this.#scheduled.get(pageId);
    if (!index) this.#scheduled.set(pageId, (index = new SortedIndex<SimPost>(byTime)));
    return index;
  }
}
