import type { BulkSizes } from '../../adapters/types.js';
import type { Item } from '../domain/item.js';
import type { Engine } from './engine.js';
import { ItemQueue } from './item-queue.js';

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
 * Runs `work` over one connection's items in batches of its bulk size for the operation, at most
 * `concurrency` batches at once. Items may still be coming (a listing going on): each lane takes
 * what is there when it is free.
 */
export async function inBatches<T>(
  engine: Engine,
  connectionId: string,
  operation: keyof BulkSizes,
  items: readonly T[] | ItemQueue<T>,
  work: (batch: T[]) => Promise<void>,
): Promise<void> {
  const connection = engine.connections.get(connectionId);
  const queue = items instanceof ItemQueue ? items : ItemQueue.of(items);
  const size = connection?.bulk[operation] ?? Number.MAX_SAFE_INTEGER;
  const lanes = connection?.concurrency ?? 1;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let batch = await queue.take(size); batch.length > 0; batch = await queue.take(size)) await work(batch);
    }),
  );
}

/** Runs `work` for each connection's items, connections side by side: one slow platform never holds up the others. */
export async function perConnection(items: readonly Item[], work: (connectionId: string, items: Item[]) => Promise<void>): Promise<void> {
  await Promise.all([...byConnection(items)].map(([connectionId, list]) => work(connectionId, list)));
}
