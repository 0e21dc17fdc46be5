import { draft } from '../audit/audit-entry.js';
import { EMPTY_PLAYBOOK, type Playbook } from '../config/playbook.js';
import type { Severity } from '../config/schema.js';
import type { Connection } from '../connections/connections.js';
import { SYSTEM_ACTOR, type RequestContext } from '../domain/actor.js';
import { AppError, notFound } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Item, ItemState } from '../domain/item.js';
import type { MissedPolicy, Pause, PauseState, Stamp, Work } from '../domain/pause.js';
import type { Task } from '../domain/task.js';
import type { ItemFilter, Page } from '../store/store.js';
import { momentOf, type Engine } from './engine.js';
import { kept, RESUMABLE_STATES } from './item-lifecycle.js';
import { leadTimeOf } from './missed-policy.js';
import { queueWork, settle } from './pause-lifecycle.js';
import { cancelPlanned, checkPlanTimes, endPlanned, startPlanned } from './planned-pauses.js';
import { previewPause } from './pause-preview.js';
import { markStepDone, pausePlaybook, type PausePlaybook, type StepView } from './pause-playbook.js';
import { pauseView, type PauseView } from './pause-view.js';
import { PauseWorkers } from './pause-workers.js';
import { decidePause, resolveRequest, type PauseInput } from './request-pause.js';
import { previewResume } from './resume-preview.js';
import { approvalChange, resumeChange, wholeResumeAsked } from './resume-request.js';
import { RELEASABLE } from './run-work.js';
import { closeTask } from './tasks.js';

export interface ResumeInput {
  items?: string[] | undefined;
  missed?: MissedPolicy | undefined;
  dryRun: boolean;
}

/** Accepted work: `done` settles when it is carried out (for `?wait=true`). */
export type Accepted<K extends string> = { kind: K; pause: PauseView; done: () => Promise<void> };

const KEEPABLE: ReadonlySet<ItemState> = new Set(['suspended', 'missed']);

/**
 * The pauses service: every trigger (API, console, webhook, Slack) goes through here. Each
 * request is checked, then stored with its pending work in one write, then handed to the pause's
 * worker; nothing is decided from memory that the store does not hold.
 */
