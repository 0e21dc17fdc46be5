// The world's posts, by id and in Buffer's listing order (dueAt ascending, then id) per
// organization and status, so a page, a lookup or the next post due is found without reading
// every post.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import type { SimPost } from './simulator-world-data.js';

/** The listing order: dueAt ascending (posts without one last), then id. */
export const keyOf = (p: Pick<SimPost, 'dueAt' | 'id'>): { at: number; id: string } => ({ at: p.dueAt ? Date.parse(p.dueAt) : Number.MAX_SAFE_INTEGER, id: p.id });
export function compareKeys(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
const comparePosts = (a: SimPost, b: SimPost): number => compareKeys(keyOf(a), keyOf(b));

export class PostIndex {
  readonly #byId = new Map<string, SimPost>();
  /** `${organizationId} ${status}` → posts in listing order */
  readonly #byOrgStatus = new Map<string, SortedIndex<SimPost>>();
  /** every scheduled post, in order: the next one due */
  readonly scheduled = new SortedIndex<SimPost>(comparePosts);

  get(id: string): SimPost | undefined {
    return this.#byId.get(id);
  }

  all(): IterableIterator<SimPost> {
    return this.#byId.values();
  }

  inOrder(organizationId: string, status: string): SortedIndex<SimPost> {
    const key = `${organizationId} ${status}`;
    let index = this.#byOrgStatus.get(key);
    if (!index) this.#byOrgStatus.set(key, (index = new SortedIndex(comparePosts)));
    return index;
  }

  add(post: SimPost): void {
    this.#byId.set(post.id, post);
    this.inOrder(post.organizationId, post.status).insert(post);
    if (post.status === 'scheduled') this.scheduled.insert(post);
  }

  delete(post: SimPost): void {
    this.#byId.delete(post.id);
    this.inOrder(post.organizationId, post.status).remove(post);
    if (post.status === 'scheduled') this.scheduled.remove(post);
  }

  /** Changes a post's status or dueAt: out of its indexes, changed, back in. */
  update(post: SimPost, change: (p: SimPost) => void): void {
    this.delete(post);
    change(post);
    this.add(post);
  }
}
