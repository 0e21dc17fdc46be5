// Carries out one piece of a pause's pending work, deciding from the state stored now.
import type { Kind } from '../../adapters/types.js';
import { draft } from '../audit/audit-entry.js';
import type { RequestContext } from '../domain/actor.js';
import type { MissedPolicy, Listing, Pause, Work } from '../domain/pause.js';
import type { Engine } from './engine.js';
import { ItemQueue } from './item-queue.js';
import { RESUMABLE_STATES } from './item-lifecycle.js';
import { listAndClaim, planTargets, type PlanTarget } from './plan.js';
import { restoreItems } from './restore.js';
import { suspendItems } from './suspend.js';

/** Items a person may put back one by one. */
export const RELEASABLE = ['suspended', 'missed', 'kept'] as const;

export async function runWork(engine: Engine, ctx: RequestContext, pause: Pause, work: Work, recovering: boolean): Promise<void> {
  switch (work.kind) {
    case 'suspend':
    case 'escalate':
      return suspendWork(engine, ctx, pause.id, work.kinds, { retryFailed: false, recovering });
    case 'retry':
      // Chosen now, not when asked: once a whole resume is asked for, a retry only puts back.
      if (pause.resume) return resumeWork(engine, ctx, pause.id, null, pause.resume.missed, recovering);
      return suspendWork(engine, ctx, pause.id, pause.kinds, { retryFailed: true, recovering });
    case 'resume':
      return resumeWork(engine, ctx, pause.id, work.itemIds, work.missed, recovering);
    case 'release': {
      const item = await engine.store.getItem(work.itemId);
      // Released, kept or handed over meanwhile: nothing left to do.
      if (!item || item.pauseId !== pause.id || !(RELEASABLE as readonly string[]).includes(item.state)) return;
      const explicitTimes = work.at ? new Map([[item.id, new Date(work.at)]]) : undefined;
      return restoreItems(engine, ctx, pause, [item], { policy: 'now', recovering, ...(explicitTimes && { explicitTimes }) });
    }
  }
}

interface SuspendOptions {
  /** also suspend again what failed before (retry) */
  retryFailed: boolean;
  /** after a crash every planned item may have been suspended already: look before acting */
  recovering: boolean;
}

/**
 * Lists what is live and not yet listed, claims it page by page (the write-ahead of invariant 2),
 * and suspends each page as soon as it is claimed: each connection on its own, so one slow
 * platform never holds up the others.
 */
async function suspendWork(engine: Engine, ctx: RequestContext, pauseId: string, kinds: readonly Kind[], options: SuspendOptions): Promise<void> {
  const pause = (await engine.store.getPause(pauseId))!;
  const listingOf = (t: PlanTarget) => pause.listings.find((l) => l.connectionId === t.connectionId && l.kind === t.kind);
  const targets = planTargets(engine, pause.connectionIds, kinds).filter((t) => listingOf(t)?.state !== 'done');
  const failedItems = options.retryFailed ? await engine.store.itemsOfPause(pauseId, { state: 'failed' }) : [];
  const connectionIds = new Set([...targets.map((t) => t.connectionId), ...failedItems.map((i) => i.connectionId), ...pause.connectionIds]);
  const resumeAsked = async () => (await engine.store.getPause(pauseId))?.resume !== null;

  await Promise.all(
    [...connectionIds].map(async (connectionId) => {
      // What is left from before (planned, or failed when retrying), then each page as it is claimed.
      const left = await engine.store.itemsOfPause(pauseId, { connectionId, states: options.retryFailed ? ['planned', 'failed'] : ['planned'] });
      const queue = new ItemQueue();
      queue.push(left.filter((i) => i.state === 'planned' || i.failedDuring === 'suspend'));
      const mine = targets.filter((t) => t.connectionId === connectionId);
      const listing = (async () => {
        try {
          if (mine.length === 0) return;
          const listings = await engine.locks.exclusive(connectionId, async () => {
            const done: Listing[] = [];
            for (const t of mine) done.push(await listAndClaim(engine, ctx, pauseId, t, listingOf(t)?.resumeFrom ?? null, (items) => queue.push(items)));
            return done;
          });
          await recordListings(engine, ctx, pauseId, listings);
        } finally {
          queue.close();
        }
      })();
      // Suspending starts with the first page claimed, while the listing goes on.
      const suspending = suspendItems(engine, ctx, connectionId, queue, {
        verifyFirst: (item) => options.recovering || item.lastError?.ambiguous === true,
        shouldStop: resumeAsked,
      });
      await Promise.all([listing, suspending]);
    }),
  );
}

async function recordListings(engine: Engine, ctx: RequestContext, pauseId: string, listings: readonly Listing[]): Promise<void> {
  const now = engine.clock.now();
  const key = (l: Pick<Listing, 'connectionId' | 'kind'>) => `${l.connectionId}/${l.kind}`;
  await engine.store.changePause(pauseId, (p) => {
    const byKey = new Map(p.listings.map((l) => [key(l), l]));
    for (const l of listings) {
      const before = byKey.get(key(l));
      // A listing gone over again adds to what the earlier, failed one found.
      byKey.set(key(l), before ? { ...l, found: before.found + l.found, heldElsewhere: before.heldElsewhere + l.heldElsewhere } : l);
    }
    return {
      pause: { ...p, listings: [...byKey.values()], updatedAt: now.toISOString() },
      audit: listings
        .filter((l) => l.state === 'failed')
        .map((l) =>
          draft(ctx, now, {
            action: 'connection.listing-failed',
            pauseId,
            connectionId: l.connectionId,
            data: { kind: l.kind, code: l.error!.code, message: l.error!.message, found: l.found, resumeFrom: l.resumeFrom !== null },
          }),
        ),
    };
  });
}

/** Puts back the pause's resumable items (or the chosen ones) from the stored items, never a fresh listing. */
async function resumeWork(engine: Engine, ctx: RequestContext, pauseId: string, itemIds: string[] | null, missed: MissedPolicy, recovering: boolean): Promise<void> {
  const pause = (await engine.store.getPause(pauseId))!;
  const items = await engine.store.itemsOfPause(pauseId, { states: RESUMABLE_STATES });
  const chosen = itemIds ? new Set(itemIds) : null;
  await restoreItems(engine, ctx, pause, chosen ? items.filter((i) => chosen.has(i.id)) : items, { policy: missed, recovering });
}
