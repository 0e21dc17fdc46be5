import type { Severity } from '../config/schema.js';
import type { Connection } from '../connections/connections.js';
import { SYSTEM_ACTOR, type RequestContext } from '../domain/actor.js';
import { AppError, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Item, ItemState } from '../domain/item.js';
import type { MissedPolicy, Pause, PauseState } from '../domain/pause.js';
import type { ItemFilter, Page } from '../store/store.js';
import type { Engine } from './engine.js';
import { kept } from './item-transitions.js';
import { leadTimeOf } from './missed-policy.js';
import { PauseJobs } from './pause-jobs.js';
import { pauseView, type PauseView } from './pause-view.js';
import { recordTransitions } from './record.js';
import { decidePause, previewPause, resolveRequest, type PauseInput } from './request-pause.js';
import { restoreItems } from './restore.js';
import { RESUMABLE, runResumeJob } from './resume-job.js';
import { previewResume } from './resume-preview.js';
import { runSuspendJob } from './suspend-job.js';

export interface ResumeInput {
  items?: string[] | undefined;
  missed?: MissedPolicy | undefined;
  dryRun: boolean;
}

/** `done` settles when the queued work is over (for `?wait=true`); it never rejects. */
export type Accepted<K extends string> = { kind: K; pause: PauseView; done: Promise<void> };

const RELEASABLE: ReadonlySet<ItemState> = new Set(['suspended', 'missed', 'kept']);
const KEEPABLE: ReadonlySet<ItemState> = new Set(['suspended', 'missed']);

/** The pauses service: every trigger (API, console, webhook, Slack) goes through here. */
export class PausesService {
  readonly #jobs: PauseJobs;

