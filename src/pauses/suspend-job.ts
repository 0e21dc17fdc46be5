import type { Kind } from '../../adapters/types.js';
import type { RequestContext } from '../domain/actor.js';
import type { Item } from '../domain/item.js';
import type { Listing, Pause } from '../domain/pause.js';
import type { Engine } from './engine.js';
import { plan, planTargets, type PlanTarget } from './plan.js';
import { suspendItems } from './suspend.js';
import { countByState } from './pause-view.js';

export interface SuspendJob {
  /** kinds to list now (a new pause: all its kinds; an escalation: the added ones) */
  kinds: readonly Kind[];
  /** also redo what failed before: failed listings and failed suspensions (retry) */
  retryFailed: boolean;
  /** after a crash every planned item may have been suspended already: look before acting */
  recovering: boolean;
}

/**
 * Plans, stores the snapshots (the write-ahead of invariant 2), then suspends; finally marks
 * the pause active. Planning runs under the exclusive claim lock (invariant 5).
 */
export async function runSuspendJob(engine: Engine, ctx: RequestContext, pauseId: string, job: SuspendJob): Promise<void> {
  await engine.lock.exclusive(async () => {
    const pause = (await engine.store.getPause(pauseId))!;
    const targets = targetsToList(engine, pause, job);
    const result = await plan(engine, pause, targets);
    const now = engine.clock.now().toISOString();
    await Promise.all([
      engine.store.insertItems(result.items),
      engine.store.updatePause(pauseId, (p) => ({
        ...p,
        state: p.state === 'planning' || p.state === 'active' ? 'suspending' : p.state,
        listings: mergeListings(p.listings, result.listings),
        updatedAt: now,
      })),
    ]);
    await engine.audit.record(ctx, [
      { action: 'pause.planned', pauseId, data: { items: result.items.length, kinds: [...job.kinds] } },
      ...result.listings
        .filter((l) => l.state === 'failed')
        .map((l) => ({
          action: 'connection.listing-failed',
          pauseId,
          connectionId: l.connectionId,
          data: { kind: l.kind, code: l.error!.code, message: l.error!.message },
        })),
    ]);
  });

  const planned = (await engine.store.itemsOfPause(pauseId)).filter(
    (i) => i.state === 'planned' || (i.state === 'failed' && i.failedDuring === 'suspend' && job.retryFailed),
  );
  await suspendItems(engine, ctx, planned, {
    verifyFirst: (item: Item) => job.recovering || item.lastError?.ambiguous === true,
  });

  const items = await engine.store.itemsOfPause(pauseId);
  const paused = await engine.store.updatePause(pauseId, (p) =>
    p.state === 'suspending' ? { ...p, state: 'active', activeAt: engine.clock.now().toISOString(), updatedAt: engine.clock.now().toISOString() } : p,
  );
  await engine.audit.record(ctx, [{ action: 'pause.active', pauseId, data: { state: paused.state, counts: countByState(items) } }]);
  await engine.store.flush();
}

function targetsToList(engine: Engine, pause: Pause, job: SuspendJob): PlanTarget[] {
  const wanted = planTargets(engine, pause.connectionIds, job.kinds);
  const failed = job.retryFailed ? pause.listings.filter((l) => l.state === 'failed') : [];
  const done = (t: PlanTarget) => pause.listings.some((l) => l.connectionId === t.connectionId && l.kind === t.kind && l.state === 'done');
  const all = [...wanted.filter((t) => !done(t)), ...failed.map(({ connectionId, kind }) => ({ connectionId, kind }))];
  return all.filter((t, i) => all.findIndex((o) => o.connectionId === t.connectionId && o.kind === t.kind) === i);
}

function mergeListings(current: readonly Listing[], fresh: readonly Listing[]): Listing[] {
  const key = (l: Listing) => `${l.connectionId}/${l.kind}`;
  const byKey = new Map(current.map((l) => [key(l), l]));
  for (const l of fresh) byKey.set(key(l), l);
  return [...byKey.values()];
}
