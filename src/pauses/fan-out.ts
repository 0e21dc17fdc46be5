import type { BulkSizes } from '../../adapters/types.js';
import type { Item } from '../domain/item.js';
import type { Engine } from './engine.js';

/** Items grouped by connection, in their order. */
export function byConnection(items: readonly Item[]): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const list = groups.get(item.connectionId);
    if (list) list.push(item);
    else groups.set(item.connectionId, [item]);
  }
  return groups;
}

/**
 * Runs `work` over one connection's items in batches of its platform's bulk size for the
 * operation, at most `concurrency` batches at once.
 */
export async function inBatches(
  engine: Engine,
  connectionId: string,
  operation: keyof BulkSizes,
  items: readonly Item[],
  work: (batch: Item[]) => Promise<void>,
): Promise<void> {
  const connection = engine.connections.get(connectionId);
  const size = connection?.bulk[operation] ?? Math.max(1, items.length);
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  const lanes = Math.min(connection?.concurrency ?? 1, batches.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < batches.length) await work(batches[next++]!);
    }),
  );
}

/** Runs `work` for each connection's items, connections side by side: one slow platform never holds up the others. */
export async function perConnection(items: readonly Item[], work: (connectionId: string, items: Item[]) => Promise<void>): Promise<void> {
  await Promise.all([...byConnection(items)].map(([connectionId, list]) => work(connectionId, list)));
}
