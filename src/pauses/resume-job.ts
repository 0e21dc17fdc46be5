import type { RequestContext } from '../domain/actor.js';
import type { Item } from '../domain/item.js';
import type { ResumeRecord } from '../domain/pause.js';
import type { Engine } from './engine.js';
import { countByState } from './pause-view.js';
import { restoreItems } from './restore.js';

/** Items a whole-pause resume walks: what is suspended, and what failed or never finished. */
export const RESUMABLE = (item: Item): boolean =>
  item.state === 'suspended' || item.state === 'failed' || item.state === 'planned';

/**
 * Resumes a pause (or some of its items) from the stored items, never from a fresh listing.
 * A whole-pause resume moves the pause to `resuming` under the exclusive claim lock, so from
 * then on no hand-over goes to it, and to `resumed` at the end.
 */
export async function runResumeJob(
  engine: Engine,
  ctx: RequestContext,
  pauseId: string,
  request: ResumeRecord,
  recovering: boolean,
): Promise<void> {
  const whole = request.itemIds === null;
  const pause = await engine.lock.exclusive(() =>
    engine.store.updatePause(pauseId, (p) => ({
      ...p,
      state: whole ? 'resuming' : p.state,
      resume: whole ? request : p.resume,
      updatedAt: engine.clock.now().toISOString(),
    })),
  );
  const all = await engine.store.itemsOfPause(pauseId);
  const ids = request.itemIds && new Set(request.itemIds);
  const items = all.filter((i) => (ids ? ids.has(i.id) && RESUMABLE(i) : RESUMABLE(i)));
  await restoreItems(engine, ctx, pause, items, { policy: request.missed, recovering });

  if (!whole) return engine.store.flush();
  const now = engine.clock.now().toISOString();
  await engine.store.updatePause(pauseId, (p) => ({ ...p, state: 'resumed', resumedAt: now, updatedAt: now }));
  const after = await engine.store.itemsOfPause(pauseId);
  await engine.audit.record(ctx, [{ action: 'pause.resumed', pauseId, data: { counts: countByState(after), missed: request.missed } }]);
  await engine.store.flush();
}
