import { methodTraits, type AdapterClient, type Observation, type PlatformAdapter, type RestoreRequest } from '../../adapters/types.js';
import type { RequestContext } from '../domain/actor.js';
import type { Item } from '../domain/item.js';
import type { MissedPolicy, Pause } from '../domain/pause.js';
import { usableConnection, type Engine } from './engine.js';
import { forEachBatch } from './fan-out.js';
import { coveringPause, handOver } from './handover.js';
import { drifted, failed, missed, restored, skipped, type Transition } from './item-transitions.js';
import { decideTime } from './missed-policy.js';
import { driftReason, observed, refOf, viewOf } from './observation.js';
import { recordTransitions } from './record.js';
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
 * listing. Per batch: hand over what another pause covers, inspect the rest, leave drifted items
 * alone, hold missed ones (invariant 4), restore the others.
 */
export async function restoreItems(
  engine: Engine,
  ctx: RequestContext,
  pause: Pause,
  items: readonly Item[],
  options: RestoreOptions,
): Promise<void> {
  await forEachBatch(engine, 'restore', items, (connectionId, batch) =>
    engine.lock.shared(async () => {
      const remaining: Item[] = [];
      for (const item of batch) {
        const to = item.state === 'suspended' || item.state === 'missed' || item.state === 'kept' ? await coveringPause(engine, item) : undefined;
        if (to) await handOver(engine, ctx, item, to);
        else remaining.push(item);
      }
      if (remaining.length === 0) return;
      const usable = usableConnection(engine, connectionId);
      let transitions: Transition[];
      if (usable.error) transitions = remaining.map((item) => failed(item, usable.error, 'restore', engine.clock.now()));
      else {
        try {
          transitions = await restoreBatch(engine, usable.connection.adapter, usable.client, pause, remaining, options);
        } catch (error) {
          transitions = remaining.map((item) => failed(item, asAdapterError(error).toInfo(), 'restore', engine.clock.now()));
        }
      }
      recordTransitions(engine, ctx, transitions);
    }),
  );
}

async function restoreBatch(
  engine: Engine,
  adapter: PlatformAdapter,
  client: AdapterClient,
  pause: Pause,
  batch: Item[],
  options: RestoreOptions,
): Promise<Transition[]> {
  const seen = await retryCall(() => client.inspect(batch.map(refOf)), engine.retry, { idempotent: true });
  const byId = new Map(seen.map((o) => [o.externalId, o]));
  const now = engine.clock.now();
  const transitions: Transition[] = [];
  const ready: Array<{ item: Item; request: RestoreRequest }> = [];

  for (const item of batch) {
    const observation = byId.get(item.externalId);
    if (!observation) {
      transitions.push(failed(item, { code: 'unexpected_response', message: 'the platform did not describe this item', retryable: true, ambiguous: false }, 'restore', now));
      continue;
    }
    const verdict = judge(item, observation);
    if (verdict.kind === 'transition') {
      transitions.push(verdict.make(now));
      continue;
    }
    const time = decideTime(item, adapter, options.policy, {
      now,
      pausedAt: new Date(pause.createdAt),
      ...(options.explicitTimes?.has(item.id) && { explicit: options.explicitTimes.get(item.id)! }),
    });
    if ('hold' in time) {
      transitions.push(missed(item, now));
      continue;
    }
    // A re-create may already have happened if we crashed mid-way or the last answer was unclear.
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
    { idempotent },
  );
  for (const { item, outcome, ambiguous } of results) {
    const at = engine.clock.now();
    if (outcome.kind === 'ok') {
      const scheduledAt = requests.get(item.externalId)!.scheduledAt;
      transitions.push(restored(item, { status: outcome.status, scheduledAt, ...(outcome.newExternalId && { newExternalId: outcome.newExternalId }), ...(outcome.note && { note: outcome.note }) }, at));
    } else transitions.push(failed(item, { ...outcome.error, ambiguous: outcome.error.ambiguous || ambiguous }, 'restore', at));
  }
  return transitions;
}

export type Verdict = { kind: 'restore' } | { kind: 'transition'; make: (now: Date) => Transition };

/** Whether an item can be put back, given what the platform shows of it now. */
export function judge(item: Item, seen: Observation): Verdict {
  const view = viewOf(item, seen);
  const leave = (make: (now: Date) => Transition): Verdict => ({ kind: 'transition', make });
  // Its suspension was never confirmed: if it is still live there is nothing to put back.
  if (item.state === 'planned' || (item.state === 'failed' && item.failedDuring === 'suspend')) {
    if (view === 'suspended') return { kind: 'restore' };
    if (view === 'live') return leave((now) => skipped(item, 'its suspension never took effect', now));
    return leave((now) => drifted(item, driftReason(item, seen), now, observed(seen)));
  }
  switch (view) {
    case 'suspended':
      return { kind: 'restore' };
    case 'live':
      // Back already, as it was (an earlier restore whose answer was lost, or someone beat us to it).
      if (methodTraits(item.method).keepsId && seen.scheduledAt === (item.restoredScheduledAt ?? item.scheduledAt))
        return leave((now) => restored(item, { status: seen.status ?? 'live', scheduledAt: seen.scheduledAt, note: 'already back on the platform' }, now));
      return leave((now) => drifted(item, driftReason(item, seen), now, observed(seen)));
    case 'gone':
    case 'changed':
      return leave((now) => drifted(item, driftReason(item, seen), now, observed(seen)));
  }
}
