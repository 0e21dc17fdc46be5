import { methodTraits, type Observation, type RestoreRequest } from '../../adapters/types.js';
import type { RequestContext } from '../domain/actor.js';
import type { Item, ItemError } from '../domain/item.js';
import type { MissedPolicy, Pause } from '../domain/pause.js';
import type { ItemTransition } from '../store/store.js';
import { momentOf, usableConnection, type Engine } from './engine.js';
import { inBatches, perConnection } from './fan-out.js';
import { ItemQueue } from './item-queue.js';
import { LookAhead } from './look-ahead.js';
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

/** An item judged ready to be put back, with what the restore asks of the platform. */
interface Ready {
  item: Item;
  request: RestoreRequest;
}

/**
 * Puts items back from their snapshots (invariant 3), walking the stored items — never a fresh
 * listing. Two stages per connection, side by side: the read-back looks at the items where they
 * can have changed, in batches of the platform's bulk inspect (Mailchimp reads hundreds through a
 * few list pages), leaves drifted items alone and holds missed ones (invariant 4); the restores
 * put the others back in batches of the bulk restore as soon as they are judged.
 */
export async function restoreItems(engine: Engine, ctx: RequestContext, pause: Pause, items: readonly Item[], options: RestoreOptions): Promise<void> {
  await perConnection(items, async (connectionId, list) => {
    const ready = new ItemQueue<Ready>();
    const ahead = new LookAhead(lookAheadOf(engine, connectionId));
    const judging = inBatches(engine, connectionId, 'inspect', list, async (batch) => {
      await ahead.reserve(batch.length);
      const judged = await engine.locks.shared(connectionId, async () => {
        const { transitions, restorable } = await judgeBatch(engine, ctx, connectionId, pause, await handOverCovered(engine, ctx, batch), options);
        await engine.store.recordTransitions(transitions);
        return restorable;
      });
      ahead.release(batch.length - judged.length);
      ready.push(judged);
    }).finally(() => ready.close());
    const restoring = inBatches(engine, connectionId, 'restore', ready, async (batch) => {
      // Under the same shared lock as the hand-over check: a pause that began covering an item
      // since it was judged takes it over instead (invariant 5).
      try {
        await engine.locks.shared(connectionId, async () => {
          const mine = new Set((await handOverCovered(engine, ctx, batch.map((r) => r.item))).map((i) => i.id));
          await engine.store.recordTransitions(await putBack(engine, ctx, connectionId, batch.filter((r) => mine.has(r.item.id))));
        });
      } finally {
        ahead.release(batch.length);
      }
    });
    await Promise.all([judging, restoring]);
  });
}

/**
 * How many items may be read back and not yet put back: every restore lane's batch, the read-back
 * batch being put back and the next one, read while the last is put back — so restores never wait
 * for a read — and no more, so what a read saw is seconds old at most when the item is put back.
 */
function lookAheadOf(engine: Engine, connectionId: string): number {
  const connection = engine.connections.get(connectionId);
  if (!connection) return Number.MAX_SAFE_INTEGER;
  return connection.concurrency * connection.bulk.restore + 2 * connection.bulk.inspect;
}

/** Hands over the held items another pause now covers; answers the others. */
async function handOverCovered(engine: Engine, ctx: RequestContext, items: readonly Item[]): Promise<Item[]> {
  const remaining: Item[] = [];
  for (const item of items) {
    const held = item.state === 'suspended' || item.state === 'missed' || item.state === 'kept';
    const to = held ? await coveringPause(engine, item) : undefined;
    if (to) await handOver(engine, ctx, item, to);
    else remaining.push(item);
  }
  return remaining;
}

/**
 * Whether the platform must be asked about the item before it is put back: always when someone
 * could have changed it while suspended, or when our suspension was never confirmed. A message
 * we deleted cannot have changed: there is nothing to read back.
 */
export const mustLook = (item: Item): boolean =>
  methodTraits(item.method).changeableWhileSuspended || !(item.state === 'suspended' || item.state === 'missed' || item.state === 'kept');

/** Reads a batch back and judges each item: the transitions of those not to be put back, and the rest. */
async function judgeBatch(
  engine: Engine,
  ctx: RequestContext,
  connectionId: string,
  pause: Pause,
  batch: Item[],
  options: RestoreOptions,
): Promise<{ transitions: ItemTransition[]; restorable: Ready[] }> {
  const transitions: ItemTransition[] = [];
  const restorable: Ready[] = [];
  if (batch.length === 0) return { transitions, restorable };
  const usable = usableConnection(engine, connectionId);
  const failAll = (error: Omit<ItemError, 'at'>) => ({ transitions: batch.map((item) => failed(item, error, 'restore', momentOf(engine, ctx))), restorable });
  if (usable.error) return failAll(usable.error);
  const look = batch.filter(mustLook);
  let seen: Observation[];
  try {
    seen = look.length > 0 ? await retryCall(() => usable.client.inspect(look.map(refOf)), engine.retry, { idempotent: true }) : [];
  } catch (error) {
    return failAll(asAdapterError(error).toInfo());
  }
  const byId = new Map(seen.map((o) => [o.externalId, o]));
  const at = momentOf(engine, ctx);

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
    const time = decideTime(item, usable.connection.adapter, options.policy, {
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
    restorable.push({ item, request: { ...refOf(item), scheduledAt: time.restoreAt, mayExist } });
  }
  return { transitions, restorable };
}

/** Restores a batch of judged items: their transitions, restored or failed. */
async function putBack(engine: Engine, ctx: RequestContext, connectionId: string, ready: Ready[]): Promise<ItemTransition[]> {
  if (ready.length === 0) return [];
  const usable = usableConnection(engine, connectionId);
  if (usable.error) return ready.map((r) => failed(r.item, usable.error, 'restore', momentOf(engine, ctx)));
  const requests = new Map(ready.map((r) => [r.item.externalId, r.request]));
  const idempotent = ready.every((r) => methodTraits(r.item.method).idempotentRestore);
  try {
    const results = await retryBatch(
      ready.map((r) => r.item),
      (b) => usable.client.restore(b.map((i) => requests.get(i.externalId)!)),
      engine.retry,
      { idempotent, onWait: (ms, error, items) => recordWait(engine, ctx, items, ms, error) },
    );
    return results.map(({ item, outcome, ambiguous }) => {
      const now = momentOf(engine, ctx);
      if (outcome.kind !== 'ok') return failed(item, { ...outcome.error, ambiguous: outcome.error.ambiguous || ambiguous }, 'restore', now);
      const scheduledAt = requests.get(item.externalId)!.scheduledAt;
      return restored(item, { status: outcome.status, scheduledAt, ...(outcome.newExternalId && { newExternalId: outcome.newExternalId }), ...(outcome.note && { note: outcome.note }) }, now);
    });
  } catch (error) {
    return ready.map((r) => failed(r.item, asAdapterError(error).toInfo(), 'restore', momentOf(engine, ctx)));
  }
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
