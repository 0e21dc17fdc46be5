import type { AdapterClient, AdapterErrorInfo } from '../../adapters/types.js';
import type { RequestContext } from '../domain/actor.js';
import type { Item } from '../domain/item.js';
import { usableConnection, type Engine } from './engine.js';
import { forEachBatch } from './fan-out.js';
import { failed, skipped, suspended, type Transition } from './item-transitions.js';
import { driftReason, refOf, viewOf } from './observation.js';
import { recordTransitions } from './record.js';
import { asAdapterError, retryBatch, retryCall } from './with-retries.js';

export interface SuspendOptions {
  /** look at the platform before acting: after a crash, or when an earlier attempt may have taken effect */
  verifyFirst(item: Item): boolean;
}

/** Suspends planned (or failed) items, batch by batch, recording each outcome (invariant 6). */
export async function suspendItems(engine: Engine, ctx: RequestContext, items: readonly Item[], options: SuspendOptions): Promise<void> {
  await forEachBatch(engine, 'suspend', items, async (connectionId, batch) => {
    const usable = usableConnection(engine, connectionId);
    let transitions: Transition[];
    if (usable.error) transitions = batch.map((item) => failed(item, usable.error, 'suspend', engine.clock.now()));
    else {
      try {
        transitions = await suspendBatch(engine, usable.client, batch, options);
      } catch (error) {
        transitions = batch.map((item) => failed(item, asAdapterError(error).toInfo(), 'suspend', engine.clock.now()));
      }
    }
    recordTransitions(engine, ctx, transitions);
  });
}

async function suspendBatch(engine: Engine, client: AdapterClient, batch: Item[], options: SuspendOptions): Promise<Transition[]> {
  const transitions: Transition[] = [];
  const checked = await settle(engine, client, batch.filter((i) => options.verifyFirst(i)));
  const toSuspend = batch.filter((item) => {
    const settled = checked.get(item.id);
    if (settled && settled !== 'live') transitions.push(settled);
    return !settled || settled === 'live';
  });
  if (toSuspend.length === 0) return transitions;

  const results = await retryBatch(toSuspend, (b) => client.suspend(b.map(refOf)), engine.retry, { idempotent: true });
  const unsure: Array<{ item: Item; error: AdapterErrorInfo }> = [];
  for (const { item, outcome, ambiguous } of results) {
    if (outcome.kind === 'ok') transitions.push(suspended(item, outcome.status, engine.clock.now(), outcome.note ?? null));
    else if (ambiguous) unsure.push({ item, error: { ...outcome.error, ambiguous: true } });
    else transitions.push(failed(item, outcome.error, 'suspend', engine.clock.now()));
  }
  // An unclear failure may have suspended the item after all: ask the platform before saying so.
  const afterwards = await settle(engine, client, unsure.map((u) => u.item)).catch(() => new Map<string, Transition | 'live'>());
  for (const { item, error } of unsure) {
    const settled = afterwards.get(item.id);
    if (settled && settled !== 'live' && settled.item.state === 'suspended') transitions.push(settled);
    else transitions.push(failed(item, error, 'suspend', engine.clock.now()));
  }
  return transitions;
}

/**
 * Looks at items on the platform: those already suspended (by an attempt whose answer was lost)
 * are recorded as such; those gone or changed are skipped; live ones come back as 'live'.
 */
async function settle(engine: Engine, client: AdapterClient, items: Item[]): Promise<Map<string, Transition | 'live'>> {
  const settled = new Map<string, Transition | 'live'>();
  if (items.length === 0) return settled;
  const seen = await retryCall(() => client.inspect(items.map(refOf)), engine.retry, { idempotent: true });
  const byId = new Map(seen.map((o) => [o.externalId, o]));
  const now = engine.clock.now();
  for (const item of items) {
    const observation = byId.get(item.externalId);
    if (!observation) continue;
    const view = viewOf(item, observation);
    if (view === 'live') settled.set(item.id, 'live');
    else if (view === 'suspended')
      settled.set(item.id, suspended(item, observation.status ?? 'deleted', now, 'found already suspended on the platform'));
    else settled.set(item.id, skipped(item, `not suspended: ${driftReason(item, observation)} before it could be`, now));
  }
  return settled;
}
