import type { RequestContext } from '../domain/actor.js';
import { draft } from '../audit/audit-entry.js';
import { newId } from '../domain/ids.js';
import type { Item } from '../domain/item.js';
import type { Pause } from '../domain/pause.js';
import { momentOf, type Engine } from './engine.js';
import { handedOver } from './item-lifecycle.js';

/** Another pause that covers the item's connection and kind, if one is in force (invariant 5). */
export async function coveringPause(engine: Engine, item: Item): Promise<Pause | undefined> {
  return (await engine.store.pausesInForce())
    .filter((p) => p.id !== item.pauseId && p.connectionIds.includes(item.connectionId) && p.kinds.includes(item.kind))
    .sort((a, b) => b.severity - a.severity)[0];
}

/** Moves a suspended item to the pause that covers it: it stays suspended, now held by `to`. */
export async function handOver(engine: Engine, ctx: RequestContext, item: Item, to: Pause): Promise<void> {
  const at = momentOf(engine, ctx);
  const moved: Omit<Item, 'seq'> = {
    ...item,
    id: newId('itm'),
    pauseId: to.id,
    state: 'suspended',
    handedOverFrom: item.pauseId,
    handedOverTo: null,
    waitingUntil: null,
    createdAt: at.now.toISOString(),
    updatedAt: at.now.toISOString(),
  };
  // One write: on disk the object is never held by both pauses, nor by neither.
  await engine.store.handOver(
    handedOver(item, to.id, at),
    moved,
    draft(ctx, at.now, {
      action: 'item.taken-over',
      pauseId: to.id,
      itemId: moved.id,
      connectionId: moved.connectionId,
      data: { externalId: moved.externalId, kind: moved.kind, from: item.pauseId },
    }),
  );
}
