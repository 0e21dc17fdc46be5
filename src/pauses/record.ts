import type { RequestContext } from '../domain/actor.js';
import type { Engine } from './engine.js';
import type { Transition } from './item-transitions.js';

/**
 * Stores the new item states and audits each change. Outcomes are recorded after the platform
 * call, so they need not be durable before the next one: a crash that loses some is reconciled
 * from the platforms on restart (invariant 2 asks only the snapshot to be written first). Not
 * waiting lets one file write carry many batches; jobs `flush` the store before they finish.
 * A failed write is not lost either: the store then refuses every later change, loudly.
 */
export function recordTransitions(engine: Engine, ctx: RequestContext, transitions: readonly Transition[]): void {
  if (transitions.length === 0) return;
  const ignore = () => undefined;
  engine.store.updateItems(transitions.map((t) => t.item)).catch(ignore);
  engine.audit.record(ctx, transitions.map((t) => t.audit)).catch(ignore);
}
