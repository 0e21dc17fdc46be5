import type { AdapterClient, AdapterErrorInfo } from '../../adapters/types.js';
import type { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { RequestContext } from '../domain/actor.js';
import type { Item } from '../domain/item.js';
import type { ItemTransition } from '../store/store.js';
import { momentOf, usableConnection, type Engine } from './engine.js';
import { inBatches } from './fan-out.js';
import type { ItemQueue } from './item-queue.js';
import { failed, skipped, suspended, waiting } from './item-lifecycle.js';
import { driftReason, refOf, viewOf } from './observation.js';
import { asAdapterError, retryBatch, retryCall } from './with-retries.js';

export interface SuspendOptions {
  /** look at the platform before acting: after a crash, or when an earlier attempt may have taken effect */
  verifyFirst(item: Item): boolean;
  /** checked before each batch: a resume asked for meanwhile stops the suspension */
  shouldStop(): Promise<boolean>;
}

/** Suspends one connection's planned (or failed) items, batch by batch as they come, recording each outcome (invariant 6). */
export async function suspendItems(engine: Engine, ctx: RequestContext, connectionId: string, items: readonly Item[] | ItemQueue, options: SuspendOptions): Promise<void> {
  const usable = usableConnection(engine, connectionId);
  await inBatches(engine, connectionId, 'suspend', items, async (batch) => {
    if (await options.shouldStop()) return;
    let transitions: ItemTransition[];
    if (usable.error) transitions = batch.map((item) => failed(item, usable.error, 'suspend', momentOf(engine, ctx)));
    else {
      try {
        transitions = await suspendBatch(engine, ctx, usable.client, batch, options);
      } catch (error) {
        transitions = batch.map((item) => failed(item, asAdapterError(error).toInfo(), 'suspend', momentOf(engine, ctx)));
      }
    }
    await engine.store.recordTransitions(transitions);
  });
}

async function suspendBatch(engine: Engine, ctx: RequestContext, client: AdapterClient, batch: Item[], options: SuspendOptions): Promise<ItemTransition[]> {
  const transitions: ItemTransition[] = [];
  const checked = await settle(engine, ctx, client, batch.filter((i) => options.verifyFirst(i)));
  const toSuspend = batch.filter((item) => {
    const settled = checked.get(item.id);
    if (settled && settled !== 'live') transitions.push(settled);
    return !settled || settled === 'live';
  });
  if (toSuspend.length === 0) return transitions;

  const results = await retryBatch(toSuspend, (b) => client.suspend(b.map(refOf)), engine.retry, {
    idempotent: true,
    onWait: (ms, error, items) => recordWait(engine, ctx, items, ms, error),
  });
  const unsure: Array<{ item: Item; error: AdapterErrorInfo }> = [];
  for (const { item, outcome, ambiguous } of results) {
    if (outcome.kind === 'ok') transitions.push(suspended(item, outcome.status, momentOf(engine, ctx), outcome.note ?? null));
    else if (ambiguous) unsure.push({ item, error: { ...outcome.error, ambiguous: true } });
    else transitions.push(failed(item, outcome.error, 'suspend', momentOf(engine, ctx)));
  }
  // An unclear failure may have suspended the item after all: ask the platform before saying so.
  const afterwards = await settle(engine, ctx, client, unsure.map((u) => u.item)).catch(() => new Map<string, ItemTransition | 'live'>());
  for (const { item, error } of unsure) {
    const settled = afterwards.get(item.id);
    if (settled && settled !== 'live' && settled.item.state === 'suspended') transitions.push(settled);
    else transitions.push(failed(item, error, 'suspend', momentOf(engine, ctx)));
  }
  return transitions;
}

/**
 * Looks at items on the platform: those already suspended (by an attempt whose answer was lost)
 * are recorded as such; those gone or changed are skipped; live ones come back as 'live'.
 */
async function settle(engine: Engine, ctx: RequestContext, client: AdapterClient, items: Item[]): Promise<Map<string, ItemTransition | 'live'>> {
  const settled = new Map<string, ItemTransition | 'live'>();
  if (items.length === 0) return settled;
  const seen = await retryCall(() => client.inspect(items.map(refOf)), engine.retry, { idempotent: true });
  const byId = new Map(seen.map((o) => [o.externalId, o]));
  const at = momentOf(engine, ctx);
  for (const item of items) {
    const observation = byId.get(item.externalId);
    if (!observation) continue;
    const view = viewOf(item, observation);
    if (view === 'live') settled.set(item.id, 'live');
    else if (view === 'suspended') settled.set(item.id, suspended(item, observation.status ?? 'deleted', at, 'found already suspended on the platform'));
    else settled.set(item.id, skipped(item, `not suspended: ${driftReason(item, observation)} before it could be`, at));
  }
  return settled;
}

/**
 * A platform's limit holds these items back: each says what it waits for and until when, so a
 * person looking at a slow pause sees why (a Meta block lasts minutes).
 */
export async function recordWait(engine: Engine, ctx: RequestContext, items: readonly Item[], ms: number, error: AdapterError): Promise<void> {
  // Short waits (pacing, a Hootsuite second) are not worth a write per item.
  if (ms < 2_000) return;
  const at = momentOf(engine, ctx);
  const until = new Date(at.now.getTime() + ms);
  const current = await Promise.all(items.map((i) => engine.store.getItem(i.id)));
  const transitions = current.filter((i): i is Item => i !== undefined).map((i) => waiting(i, `the platform's limit (${error.message})`, until, at));
  await engine.store.recordTransitions(transitions);
}
