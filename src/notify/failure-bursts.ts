// One message per pause per burst of failures, not one per item: a pause's tally is told once its
// work is over (nothing pending: the phase ended, its counts are final), or once the burst has
// gone on for a while, so a long run never keeps its failures quiet.
import type { FailureTally } from '../domain/delivery.js';
import type { Pause } from '../domain/pause.js';
import type { Notice } from './notices.js';

/** a burst told even while the pause's work goes on */
export const LONGEST_BURST_MS = 60_000;

export function dueFailures(tallies: Readonly<Record<string, FailureTally>>, pauses: ReadonlyMap<string, Pause | undefined>, now: Date) {
  const due: Notice[] = [];
  const kept: Record<string, FailureTally> = {};
  for (const [pauseId, tally] of Object.entries(tallies)) {
    const working = (pauses.get(pauseId)?.work.length ?? 0) > 0;
    if (working && now.getTime() - Date.parse(tally.since) < LONGEST_BURST_MS) {
      kept[pauseId] = tally;
      continue;
    }
    const { items, listings, connections, errors, since } = tally;
    due.push({ event: 'items.failed', pauseId, at: now.toISOString(), actor: tally.actor, source: tally.source, detail: { items, listings, connections, errors, since } });
  }
  return { due, tallies: kept };
}
