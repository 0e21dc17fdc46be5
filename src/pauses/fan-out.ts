import type { BulkSizes } from '../../adapters/types.js';
import type { Item } from '../domain/item.js';
import type { Engine } from './engine.js';

/**
 * Runs `work` over items in batches of the platform's bulk size: connections in parallel (one
 * failing platform never holds up the others), each at most `concurrency` batches at once.
 */
export async function forEachBatch(
  engine: Engine,
  operation: keyof BulkSizes,
  items: readonly Item[],
  work: (connectionId: string, batch: Item[]) => Promise<void>,
): Promise<void> {
  const byConnection = new Map<string, Item[]>();
  for (const item of items) {
    const list = byConnection.get(item.connectionId);
    if (list) list.push(item);
    else byConnection.set(item.connectionId, [item]);
  }
  await Promise.all(
    [...byConnection].map(async ([connectionId, list]) => {
      const connection = engine.connections.get(connectionId);
      const size = connection?.adapter.bulk[operation] ?? list.length;
      const batches: Item[][] = [];
      for (let i = 0; i < list.length; i += size) batches.push(list.slice(i, i + size));
      const lanes = Math.min(connection?.concurrency ?? 1, batches.length);
      let next = 0;
      await Promise.all(
        Array.from({ length: lanes }, async () => {
          while (next < batches.length) await work(connectionId, batches[next++]!);
        }),
      );
    }),
  );
}