export class PausesService {
  readonly #workers: PauseWorkers;
  /** decisions on pauses are made one at a time in this process (the store keeps instances apart) */
  #decisions: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: Engine,
    private readonly severities: readonly Severity[],
    private readonly connections: readonly Connection[],
    private readonly defaultMissed: MissedPolicy,
    /** from this severity up a resume waits for a second lead (null: never) */
    private readonly approvalFrom: number | null = null,
    /** the crisis plan: each pause carries the steps its severity calls for */
    private readonly playbook: Playbook = EMPTY_PLAYBOOK,
  ) {
    this.#workers = new PauseWorkers(engine);
  }
  /** Whether resuming a pause at this severity waits for a second lead (fast off, slow on). */
  needsApproval(severity: number): boolean {
    return this.approvalFrom !== null && severity >= this.approvalFrom;
  }


  async requestPause(input: PauseInput, ctx: RequestContext, idempotencyKey?: string) {
    const resolved = resolveRequest(this.severities, this.connections, this.engine.manual, input);
    checkPlanTimes(input, this.engine.clock.now());
    if (input.dryRun) return { kind: 'dry-run' as const, plan: await previewPause(this.engine, resolved) };
    const decision = await this.#decide(() => decidePause(this.engine, ctx, input, resolved, idempotencyKey));
    this.#workers.kick(decision.pause.id);
    const done = this.#done(decision.pause.id, decision.workId);
    const view = await this.#view(decision.pause.id);
    return decision.kind === 'replayed'
      ? { kind: 'replayed' as const, status: decision.status, pause: view, done }
      : { kind: decision.kind, pause: view, done };
  }

  async requestResume(pauseId: string, input: ResumeInput, ctx: RequestContext) {
    const pause = await this.#startedPause(pauseId);
    const missed = input.missed ?? this.defaultMissed;
    const items = await this.#resumableItems(pause, input.items);
    if (input.dryRun) return { kind: 'dry-run' as const, missed, steps: await previewResume(this.engine, pause, items, missed) };
    const stamp = this.#stamp(ctx);
    if (this.needsApproval(pause.severity)) return this.#askApproval(pause.id, input.items ?? null, missed, stamp);
    const work: Work = { kind: 'resume', id: newId('wrk'), itemIds: input.items ?? null, missed, requested: stamp, startedAt: null };
    let already = false;
    // Checked and stored in one step, with the move to `resuming`: of two resumes pressed at
    // once, one starts and one joins, and a crash right after cannot lose the request.
    await this.engine.store.changePause(pauseId, (p) => {
      already = input.items === undefined && wholeResumeAsked(p);
      return already ? null : resumeChange(this.engine.manual, p, work, stamp);
    });
    this.#workers.kick(pauseId);
    const done = already ? () => this.#workers.waitForPending(pauseId) : this.#done(pauseId, work.id);
    return { kind: already ? ('already' as const) : ('started' as const), pause: await this.#view(pauseId), done };
  }

  /** Slow on: a resume of a pause at or above `approvalFrom` only asks (see `approvalChange`). */
  async #askApproval(pauseId: string, itemIds: string[] | null, missed: MissedPolicy, stamp: Stamp) {
    await this.engine.store.changePause(pauseId, (p) => (itemIds === null && wholeResumeAsked(p) ? null : approvalChange(p, itemIds, missed, stamp)));
    const view = await this.#view(pauseId);
    const kind = view.approval ? ('awaiting-approval' as const) : ('already' as const);
    return { kind, pause: view, done: () => (kind === 'already' ? this.#workers.waitForPending(pauseId) : Promise.resolve()) };
  }

  /** A second lead approves a resume another asked for: it becomes the resume, in one write. */
  async approveResume(pauseId: string, ctx: RequestContext) {
    await this.#startedPause(pauseId);
    const stamp = this.#stamp(ctx);
    let workId = '';
    await this.engine.store.changePause(pauseId, (p) => {
      const asked = p.approval;
      if (!asked) throw new AppError('conflict', `no resume of pause ${pauseId} awaits approval`);
      if (asked.actor.type === ctx.actor.type && asked.actor.id === ctx.actor.id) throw new AppError('forbidden', `${ctx.actor.name} asked for this resume: another lead must approve it`);
      const now = new Date(stamp.at);
      const work: Work = { kind: 'resume', id: asked.id, itemIds: asked.itemIds, missed: asked.missed, requested: stamp, startedAt: null };
      workId = work.id;
      const approved = draft(ctx, now, { action: 'pause.resume-approved', pauseId, data: { askedBy: asked.actor.name, askedAt: asked.at, items: asked.itemIds ?? 'all', missed: asked.missed } });
      return resumeChange(this.engine.manual, { ...p, approval: null }, work, stamp, approved);
    });
    this.#workers.kick(pauseId);
    return { kind: 'started' as const, pause: await this.#view(pauseId), done: this.#done(pauseId, workId) };
  }

  /** A resume awaiting approval is withdrawn: the pause stays as it was. */
  async withdrawResume(pauseId: string, ctx: RequestContext): Promise<PauseView> {
    await this.#startedPause(pauseId);
    const stamp = this.#stamp(ctx);
    await this.engine.store.changePause(pauseId, (p) => {
      if (!p.approval) throw new AppError('conflict', `no resume of pause ${pauseId} awaits approval`);
      const now = new Date(stamp.at);
      return { pause: settle({ ...p, approval: null }, now), audit: [draft(ctx, now, { action: 'pause.resume-withdrawn', pauseId, data: { askedBy: p.approval.actor.name } })] };
    });
    return this.#view(pauseId);
  }

  /** A person ticks off a task of a pause: done (an optional note) or skipped (a reason). */
  async closeTask(pauseId: string, taskId: string, state: 'done' | 'skipped', note: string | null, ctx: RequestContext): Promise<Task> {
    await this.#startedPause(pauseId);
    const stamp = this.#stamp(ctx);
    let closed: Task | undefined;
    await this.engine.store.changePause(pauseId, (p) => {
      const change = closeTask(p, taskId, state, stamp, note);
      closed = change.task;
      return { pause: change.pause, audit: change.audit };
    });
    return closed!;
  }

  /** A pause's checklist: the playbook steps its severity calls for, its tasks, the statements. */
  async pausePlaybook(pauseId: string): Promise<PausePlaybook> {
    return pausePlaybook(this.playbook, await this.#pause(pauseId));
  }

  /** A person ticks a playbook step off for a pause, with an optional note: stored and audited in one write. */
  async markStepDone(pauseId: string, stepId: string, note: string | null, ctx: RequestContext): Promise<StepView> {
    await this.#pause(pauseId);
    const stamp = this.#stamp(ctx);
    let step: StepView | undefined;
    await this.engine.store.changePause(pauseId, (p) => {
      const change = markStepDone(this.playbook, p, stepId, stamp, note);
      step = change.step;
      return { pause: change.pause, audit: change.audit };
    });
    return step!;
  }

  /** Retries what failed: listings and suspensions of a pause in force, restores of a resumed one. */
  async retry(pauseId: string, ctx: RequestContext) {
    await this.#startedPause(pauseId);
    const stamp = this.#stamp(ctx);
    const work: Work = { kind: 'retry', id: newId('wrk'), requested: stamp, startedAt: null };
    await this.engine.store.changePause(pauseId, (p) => ({
      pause: queueWork(p, work, new Date(stamp.at)),
      audit: [draft(ctx, new Date(stamp.at), { action: 'pause.retry-requested', pauseId })],
    }));
    this.#workers.kick(pauseId);
    return { kind: 'started' as const, pause: await this.#view(pauseId), done: this.#done(pauseId, work.id) };
  }

  /** A person puts one item back now, at its own time or a new one (invariant 4). */
  async release(pauseId: string, itemId: string, at: Date | undefined, ctx: RequestContext): Promise<Item> {
    const pause = await this.#startedPause(pauseId);
    const item = await this.#item(pause, itemId, new Set(RELEASABLE), 'released');
    const connection = this.engine.connections.get(item.connectionId);
    if (at && connection) this.#checkNewTime(item, at, leadTimeOf(connection.adapter, item));
    const stamp = this.#stamp(ctx);
    const work: Work = { kind: 'release', id: newId('wrk'), itemId, at: at?.toISOString() ?? null, requested: stamp, startedAt: null };
    await this.engine.store.changePause(pauseId, (p) => ({
      pause: queueWork(p, work, new Date(stamp.at)),
      audit: [
        draft(ctx, new Date(stamp.at), { action: 'item.release-requested', pauseId, itemId, connectionId: item.connectionId, data: { scheduledAt: work.at } }),
      ],
    }));
    this.#workers.kick(pauseId);
    await this.#done(pauseId, work.id)();
    return (await this.engine.store.getItem(itemId))!;
  }

  /** A person decides an item stays suspended: no platform call, one durable write. */
  async keep(pauseId: string, itemId: string, ctx: RequestContext): Promise<Item> {
    const pause = await this.#startedPause(pauseId);
    const item = await this.#item(pause, itemId, KEEPABLE, 'kept');
    const transition = kept(item, momentOf(this.engine, ctx));
    await this.engine.store.recordTransitions([transition]);
    return transition.item;
  }

  /** A person cancels a planned pause before it starts (409 once it has). */
  async cancelPlanned(pauseId: string, reason: string | null, ctx: RequestContext): Promise<PauseView> {
    await this.#pause(pauseId);
    await this.#decide(() => cancelPlanned(this.engine, pauseId, reason, ctx));
    return this.#view(pauseId);
  }

  /**
   * The scheduler's steps, decided from the stored plan when they run. A start is decided with
   * the requests (one at a time), as it may join the pause in force just as a request would.
   */
  async startPlanned(pauseId: string): Promise<void> {
    const started = await this.#decide(() => startPlanned(this.engine, pauseId));
    if (started) this.#workers.kick(started.pauseId);
  }

  async endPlanned(pauseId: string): Promise<void> {
    if (await endPlanned(this.engine, pauseId, this.approvalFrom, this.defaultMissed)) this.#workers.kick(pauseId);
  }

  async getPause(pauseId: string): Promise<PauseView> {
    await this.#pause(pauseId);
    return this.#view(pauseId);
  }

  /** The pauses in force now, as the API shows them (Slack's `/crisis status`). */
  async pausesInForce(): Promise<PauseView[]> {
    return Promise.all((await this.engine.store.pausesInForce()).map((p) => this.getPause(p.id)));
  }

  async listPauses(query: { state?: PauseState; limit: number; cursor?: string }): Promise<Page<PauseView>> {
    const page = await this.engine.store.listPauses(query);
    return { data: await Promise.all(page.data.map((p) => this.#view(p.id))), nextCursor: page.nextCursor };
  }

  async listItems(pauseId: string, filter: ItemFilter, page: { limit: number; cursor?: string }): Promise<Page<Item>> {
    await this.#pause(pauseId);
    return this.engine.store.listItems(pauseId, filter, page);
  }

  /** At start: carries out the stored pending work of every pause, and nothing else. */
  async recover(): Promise<string[]> {
    const unfinished = await this.engine.store.pausesWithWork();
    const ctx: RequestContext = { actor: SYSTEM_ACTOR, source: 'system', requestId: newId('req') };
    for (const pause of unfinished) {
      await this.engine.store.appendAudit([
        draft(ctx, this.engine.clock.now(), { action: 'pause.recovering', pauseId: pause.id, data: { state: pause.state, work: pause.work.map((w) => w.kind) } }),
      ]);
      this.#workers.kick(pause.id);
    }
    return unfinished.map((p) => p.id);
  }

  /** Resolves when no work is running (tests, shutdown). */
  idle(): Promise<void> {
    return this.#workers.idle();
  }

  #decide<T>(decision: () => Promise<T>): Promise<T> {
    const result = this.#decisions.then(decision, decision);
    this.#decisions = result.catch(() => undefined);
    return result;
  }

  #done(pauseId: string, workId: string | null): () => Promise<void> {
    return () => (workId ? this.#workers.waitFor(pauseId, workId) : this.#workers.waitForPending(pauseId));
  }

  #stamp(ctx: RequestContext): Stamp {
    return { at: this.engine.clock.now().toISOString(), ...ctx };
  }

  async #view(pauseId: string): Promise<PauseView> {
    const pause = (await this.engine.store.getPause(pauseId))!;
    return pauseView(pause, await this.engine.store.countItems(pauseId), this.playbook);
  }

  /** A pause that has started: a planned one has nothing to act on yet, a cancelled or joined one never will. */
  async #startedPause(pauseId: string): Promise<Pause> {
    const pause = await this.#pause(pauseId);
    if (pause.state === 'planned')
      throw new AppError('conflict', `pause ${pauseId} is planned to start at ${pause.schedule?.startsAt}: nothing is suspended yet (cancel it with POST /v1/pauses/${pauseId}/cancel)`);
    if (pause.state === 'cancelled' || pause.state === 'joined')
      throw new AppError('conflict', `pause ${pauseId} is ${pause.state}${pause.schedule?.joinedPauseId ? ` into ${pause.schedule.joinedPauseId}` : ''}: it never suspended anything`);
    return pause;
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
    const resumable = (i: Item) => RESUMABLE_STATES.includes(i.state);
    if (pause.state === 'suspending') {
      if (ids) throw new AppError('conflict', `pause ${pause.id} is still suspending; resume single items once it is active`);
      return items.filter(resumable);
    }
    if (!ids) return items.filter(resumable);
    const known = new Set(items.map((i) => i.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError('unprocessable', `not items of pause ${pause.id}: ${unknown.join(', ')}`, { unknown });
    const wanted = new Set(ids);
    const chosen = items.filter((i) => wanted.has(i.id));
    const stuck = chosen.filter((i) => !resumable(i));
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
