import { methodTraits, type AdapterClient, type Observation, type PlatformAdapter, type RestoreRequest } from '../../adapters/types.js';
import type { RequestContext } from '../domain/actor.js';
import type { Item } from '../domain/item.js';
import type { MissedPolicy, Pause } from '../domain/pause.js';
import type { ItemTransition } from '../store/store.js';
import { momentOf, usableConnection, type Engine } from './engine.js';
import { inBatches, perConnection } from './fan-out.js';
import { coveringPause, handOver } from './handover.js';
import { drifted, failed, missed, restored, skipped, type Moment } from './item-lifecycle.js';
import { decideTime } from './missed-policy.js';
import { absent, driftReason, observed, refOf, viewOf } from './observation.js';
import { recordWait } from './suspend.js';
import { asAdapterError, retryBatch, retryCall } from './with-retries.js';

export interface RestoreOptions {
  policy: MissedPolicy;
  /** after a crash: an item not yet recorded as restored may be back already */
  recovering: boolean;
  /** a person's new send time for some items (release) */
  explicitTimes?: ReadonlyMap<string, Date>;
}

/**
 * Puts items back from their snapshots (invariant 3), walking the stored items — never a fresh
 * listing. Per batch: hand over what another pause covers, look at the rest where it can have
 * changed, leave drifted items alone, hold missed ones (invariant 4), restore the others.
 */
export async function restoreItems(engine: Engine, ctx: RequestContext, pause: Pause, items: readonly Item[], options: RestoreOptions): Promise<void> {
  await perConnection(items, (connectionId, list) =>
    inBatches(engine, connectionId, 'restore', list, (batch) =>
      engine.locks.shared(connectionId, async () => {
        const remaining: Item[] = [];
        for (const item of batch) {
          const held = item.state === 'suspended' || item.state === 'missed' || item.state === 'kept';
          const to = held ? await coveringPause(engine, item) : undefined;
          if (to) await handOver(engine, ctx, item, to);
          else remaining.push(item);
        }
        if (remaining.length === 0) return;
        const usable = usableConnection(engine, connectionId);
        let transitions: ItemTransition[];
        if (usable.error) transitions = remaining.map((item) => failed(item, usable.error, 'restore', momentOf(engine, ctx)));
        else {
          try {
            transitions = await restoreBatch(engine, ctx, usable.connection.adapter, usable.client, pause, remaining, options);
          } catch (error) {
            transitions = remaining.map((item) => failed(item, asAdapterError(error).toInfo(), 'restore', momentOf(engine, ctx)));
          }
        }
        await engine.store.recordTransitions(transitions);
      }),
    ),
  );
}

/**
 * Whether the platform must be asked about the item before it is put back: always when someone
 * could have changed it while suspended, or when our suspension was never confirmed. A message
 * we deleted cannot have changed: there is nothing to read back.
 */
export const mustLook = (item: Item): boolean =>
  methodTraits(item.method).changeableWhileSuspended || !(item.state === 'suspended' || item.state === 'missed' || item.state === 'kept');

async function restoreBatch(
  engine: Engine,
  ctx: RequestContext,
  adapter: PlatformAdapter,
  client: AdapterClient,
  pause: Pause,
  batch: Item[],
  options: RestoreOptions,
): Promise<ItemTransition[]> {
  const look = batch.filter(mustLook);
  const seen = look.length > 0 ? await retryCall(() => client.inspect(look.map(refOf)), engine.retry, { idempotent: true }) : [];
  const byId = new Map(seen.map((o) => [o.externalId, o]));
  const at = momentOf(engine, ctx);
  const transitions: ItemTransition[] = [];
  const ready: Array<{ item: Item; request: RestoreRequest }> = [];

  for (const item of batch) {
    const observation = mustLook(item) ? byId.get(item.externalId) : absent(item.externalId);
    if (!observation) {
      const error = { code: 'unexpected_response', message: 'the platform did not describe this item', retryable: true, ambiguous: false };
      transitions.push(failed(item, error, 'restore', at));
      continue;
    }
    const verdict = judge(item, observation);
    if (verdict.kind === 'transition') {
      transitions.push(verdict.make(at));
      continue;
    }
    const time = decideTime(item, adapter, options.policy, {
      now: at.now,
      pausedAt: new Date(pause.createdAt),
      ...(options.explicitTimes?.has(item.id) && { explicit: options.explicitTimes.get(item.id)! }),
    });
    if ('hold' in time) {
      transitions.push(missed(item, at));
      continue;
    }
    // An earlier restore may have happened if we crashed mid-way or the last answer was unclear.
    const mayExist = !methodTraits(item.method).idempotentRestore && (options.recovering || item.lastError?.ambiguous === true);
    ready.push({ item, request: { ...refOf(item), scheduledAt: time.restoreAt, mayExist } });
  }
  if (ready.length === 0) return transitions;

  const requests = new Map(ready.map((r) => [r.item.externalId, r.request]));
  const idempotent = ready.every((r) => methodTraits(r.item.method).idempotentRestore);
  const results = await retryBatch(
    ready.map((r) => r.item),
    (b) => client.restore(b.map((i) => requests.get(i.externalId)!)),
    engine.retry,
    { idempotent, onWait: (ms, error, items) => recordWait(engine, ctx, items, ms, error) },
  );
  for (const { item, outcome, ambiguous } of results) {
    const now = momentOf(engine, ctx);
    if (outcome.kind === 'ok') {
      const scheduledAt = requests.get(item.externalId)!.scheduledAt;
      transitions.push(restored(item, { status: outcome.status, scheduledAt, ...(outcome.newExternalId && { newExternalId: outcome.newExternalId }), ...(outcome.note && { note: outcome.note }) }, now));
    } else transitions.push(failed(item, { ...outcome.error, ambiguous: outcome.error.ambiguous || ambiguous }, 'restore', now));
  }
  return transitions;
}

export type Verdict = { kind: 'restore' } | { kind: 'transition'; make: (at: Moment) => ItemTransition };

/** Whether an item can be put back, given what the platform shows of it now. */
export function judge(item: Item, seen: Observation): Verdict {
  const view = viewOf(item, seen);
  const leave = (make: (at: Moment) => ItemTransition): Verdict => ({ kind: 'transition', make });
  // Its suspension was never confirmed: if it is still live there is nothing to put back.
  if (item.state === 'planned' || (item.state === 'failed' && item.failedDuring === 'suspend')) {
    if (view === 'suspended') return { kind: 'restore' };
    if (view === 'live') return leave((at) => skipped(item, 'its suspension never took effect', at));
    return leave((at) => drifted(item, driftReason(item, seen), observed(seen), at));
  }
  switch (view) {
    case 'suspended':
      return { kind: 'restore' };
    case 'live':
      // Back already, as it was (an earlier restore whose answer was lost, or someone beat us to it).
      if (methodTraits(item.method).keepsId && seen.scheduledAt === (item.restoredScheduledAt ?? item.scheduledAt))
        return leave((at) => restored(item, { status: seen.status ?? 'live', scheduledAt: seen.scheduledAt, note: 'already back on the platform' }, at));
      return leave((at) => drifted(item, driftReason(item, seen), observed(seen), at));
    case 'gone':
    case 'changed':
      return leave((at) => drifted(item, driftReason(item, seen), observed(seen), at));
  }
}
