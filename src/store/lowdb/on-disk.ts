// What the store holds on disk right now, read synchronously and read-only the way a restarted
// store would (snapshot, then every journal line after it), while the service may be writing:
// tests and the benchmark check the disk, not the service's memory.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Item } from '../../domain/item.js';
import type { Pause } from '../../domain/pause.js';
import { DATA_FILE } from './load.js';
import { TransactionSchema } from './ops.js';
import { SnapshotSchema } from './snapshot-file.js';
import { StoreState } from './state.js';

export function onDisk(dataDir: string): { pauses: Pause[]; items: Item[] } {
  let text: string | null = null;
  try {
    text = readFileSync(path.join(dataDir, DATA_FILE), 'utf8');
  } catch {
    text = null;
  }
  const snapshot = text === null ? null : SnapshotSchema.parse(JSON.parse(text));
  const state = snapshot ? StoreState.from(snapshot) : new StoreState();
  const journals = readdirSync(dataDir)
    .filter((n) => /^journal-\d{6}\.ndjson$/.test(n) && Number(n.slice(8, 14)) >= (snapshot?.generation ?? 1))
    .sort();
  for (const name of journals) {
    for (const line of readFileSync(path.join(dataDir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      // A line being written right now may be cut short: it has not committed yet.
      const parsed = TransactionSchema.safeParse(parseOr(line));
      if (parsed.success) for (const op of parsed.data.ops) state.apply(op);
    }
  }
  return { pauses: [...state.pauses.values()], items: [...state.items.values()] };
}

/** The data directory's files as they are now: what a crash would leave behind. */
export const storeFiles = (dataDir: string): string[] => readdirSync(dataDir).filter((n) => n !== '.lock' && !n.startsWith('.'));

function parseOr(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
