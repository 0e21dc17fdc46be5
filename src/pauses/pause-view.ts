import { z } from 'zod';
import { ITEM_STATES, ItemSchema, type Item } from '../domain/item.js';
import { PauseSchema, type Pause } from '../domain/pause.js';

// The views are zod schemas built from the domain schemas by reference: the code that answers
// and the OpenAPI document both read them, so a field added to a pause or an item shows in both.

const ItemStateSchema = z.enum(ITEM_STATES);

export const StateCountsSchema = z.record(ItemStateSchema, z.number().int());
export type StateCounts = z.infer<typeof StateCountsSchema>;

export const PauseViewSchema = PauseSchema.extend({
  counts: z.object({
    total: z.number().int(),
    byState: StateCountsSchema,
    byConnection: z.record(z.string(), z.object({ total: z.number().int(), byState: z.partialRecord(ItemStateSchema, z.number().int()) })),
  }),
}).meta({ id: 'PauseView', description: 'A pause with its item counts, by state and by connection.' });
export type PauseView = z.infer<typeof PauseViewSchema>;

/** An item as the API shows it: everything but the snapshot, which only adapters read. */
export const ItemViewSchema = ItemSchema.omit({ snapshot: true }).meta({ id: 'ItemView', description: 'One platform object a pause suspended.' });
export type ItemView = z.infer<typeof ItemViewSchema>;

export function countByState(items: readonly Item[]): StateCounts {
  const counts = Object.fromEntries(ITEM_STATES.map((s) => [s, 0])) as StateCounts;
  for (const item of items) counts[item.state]++;
  return counts;
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

export function itemView(item: Item): ItemView {
  const { snapshot: _snapshot, ...view } = item;
  return view;
}
