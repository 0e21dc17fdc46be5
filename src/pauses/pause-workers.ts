import { draft } from '../audit/audit-entry.js';
import { SYSTEM_ACTOR, type RequestContext } from '../domain/actor.js';
import { newId } from '../domain/ids.js';
import type { Pause, Work } from '../domain/pause.js';
import type { ItemCounts } from '../store/store.js';
import type { Engine } from './engine.js';
import { finishWork, startWork } from './pause-lifecycle.js';
import { failures } from './pause-view.js';
import { runWork } from './run-work.js';

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * One worker per pause carries out its stored pending work, oldest first, one piece at a time,
 * so a pause racing its own resume or a button pressed twice never interleave. What each piece
 * does is decided from the stored state when it runs; a piece found already started was cut by a
 * crash and is carried out again, looking at the platforms before acting.
 */
export class PauseWorkers {
  readonly #running = new Map<string, Promise<void>>();
  readonly #again = new Set<string>();
  readonly #waiters = new Map<string, Waiter[]>();
  /** work whose job failed in this process, until it is taken up again */
  readonly #failures = new Map<string, { error: unknown }>();

  constructor(private readonly engine: Engine) {}

  /** Makes sure the pause's work is being carried out. */
  kick(pauseId: string): void {
    // A loop that is running may already have looked for work and be on its way out: ask it to
    // look once more when it ends, so work queued in that moment is never left waiting.
    if (this.#running.has(pauseId)) {
      this.#again.add(pauseId);
      return;
    }
    const loop = this.#loop(pauseId).finally(() => {
      this.#running.delete(pauseId);
      if (this.#again.delete(pauseId)) this.kick(pauseId);
    });
    this.#running.set(pauseId, loop);
  }

  /** Settles once the work is done (or its job failed); at once if it is no longer pending. */
  async waitFor(pauseId: string, workId: string): Promise<void> {
    // Registered before looking, so a worker finishing in between cannot be missed.
    const done = new Promise<void>((resolve, reject) => {
      const list = this.#waiters.get(workId) ?? [];
      list.push({ resolve, reject });
      this.#waiters.set(workId, list);
    });
    const failure = this.#failures.get(workId);
    if (failure) this.#settle(workId, (w) => w.reject(failure.error));
    else if (!(await this.engine.store.getPause(pauseId))?.work.some((w) => w.id === workId)) this.#settle(workId, (w) => w.resolve());
    return done;
  }

  /** Waits for the last piece of work pending on the pause now, if any. */
  async waitForPending(pauseId: string): Promise<void> {
    const last = (await this.engine.store.getPause(pauseId))?.work.at(-1);
    if (last) await this.waitFor(pauseId, last.id);
  }

  /** Resolves when no work is running. */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running.values()]);
  }

  async #loop(pauseId: string): Promise<void> {
    const { store, clock } = this.engine;
    for (;;) {
      const pause = await store.getPause(pauseId);
      const work = pause?.work[0];
      if (!pause || !work) return;
      const recovering = work.startedAt !== null;
      const ctx: RequestContext = recovering ? { actor: SYSTEM_ACTOR, source: 'system', requestId: newId('req') } : contextOf(work);
      this.#failures.delete(work.id);
      try {
        if (!recovering) await store.changePause(pauseId, (p) => ({ pause: startWork(p, work.id, clock.now()), audit: [] }));
        await runWork(this.engine, ctx, pause, work, recovering);
        await this.#finish(pauseId, work, ctx);
        this.#settle(work.id, (w) => w.resolve());
      } catch (error) {
        // The work stays pending: the next start (or the next request on this pause) takes it up again.
        this.engine.logger.error('pause work failed', { pauseId, work: work.kind, error: error instanceof Error ? error.message : String(error) });
        await store
          .appendAudit([draft(ctx, clock.now(), { action: 'pause.work-failed', pauseId, data: { work: work.kind, message: String(error) } })])
          .catch(() => undefined);
        this.#failures.set(work.id, { error });
        this.#settle(work.id, (w) => w.reject(error));
        return;
      }
    }
  }

  async #finish(pauseId: string, work: Work, ctx: RequestContext): Promise<void> {
    const { store, clock } = this.engine;
    const counts = await store.countItems(pauseId);
    await store.changePause(pauseId, (p) => {
      const next = finishWork(p, work.id, clock.now());
      return { pause: next, audit: completionAudit(work, p, next, counts, ctx, clock.now()) };
    });
  }

  #settle(workId: string, how: (w: Waiter) => void): void {
    for (const waiter of this.#waiters.get(workId) ?? []) how(waiter);
    this.#waiters.delete(workId);
  }
}

const contextOf = (work: Work): RequestContext => ({ actor: work.requested.actor, source: work.requested.source, requestId: work.requested.requestId });

/**
 * What the end of a phase says about the whole pause: `pause.active` once suspending is over,
 * `pause.resumed` once a whole resume is. A release or a partial resume speaks through its items.
 */
function completionAudit(work: Work, before: Pause, after: Pause, counts: ItemCounts, ctx: RequestContext, now: Date) {
  const problems = failures(after, counts);
  const data = { counts: counts.byState, complete: problems.listings + problems.items === 0, failures: problems };
  const phase = work.kind === 'suspend' || work.kind === 'escalate' || work.kind === 'retry' || (work.kind === 'resume' && work.itemIds === null);
  if (!phase) return [];
  if (after.state === 'active' && before.state === 'suspending') return [draft(ctx, now, { action: 'pause.active', pauseId: after.id, data })];
  if (after.state === 'resumed') return [draft(ctx, now, { action: 'pause.resumed', pauseId: after.id, data: { ...data, missed: after.resume?.missed ?? null } })];
  return [];
}