  constructor(
    private readonly engine: Engine,
    private readonly severities: readonly Severity[],
    private readonly connections: readonly Connection[],
    private readonly defaultMissed: MissedPolicy,
  ) {
    this.#jobs = new PauseJobs((pauseId, error) => {
      // A refused request (4xx) is the caller's answer; anything else is ours to look into.
      if (!(error instanceof AppError) || error.status >= 500) engine.logger.error('pause job failed', { pauseId, error: String(error) });
    });
  }

  async requestPause(input: PauseInput, ctx: RequestContext, idempotencyKey?: string) {
    const resolved = resolveRequest(this.severities, this.connections, input);
    if (input.dryRun) return { kind: 'dry-run' as const, plan: await previewPause(this.engine, resolved) };
    const decision = await this.engine.lock.exclusive(() => decidePause(this.engine, ctx, input, resolved, idempotencyKey));
    let done: Promise<void>;
    if (decision.kind === 'created' || decision.kind === 'escalated') {
      const kinds = decision.addedKinds;
      done = this.#queue(decision.pause.id, () => runSuspendJob(this.engine, ctx, decision.pause.id, { kinds, retryFailed: false, recovering: false }));
    } else done = this.#queue(decision.pause.id, async () => {});
    const view = await this.#view(decision.pause.id);
    return decision.kind === 'replayed'
      ? { kind: 'replayed' as const, status: decision.status, pause: view, done }
      : { kind: decision.kind, pause: view, done };
  }

  async requestResume(pauseId: string, input: ResumeInput, ctx: RequestContext) {
    const pause = await this.#pause(pauseId);
    const missed = input.missed ?? this.defaultMissed;
    const items = await this.#resumableItems(pause, input.items);
    if (input.dryRun) return { kind: 'dry-run' as const, missed, steps: await previewResume(this.engine, pause, items, missed) };
    const record = { at: this.engine.clock.now().toISOString(), ...ctx, missed, itemIds: input.items ?? null };
    // Checked and claimed in one step: of two resumes pressed at once, one starts, one joins.
    let already = false;
    await this.engine.store.updatePause(pauseId, (p) => {
      already = p.state === 'resuming' || p.state === 'resumed' || p.resume !== null;
      return already || input.items !== undefined ? p : { ...p, resume: record };
    });
    if (already) return { kind: 'already' as const, pause: await this.#view(pauseId), done: this.#queue(pauseId, async () => {}) };
    await this.engine.audit.record(ctx, [
      { action: 'pause.resume-requested', pauseId, data: { missed, items: input.items ?? 'all' } },
    ]);
    const done = this.#queue(pauseId, () => runResumeJob(this.engine, ctx, pauseId, record, false));
    return { kind: 'started' as const, pause: await this.#view(pauseId), done };
  }

  /** Retries what failed: listings and suspensions of a pause in force, restores of a resumed one. */
  async retry(pauseId: string, ctx: RequestContext) {
    const pause = await this.#pause(pauseId);
    await this.engine.audit.record(ctx, [{ action: 'pause.retry-requested', pauseId }]);
    const resumed = pause.state === 'resuming' || pause.state === 'resumed';
    const done = this.#queue(pauseId, async () => {
      if (!resumed) return runSuspendJob(this.engine, ctx, pauseId, { kinds: [], retryFailed: true, recovering: false });
      const failedRestores = (await this.engine.store.itemsOfPause(pauseId)).filter((i) => i.state === 'failed' && i.failedDuring === 'restore');
      const latest = await this.#pause(pauseId);
      await restoreItems(this.engine, ctx, latest, failedRestores, { policy: latest.resume?.missed ?? this.defaultMissed, recovering: false });
      await this.engine.store.flush();
    });
    return { kind: 'started' as const, pause: await this.#view(pauseId), done };
  }

  /** A person puts one item back now, at its own time or a new one (invariant 4). */
  async release(pauseId: string, itemId: string, at: Date | undefined, ctx: RequestContext): Promise<Item> {
    return this.#jobs.run(pauseId, async () => {
      const pause = await this.#pause(pauseId);
      const item = await this.#item(pause, itemId, RELEASABLE, 'released');
      const connection = this.engine.connections.get(item.connectionId);
      if (at && connection) this.#checkNewTime(item, at, leadTimeOf(connection.adapter, item));
      await this.engine.audit.record(ctx, [
        { action: 'item.release-requested', pauseId, itemId, connectionId: item.connectionId, data: { scheduledAt: at?.toISOString() ?? null } },
      ]);
      await restoreItems(this.engine, ctx, pause, [item], {
        policy: 'now',
        recovering: false,
        ...(at && { explicitTimes: new Map([[item.id, at]]) }),
      });
      await this.engine.store.flush();
      return (await this.engine.store.getItem(itemId))!;
    });
  }

  /** A person decides an item stays suspended. */
  async keep(pauseId: string, itemId: string, ctx: RequestContext): Promise<Item> {
    return this.#jobs.run(pauseId, async () => {
      const pause = await this.#pause(pauseId);
      const item = await this.#item(pause, itemId, KEEPABLE, 'kept');
      const transition = kept(item, this.engine.clock.now());
      recordTransitions(this.engine, ctx, [transition]);
      await this.engine.store.flush(); // a person's decision is durable before we answer
      return transition.item;
    });
  }

  async getPause(pauseId: string): Promise<PauseView> {
    await this.#pause(pauseId);
    return this.#view(pauseId);
  }

  async listPauses(query: { state?: PauseState; limit: number; cursor?: string }): Promise<Page<PauseView>> {
    const page = await this.engine.store.listPauses(query);
    return { data: await Promise.all(page.data.map((p) => this.#view(p.id))), nextCursor: page.nextCursor };
  }

  async listItems(pauseId: string, filter: ItemFilter, page: { limit: number; cursor?: string }): Promise<Page<Item>> {
    await this.#pause(pauseId);
    return this.engine.store.listItems(pauseId, filter, page);
  }

  /** After a crash: finishes every pause left suspending or resuming (invariant 2). */
  async recover(): Promise<string[]> {
    const unfinished = await this.engine.store.pausesInStates(new Set(['planning', 'suspending', 'resuming']));
    const ctx: RequestContext = { actor: SYSTEM_ACTOR, source: 'system', requestId: newId('req') };
    for (const pause of unfinished) {
      await this.engine.audit.record(ctx, [{ action: 'pause.recovering', pauseId: pause.id, data: { state: pause.state } }]);
      if (pause.state === 'resuming' && pause.resume)
        void this.#queue(pause.id, () => runResumeJob(this.engine, ctx, pause.id, pause.resume!, true));
      else void this.#queue(pause.id, () => runSuspendJob(this.engine, ctx, pause.id, { kinds: pause.kinds, retryFailed: false, recovering: true }));
    }
    return unfinished.map((p) => p.id);
  }

  /** Resolves when no work is queued or running (tests, shutdown). */
  idle(): Promise<void> {
    return this.#jobs.idle();
  }

  #queue(pauseId: string, job: () => Promise<void>): Promise<void> {
    return this.#jobs.run(pauseId, job).catch(() => undefined);
  }

  async #view(pauseId: string): Promise<PauseView> {
    const pause = (await this.engine.store.getPause(pauseId))!;
    return pauseView(pause, await this.engine.store.itemsOfPause(pauseId));
  }

  async #pause(pauseId: string): Promise<Pause> {
    const pause = await this.engine.store.getPause(pauseId);
    if (!pause) throw notFound('pause', pauseId);
    return pause;
  }

  async #item(pause: Pause, itemId: string, allowed: ReadonlySet<ItemState>, verb: string): Promise<Item> {
    const item = await this.engine.store.getItem(itemId);
    if (!item || item.pauseId !== pause.id) throw notFound('item', itemId);
    if (!allowed.has(item.state))
      throw new AppError('conflict', `item ${itemId} is ${item.state}; only ${[...allowed].join(', ')} items can be ${verb}`);
    return item;
  }

  async #resumableItems(pause: Pause, ids: string[] | undefined): Promise<Item[]> {
    const items = await this.engine.store.itemsOfPause(pause.id);
    if (pause.state === 'planning' || pause.state === 'suspending') {
      if (ids) throw new AppError('conflict', `pause ${pause.id} is still ${pause.state}; resume single items once it is active`);
      return items.filter(RESUMABLE);
    }
    if (!ids) return items.filter(RESUMABLE);
    const known = new Set(items.map((i) => i.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError('unprocessable', `not items of pause ${pause.id}: ${unknown.join(', ')}`, { unknown });
    const wanted = new Set(ids);
    const chosen = items.filter((i) => wanted.has(i.id));
    const stuck = chosen.filter((i) => !RESUMABLE(i));
    if (stuck.length > 0)
      throw new AppError('conflict', 'some items are not suspended; release or keep missed items instead', {
        items: stuck.map((i) => ({ id: i.id, state: i.state })),
      });
    return chosen;
  }

  #checkNewTime(item: Item, at: Date, minLeadMs: number): void {
    if (item.scheduledAt === null) throw new AppError('unprocessable', `item ${item.id} has no send time to change`);
    const earliest = this.engine.clock.now().getTime() + minLeadMs;
    if (at.getTime() < earliest)
      throw new AppError('unprocessable', `scheduledAt must be at least ${describeDuration(minLeadMs)} from now for this item`, {
        earliest: new Date(earliest).toISOString(),
      });
  }
}

const describeDuration = (ms: number): string => (ms >= 3_600_000 ? `${Math.ceil(ms / 3_600_000)} hours` : `${Math.ceil(ms / 60_000)} minutes`);
