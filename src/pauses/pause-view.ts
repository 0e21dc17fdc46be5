import { z } from 'zod';
import { KINDS } from '../../adapters/types.js';
import type { Playbook } from '../config/playbook.js';
import { ITEM_STATES, ItemSchema, type Item, type ItemState } from '../domain/item.js';
import { PauseSchema, type Pause } from '../domain/pause.js';
import { TASK_STATES, type TaskState } from '../domain/task.js';
import type { ItemCounts } from '../store/store.js';
import { playbookCounts, PlaybookCountsSchema } from './pause-playbook.js';

const StateCountsSchema = z.record(z.enum(ITEM_STATES), z.number().int());

export const CountsSchema = z.object({
  total: z.number().int(),
  byState: StateCountsSchema,
  byConnection: z.record(z.string(), z.object({ total: z.number().int(), byState: z.partialRecord(z.enum(ITEM_STATES), z.number().int()) })),
  byKind: z.partialRecord(z.enum(KINDS), z.number().int()),
});

export const FailuresSchema = z.object({
  /** connection × kind listings that failed: their live items may still go out */
  listings: z.number().int(),
  /** items whose suspension or restore failed */
  items: z.number().int(),
});
export type Failures = z.infer<typeof FailuresSchema>;

/** A pause as the API shows it. */
export const PauseViewSchema = PauseSchema.extend({
  /**
   * True only when nothing is pending, nothing failed and no task for a person is open: a pause
   * `active` with `complete: false` has listings or items that failed (see `failures`) or open
   * tasks (see `taskCounts`), and its scope is not fully silenced.
   */
  complete: z.boolean(),
  failures: FailuresSchema,
  counts: CountsSchema,
  /** the pause's tasks for people by state: an open one keeps the pause from being complete */
  taskCounts: z.record(z.enum(TASK_STATES), z.number().int()),
  /** its playbook steps (GET /v1/pauses/:id/playbook): open ones do not make a pause incomplete, they are for people to follow */
  playbook: PlaybookCountsSchema,
}).meta({ id: 'PauseView', description: 'a pause with its item counts, by state, connection and kind' });
export type PauseView = z.infer<typeof PauseViewSchema>;

export function failures(pause: Pause, counts: ItemCounts): Failures {
  return { listings: pause.listings.filter((l) => l.state === 'failed').length, items: counts.byState.failed };
}

/** A pause with its item counts, by state, connection and kind, and whether it is complete. */
export function pauseView(pause: Pause, counts: ItemCounts, playbook: Playbook): PauseView {
  const problems = failures(pause, counts);
  const taskCounts = Object.fromEntries(TASK_STATES.map((s) => [s, pause.tasks.filter((t) => t.state === s).length])) as Record<TaskState, number>;
  // A planned pause has its start pending: not complete until it has started and finished.
  const complete = pause.state !== 'planned' && pause.work.length === 0 && problems.listings + problems.items === 0 && taskCounts.open === 0;
  return { ...pause, complete, failures: problems, counts, taskCounts, playbook: playbookCounts(playbook, pause) };
}

export const ItemViewSchema = ItemSchema.omit({ snapshot: true, seq: true }).meta({ id: 'ItemView', description: 'an item, without the snapshot only its adapter reads' });
export type ItemView = z.infer<typeof ItemViewSchema>;

/** An item as the API shows it: everything but the snapshot, which only adapters read. */
export function itemView(item: Item): ItemView {
  const { snapshot: _snapshot, seq: _seq, ...view } = item;
  return view;
}

export type StateCounts = Record<ItemState, number>;
