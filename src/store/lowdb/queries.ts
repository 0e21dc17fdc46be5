// The embedded store's read queries over its in-memory state (the audit log streams from disk).
import type { AuditEntry } from '../../audit/audit-entry.js';
import type { Delivery } from '../../domain/delivery.js';
import { ITEM_STATES, type Item, type ItemState } from '../../domain/item.js';
import type { Pause, PauseState } from '../../domain/pause.js';
import { decodeCursor, encodeCursor, itemCursor, seqCursor, seqOfCursor, seqOfItemCursor } from '../paging.js';
import type { DeliveryQuery, ItemCounts, ItemFilter, Page } from '../store.js';
import { seqIndex } from './state.js';

export function matches(item: Item, filter: ItemFilter): boolean {
  return (
    (!filter.state || item.state === filter.state) &&
    (!filter.states || filter.states.includes(item.state)) &&
    (!filter.kind || item.kind === filter.kind) &&
    (!filter.connectionId || item.connectionId === filter.connectionId)
  );
}

export const filterItems = (items: readonly Item[], filter: ItemFilter): Item[] => items.filter((i) => matches(i, filter));

/** Items after the cursor's seq, in claim order. */
export function itemPage(pauseId: string, items: readonly Item[], filter: ItemFilter, page: { limit: number; cursor?: string }): Page<Item> {
  const data: Item[] = [];
  let i = seqIndex(items, seqOfItemCursor(page.cursor, pauseId) + 1);
  for (; i < items.length && data.length < page.limit; i++) if (matches(items[i]!, filter)) data.push(items[i]!);
  let more = false;
  for (; i < items.length && !more; i++) more = matches(items[i]!, filter);
  return { data, nextCursor: more ? itemCursor(data.at(-1)!.seq, pauseId) : null };
}

export function countItems(items: readonly Item[]): ItemCounts {
  const byState = Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as Record<ItemState, number>;
  const counts: ItemCounts = { total: items.length, byState, byConnection: {}, byKind: {} };
  for (const item of items) {
    byState[item.state]++;
    const connection = (counts.byConnection[item.connectionId] ??= { total: 0, byState: {} });
    connection.total++;
    connection.byState[item.state] = (connection.byState[item.state] ?? 0) + 1;
    counts.byKind[item.kind] = (counts.byKind[item.kind] ?? 0) + 1;
  }
  return counts;
}

const pauseKey = (p: Pause): string => `${p.createdAt}|${p.id}`;

/** Newest first: keyset on (createdAt, id) descending. */
export function pausePage(pauses: readonly Pause[], query: { state?: PauseState; limit: number; cursor?: string }): Page<Pause> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, 'pause')[0];
  const rows = pauses
    .filter((p) => (!query.state || p.state === query.state) && (after === null || pauseKey(p) < after))
    .sort((a, b) => (pauseKey(a) < pauseKey(b) ? 1 : -1));
  const data = rows.slice(0, query.limit);
  return { data, nextCursor: rows.length > query.limit ? encodeCursor(pauseKey(data.at(-1)!)) : null };
}

/** One page of audit entries after the cursor's seq, read from a stream of entries after a seq. */
export async function auditPage(
  read: (afterSeq: number) => AsyncIterable<AuditEntry>,
  query: { limit: number; cursor?: string },
): Promise<Page<AuditEntry>> {
  const data: AuditEntry[] = [];
  let more = false;
  for await (const entry of read(seqOfCursor(query.cursor))) {
    if (data.length === query.limit) {
      more = true;
      break;
    }
    data.push(entry);
  }
  return { data, nextCursor: more ? seqCursor(data.at(-1)!.seq) : null };
}

/** Newest first: keyset on seq descending, walking the map (creation order) from its end. */
export function deliveryPage(deliveries: ReadonlyMap<string, Delivery>, query: DeliveryQuery): Page<Delivery> {
  const before = query.cursor === undefined ? Infinity : seqOfCursor(query.cursor);
  const all = [...deliveries.values()];
  const data: Delivery[] = [];
  let more = false;
  for (let i = all.length - 1; i >= 0 && !more; i--) {
    const d = all[i]!;
    if (d.seq >= before || (query.pauseId && d.pauseId !== query.pauseId) || (query.state && d.state !== query.state)) continue;
    if (data.length === query.limit) more = true;
    else data.push(d);
  }
  return { data, nextCursor: more ? seqCursor(data.at(-1)!.seq) : null };
}
