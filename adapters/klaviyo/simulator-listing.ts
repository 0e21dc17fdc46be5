// List endpoints of the fake Klaviyo: a filter and a sort pick a sorted view of the world, a
// `page[cursor]` (the sort key and id of the previous page's last object) says where the page
// starts, `links.next` carries the next cursor. Id filters are answered by lookups. Time does not
// grow with the world's size: a page is a binary search and `page[size]` steps.
import type { Context } from 'hono';
import { meets, viewKey, type Condition } from './simulator-filter.js';
import { invalid, originOf } from './simulator-http.js';
import { compareIds, pageAfter, type IndexedSet } from './simulator-world-index.js';

export interface ListSpec<T extends { id: string }> {
  set: IndexedSet<T>;
  path: string;
  /** a filter field's value on an object */
  field(item: T, field: string): string | boolean | null;
  /** a sort field's value (`created_at`, `name`…) on an object, and a probe object holding it */
  sortValue(item: T, sort: string): string;
  probe(sort: string, value: string, id: string): T;
  /** objects a list shows when no condition names them (Klaviyo leaves archived ones out) */
  visible(item: T, conditions: readonly Condition[]): boolean;
}

export function listPage<T extends { id: string }>(c: Context, spec: ListSpec<T>, conditions: Condition[], sort: string, size: number): { data: T[]; links: { self: string; next?: string } } {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const dir = descending ? -1 : 1;
  const compare = (a: T, b: T) => dir * cmp(spec.sortValue(a, key), spec.sortValue(b, key)) || compareIds(a, b);
  const matches = (item: T) => spec.visible(item, conditions) && conditions.every((cond) => meets(spec.field(item, cond.field), cond));
  const ids = conditions.find((cond) => cond.field === 'id');
  const after = afterOf(c.req.query('page[cursor]'), spec, key);
  let page: { items: T[]; more: boolean };
  if (ids) {
    // A lookup per id, then the page of those: `any(id,[…])` names at most a few hundred.
    const found = ids.values.map((id) => spec.set.get(String(id))).filter((x): x is T => x !== undefined && matches(x));
    const sorted = [...new Set(found)].sort(compare);
    const start = after === null ? 0 : sorted.findIndex((x) => compare(x, after) > 0);
    const from = start < 0 ? sorted.length : start;
    page = { items: sorted.slice(from, from + size), more: from + size < sorted.length };
  } else {
    page = pageAfter(spec.set.view(`${viewKey(conditions)}|${sort}`, matches, compare), after, compare, size);
  }
  const url = new URL(c.req.url);
  const self = `${originOf(c)}${spec.path}${url.search}`;
  const last = page.items.at(-1);
  if (!page.more || !last) return { data: page.items, links: { self } };
  url.searchParams.set('page[cursor]', Buffer.from(JSON.stringify([spec.sortValue(last, key), last.id])).toString('base64url'));
  return { data: page.items, links: { self, next: `${originOf(c)}${spec.path}?${url.searchParams.toString()}` } };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function afterOf<T extends { id: string }>(cursor: string | undefined, spec: ListSpec<T>, sort: string): T | null {
  if (cursor === undefined) return null;
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof value === 'string' && typeof id === 'string') return spec.probe(sort, value, id);
  } catch {
    // below
  }
  throw invalid('Invalid page cursor.', { parameter: 'page[cursor]' });
}
