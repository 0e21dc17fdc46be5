import type { RequestContext } from '../domain/actor.js';
import type { Engine } from './engine.js';
import type { Transition } from './item-transitions.js';

/** Stores the new item states and audits each change; resolves once both are durable. */
export async function recordTransitions(engine: Engine, ctx: RequestContext, transitions: readonly Transition[]): Promise<void> {
  if (transitions.length === 0) return;
  await Promise.all([
    engine.store.updateItems(transitions.map((t) => t.item)),
    engine.audit.record(ctx, transitions.map((t) => t.audit)),
  ]);
}
