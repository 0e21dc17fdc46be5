// Planned pauses (issue 8, part 6): a silence known in advance starts by itself at `startsAt`
// and asks for its resume at `endsAt`. Each step is decided inside one store write from the
// stored plan, so two schedulers, a restart or a step run twice never start or end it twice.
import { draft } from '../audit/audit-entry.js';
import { SYSTEM_ACTOR, type RequestContext } from '../domain/actor.js';
import { AppError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { nextStepAt, type MissedPolicy, type Pause, type Schedule, type Stamp, type Work } from '../domain/pause.js';
import type { PauseChange } from '../store/store.js';
import type { Engine } from './engine.js';
import { closePlan, queueWork } from './pause-lifecycle.js';
import { joinOrEscalate } from './request-pause.js';
import { approvalChange, resumeChange, wholeResumeAsked } from './resume-request.js';
import { withSuspendTasks } from './tasks.js';

/** How far ahead a pause can be planned: past that, a plan is more likely a typo than a date. */
export const MAX_PLAN_AHEAD_MS = 366 * 24 * 3600_000;

/** Checks a request's times against now: 422, so a bad plan changes nothing. */
export function checkPlanTimes(input: { startsAt?: string | undefined; endsAt?: string | undefined }, now: Date): void {
  const start = input.startsAt ? Date.parse(input.startsAt) : now.getTime();
  const latest = now.getTime() + MAX_PLAN_AHEAD_MS;
  if (input.startsAt && start <= now.getTime()) throw new AppError('unprocessable', `startsAt must be in the future (now is ${now.toISOString()}); leave it out to pause now`);
  if (start > latest) throw new AppError('unprocessable', `startsAt must be at most a year ahead (${new Date(latest).toISOString()})`);
  if (!input.endsAt) return;
  const end = Date.parse(input.endsAt);
  if (end <= start) throw new AppError('unprocessable', input.startsAt ? 'endsAt must be after startsAt' : `endsAt must be in the future (now is ${now.toISOString()})`);
  if (end > start + MAX_PLAN_AHEAD_MS) throw new AppError('unprocessable', 'endsAt must be at most a year after the start');
}

/**
 * The one who planned it, as the actor of what the service does for them at its time: the same
 * key (so the two-person rule counts them as the requester), named "(planned)".
 */
export function plannerContext(pause: Pause): RequestContext {
  return { actor: { ...pause.actor, name: `${pause.actor.name} (planned)` }, source: 'schedule', requestId: newId('req') };
}

/** Whether the plan's next step is due at `now`. */
export function due(pause: Pause, now: Date): boolean {
  const at = nextStepAt(pause);
  return at !== null && Date.parse(at) <= now.getTime();
}

const stampOf = (ctx: RequestContext, now: Date): Stamp => ({ at: now.toISOString(), ...ctx });
const withSchedule = (p: Pause, change: Partial<Schedule>): Pause => ({ ...p, schedule: { ...p.schedule!, ...change } });

/** A person cancels a planned pause before its start: nothing was or will be suspended. */
export async function cancelPlanned(engine: Engine, pauseId: string, reason: string | null, ctx: RequestContext): Promise<Pause> {
  const now = engine.clock.now();
  return engine.store.changePause(pauseId, (p) => {
    if (p.state !== 'planned') throw new AppError('conflict', `pause ${pauseId} is ${p.state}: only a planned pause can be cancelled, before it starts (resume it instead)`);
    return cancelled(p, stampOf(ctx, now), { reason });
  });
}

function cancelled(p: Pause, stamp: Stamp, data: Record<string, string | null>): PauseChange {
  const now = new Date(stamp.at);
  const ctx = { actor: stamp.actor, source: stamp.source, requestId: stamp.requestId };
  return {
    pause: closePlan(withSchedule(p, { cancelled: stamp }), 'cancelled', now),
    audit: [draft(ctx, now, { action: 'pause.plan-cancelled', pauseId: p.id, data: { startsAt: p.schedule!.startsAt, ...data } })],
  };
}

/**
 * Starts a due planned pause the way a request made now would: its own pause with its suspend
 * work, or — when a pause in force already covers the same connections — joining or escalating
 * that one (its planned end is then not applied: that pause is someone else's). A plan whose
 * whole window passed while the service was down is cancelled instead: suspending what must
 * come back at once would only churn the platforms. Answers the pause and work to carry out.
 */
export async function startPlanned(engine: Engine, pauseId: string): Promise<{ pauseId: string; workId: string | null } | null> {
  const pause = await engine.store.getPause(pauseId);
  const now = engine.clock.now();
  if (pause?.state !== 'planned' || !due(pause, now)) return null;
  const ctx = plannerContext(pause);
  const stamp = stampOf(ctx, now);
  if (pause.schedule!.endsAt && Date.parse(pause.schedule!.endsAt) <= now.getTime()) {
    const system = { ...stamp, actor: SYSTEM_ACTOR, source: 'system' };
    await engine.store.changePause(pauseId, (p) => (p.state === 'planned' ? cancelled(p, system, { reason: 'its whole window passed while the service was down', endsAt: p.schedule!.endsAt }) : null));
    return null;
  }
  const work: Work = { kind: 'suspend', id: newId('wrk'), kinds: [...pause.kinds], requested: stamp, startedAt: null };
  const started = await engine.store.startPause(pauseId, (p) => {
    if (p.state !== 'planned') return null;
    const opened = withSuspendTasks(engine.manual, queueWork(withSchedule(p, { startedAt: stamp.at }), work, now), p.kinds, ctx, now);
    const data = { severity: p.severity, kinds: p.kinds, connectionIds: p.connectionIds, manualIds: p.manualIds, startsAt: p.schedule!.startsAt, endsAt: p.schedule!.endsAt };
    return { pause: opened.pause, audit: [draft(ctx, now, { action: 'pause.plan-started', pauseId, data: { ...data, outcome: 'created' } }), ...opened.audit] };
  });
  if (started.kind === 'opened') return { pauseId, workId: work.id };
  if (started.kind === 'unchanged') return null;
  // Joined first, then marked: a crash in between joins again on the next start, which is a no-op.
  const severity = { level: pause.severity, name: pause.severityName, kinds: pause.kinds };
  const resolved = { severity, scope: pause.scope, connectionIds: pause.connectionIds, manualIds: pause.manualIds };
  const joined = await joinOrEscalate(engine, started.pause.id, { reason: pause.reason, endsAt: pause.schedule!.endsAt ?? undefined }, resolved, stamp, () => undefined);
  await engine.store.changePause(pauseId, (p) => {
    if (p.state !== 'planned') return null;
    const data = { outcome: joined.kind, joinedPauseId: joined.pause.id, startsAt: p.schedule!.startsAt, endsAtNotApplied: p.schedule!.endsAt };
    return {
      pause: closePlan(withSchedule(p, { startedAt: stamp.at, joinedPauseId: joined.pause.id }), 'joined', now),
      audit: [draft(ctx, now, { action: 'pause.plan-started', pauseId, data })],
    };
  });
  return { pauseId: joined.pause.id, workId: joined.workId };
}

/**
 * At `endsAt`, asks for the pause's whole resume as its planner would: below `approvalFrom` it is
 * carried out; at or above, it awaits another lead's approval, the planner as the one who asked.
 * Marked in the same write, so it is asked once; a resume already asked for is left as it is.
 */
export async function endPlanned(engine: Engine, pauseId: string, approvalFrom: number | null, missed: MissedPolicy): Promise<boolean> {
  const pause = await engine.store.getPause(pauseId);
  const now = engine.clock.now();
  if (!pause || pause.state === 'planned' || !due(pause, now)) return false;
  const ctx = plannerContext(pause);
  const stamp = stampOf(ctx, now);
  let queued = false;
  await engine.store.changePause(pauseId, (p) => {
    if (p.schedule?.endRequestedAt !== null || wholeResumeAsked(p)) return null;
    const marked = withSchedule(p, { endRequestedAt: stamp.at });
    const ended = (outcome: string) => draft(ctx, now, { action: 'pause.plan-ended', pauseId, data: { endsAt: p.schedule!.endsAt, outcome } });
    if (p.approval) return { pause: marked, audit: [ended('a resume already awaits approval')] };
    if (approvalFrom !== null && p.severity >= approvalFrom) {
      const asked = approvalChange(marked, null, missed, stamp);
      return { pause: asked.pause, audit: [ended('awaiting-approval'), ...asked.audit] };
    }
    queued = true;
    const work: Work = { kind: 'resume', id: newId('wrk'), itemIds: null, missed, requested: stamp, startedAt: null };
    const resumed = resumeChange(engine.manual, marked, work, stamp);
    return { pause: resumed.pause, audit: [ended('resume-requested'), ...resumed.audit] };
  });
  return queued;
}
