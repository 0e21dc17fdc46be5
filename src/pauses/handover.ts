import type { RequestContext } from '../domain/actor.js';
import { newId } from '../domain/ids.js';
import type { Item } from '../domain/item.js';
import { COVERING_STATES, inForce, type Pause } from '../domain/pause.js';
import type { Engine } from './engine.js';
import { handedOver } from './item-transitions.js';
import { recordTransitions } from './record.js';

/** Another pause that covers the item's connection and kind, if one is in force (invariant 5). */
export async function coveringPause(engine: Engine, item: Item): Promise<Pause | undefined> {
  const covering = await engine.store.pausesInStates(COVERING_STATES);
  return covering
    .filter((p) => inForce(p) && p.id !== item.pauseId && p.connectionIds.includes(item.connectionId) && p.kinds.includes(item.kind))
    .sort((a, b) => b.severity - a.severity)[0];
}

/** Moves a suspended item to the pause that covers it: it stays suspended, now held by `to`. */
export async function handOver(engine: Engine, ctx: RequestContext, item: Item, to: Pause): Promise<void> {
  const now = engine.clock.now();
  const moved: Item = {
    ...item,
    id: newId('itm'),
    pauseId: to.id,
    state: 'suspended',
    handedOverFrom: item.pauseId,
    handedOverTo: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  // Both changes are made before any write starts, so they land in the same one: on disk the
  // item is never held by both pauses, nor by neither.
  recordTransitions(engine, ctx, [handedOver(item, to.id, now)]);
  await engine.store.insertItems([moved]);
  await engine.audit.record(ctx, [
    {
      action: 'item.taken-over',
      pauseId: to.id,
      itemId: moved.id,
      connectionId: moved.connectionId,
      data: { externalId: moved.externalId, kind: moved.kind, from: item.pauseId },
    },
  ]);
}
