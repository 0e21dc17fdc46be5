import type { Kind } from '../../adapters/types.js';
import type { ItemState } from '../domain/item.js';
import type { Pause } from '../domain/pause.js';
import { failures } from '../pauses/pause-view.js';
import type { ItemCounts } from '../store/store.js';

/** A pause as messages show it: what it is, where it stands, and a link to it in the console. */
export interface PauseSummary {
  id: string;
  severity: number;
  severityName: string;
  reason: string;
  state: Pause['state'];
  actor: string;
  source: string;
  createdAt: string;
  activeAt: string | null;
  resumedAt: string | null;
  counts: { total: number; byKind: Partial<Record<Kind, number>>; byState: Partial<Record<ItemState, number>> };
  failures: { listings: number; items: number };
  /** open tasks for people (manual platforms) */
  openTasks: number;
  url: string | null;
}

export const consoleLink = (consoleUrl: string | undefined, pauseId: string): string | null =>
  consoleUrl === undefined ? null : `${consoleUrl.replace(/\/+$/, '')}/#/pauses/${encodeURIComponent(pauseId)}`;

export function summarize(pause: Pause, counts: ItemCounts, consoleUrl: string | undefined): PauseSummary {
  // Only the states that hold items: a message lists what is there, not a row of zeros.
  const byState = Object.fromEntries(Object.entries(counts.byState).filter(([, n]) => n > 0)) as Partial<Record<ItemState, number>>;
  return {
    id: pause.id,
    severity: pause.severity,
    severityName: pause.severityName,
    reason: pause.reason,
    state: pause.state,
    actor: pause.actor.name,
    source: pause.source,
    createdAt: pause.createdAt,
    activeAt: pause.activeAt,
    resumedAt: pause.resumedAt,
    counts: { total: counts.total, byKind: counts.byKind, byState },
    failures: failures(pause, counts),
    openTasks: pause.tasks.filter((t) => t.state === 'open').length,
    url: consoleLink(consoleUrl, pause.id),
  };
}
