import type { PlatformAdapter } from '../../adapters/types.js';
import type { Item } from '../domain/item.js';
import type { MissedPolicy } from '../domain/pause.js';
import { refOf } from './observation.js';

/** How far ahead of now the platform wants this item's send time. */
export const leadTimeOf = (adapter: PlatformAdapter, item: Item): number => adapter.leadTimeMs?.(refOf(item)) ?? adapter.minLeadMs;

/** When a restored item goes out, or `hold` to keep it suspended for a person (invariant 4). */
export type TimeDecision = { restoreAt: string | null } | { hold: true };

export interface TimeContext {
  now: Date;
  /** when the pause began: `shift` moves a missed item by the pause's length */
  pausedAt: Date;
  /** a person's explicit new time (release) */
  explicit?: Date;
}

export function decideTime(item: Item, adapter: PlatformAdapter, policy: MissedPolicy, context: TimeContext): TimeDecision {
  if (item.scheduledAt === null) return { restoreAt: null };
  const earliest = context.now.getTime() + leadTimeOf(adapter, item);
  const at = (ms: number) => ({ restoreAt: adapter.normalizeScheduleTime(new Date(Math.max(ms, earliest))).toISOString() });
  if (context.explicit) return at(context.explicit.getTime());
  const original = Date.parse(item.scheduledAt);
  // Still far enough ahead: put it back at exactly its own time.
  if (original >= earliest) return { restoreAt: item.scheduledAt };
  switch (policy) {
    case 'hold':
      return { hold: true };
    case 'shift':
      return at(original + (context.now.getTime() - context.pausedAt.getTime()));
    case 'now':
      return at(earliest);
  }
}
