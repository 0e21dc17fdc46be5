// Correctness, judged on the platforms' own state (GET /__sandbox/state), never on what the
// service says of itself: a benchmark that reports speed for wrong results is worthless.
import type { SandboxItem } from '../adapters/kit/simulator/types.js';

export type World = Record<string, SandboxItem[]>;

/** Connections whose restored items come back with new ids (the `delete` method). */
const RECREATED_IDS = new Set(['hootsuite-acme']);

const key = (connection: string, row: SandboxItem) => `${connection}/${row.id}`;

export function liveKeys(world: World): Set<string> {
  return new Set(Object.entries(world).flatMap(([c, rows]) => rows.filter((r) => r.live).map((r) => key(c, r))));
}

/**
 * After the pause: nothing that was live is live any more, nothing new is live, and every
 * object that was not live is exactly as it was (invariant 1: touch only what was live).
 */
export function checkSuspended(before: World, after: World): string[] {
  const problems: string[] = [];
  const wasLive = liveKeys(before);
  const stillLive = [...liveKeys(after)];
  if (stillLive.length > 0) problems.push(`${stillLive.length} items still live after the pause, e.g. ${stillLive.slice(0, 3).join(', ')}`);
  const afterByKey = new Map(Object.entries(after).flatMap(([c, rows]) => rows.map((r) => [key(c, r), r] as const)));
  let touched = 0;
  let example = '';
  for (const [c, rows] of Object.entries(before)) {
    for (const row of rows) {
      if (wasLive.has(key(c, row))) continue;
      const now = afterByKey.get(key(c, row));
      if (!now || JSON.stringify(now) !== JSON.stringify(row)) {
        touched++;
        example ||= `${key(c, row)} ${row.status} → ${now ? now.status : '(gone)'}`;
      }
    }
  }
  if (touched > 0) problems.push(`${touched} items that were not live were changed by the pause, e.g. ${example}`);
  return problems;
}

/** After the resume: the platforms hold what they held before, ids of re-created posts aside (invariant 3). */
export function checkRestored(before: World, after: World): string[] {
  const problems: string[] = [];
  for (const connection of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const expected = comparable(connection, before[connection] ?? []);
    const actual = comparable(connection, after[connection] ?? []);
    const missing = difference(expected, actual);
    const extra = difference(actual, expected);
    if (missing.length > 0 || extra.length > 0) {
      problems.push(
        `${connection}: ${missing.length} rows of the world before are not back, ${extra.length} rows differ or are new` +
          (missing[0] ? `; e.g. before ${missing[0]}` : '') +
          (extra[0] ? `; after ${extra[0]}` : ''),
      );
    }
  }
  return problems;
}

function comparable(connection: string, rows: SandboxItem[]): string[] {
  return rows.map((r) => JSON.stringify(RECREATED_IDS.has(connection) ? { ...r, id: '(re-created)' } : r)).sort();
}

/** Rows of `a` not matched one-for-one in `b` (both sorted). */
function difference(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const row of b) counts.set(row, (counts.get(row) ?? 0) + 1);
  return a.filter((row) => {
    const n = counts.get(row) ?? 0;
    if (n === 0) return true;
    counts.set(row, n - 1);
    return false;
  });
}
