import { ITEM_STATES, type Item, type ItemState } from '../domain/item.js';
import type { Pause } from '../domain/pause.js';

export type StateCounts = Record<ItemState, number>;

export function countByState(items: readonly Item[]): StateCounts {
  const counts = Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as StateCounts;
  for (const item of items) counts[item.state]++;
  return counts;
}

export interface PauseView extends Pause {
  counts: {
    total: number;
    byState: StateCounts;
    byConnection: Record<string, { total: number; byState: Partial<StateCounts> }>;
  };
}

/** A pause with its item counts, by state and by connection, as the API shows it. */
export function pauseView(pause: Pause, items: readonly Item[]): PauseView {
  const byConnection: PauseView['counts']['byConnection'] = {};
  for (const item of items) {
    const entry = (byConnection[item.connectionId] ??= { total: 0, byState: {} });
    entry.total++;
    entry.byState[item.state] = (entry.byState[item.state] ?? 0) + 1;
  }
  return { ...pause, counts: { total: items.length, byState: countByState(items), byConnection } };
}

/** An item as the API shows it: everything but the snapshot, which only adapters read. */
export function itemView(item: Item): Omit<Item, 'snapshot'> {
  const { snapshot: _snapshot, ...view } = item;
  return view;
}

