import { createHash } from 'node:crypto';
import { canonicalJson } from '../../adapters/kit/fingerprint.js';
import { draft } from '../audit/audit-entry.js';
import type { ManualConnection, Severity } from '../config/schema.js';
import type { Connection } from '../connections/connections.js';
import type { RequestContext } from '../domain/actor.js';
import { AppError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { type Pause, type PauseState, type Schedule, type Scope, type Stamp, type Work } from '../domain/pause.js';
import { resolveScope, sameConnections } from '../policy/scope.js';
import { resolveSeverity } from '../policy/severity.js';
import type { IdempotencyRecord } from '../store/store.js';
import type { Engine } from './engine.js';
import { queueWork } from './pause-lifecycle.js';
import { withSuspendTasks } from './tasks.js';

export interface PauseInput {
  severity: number | string;
  reason: string;
  scope?: Scope | undefined;
  dryRun: boolean;
  /** a planned pause: it starts by itself then (ISO, checked by `checkPlanTimes`) */
  startsAt?: string | undefined;
  /** its resume is requested by itself then */
  endsAt?: string | undefined;
}

/** What a trigger led to; `workId` is the work it queued or joined (for `?wait=true`). */
export type PauseDecision =
  | { kind: 'created' | 'escalated'; pause: Pause; workId: string }
  /** stored as `planned`: nothing to wait for until its start */
  | { kind: 'planned'; pause: Pause; workId: null }
  | { kind: 'joined'; pause: Pause; workId: string | null }
  | { kind: 'replayed'; pause: Pause; status: number; workId: string | null };

export interface Resolved {
  severity: Severity;
  scope: Scope;
  connectionIds: string[];
  /** the manual connections the scope covers: tasks for people, no API */
  manualIds: string[];
}

/** Idempotency keys are remembered this long, like most payment APIs'. */
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

export function resolveRequest(severities: readonly Severity[], connections: readonly Connection[], manual: readonly ManualConnection[], input: PauseInput): Resolved {
  const severity = resolveSeverity(severities, input.severity);
  const scope = input.scope ?? {};
  // One namespace: a scope names (or tags) API and manual connections alike.
  const ids = resolveScope([...connections, ...manual], scope);
  const isManual = new Set(manual.map((m) => m.id));
  return { severity, scope, connectionIds: ids.filter((id) => !isManual.has(id)), manualIds: ids.filter((id) => isManual.has(id)) };
}

/**
 * Decides whether a trigger creates a pause, joins the pause in force on the same connections
 * (same or lower severity) or escalates it (higher), and honours the Idempotency-Key
 * (invariant 5). The pause and its pending work are stored in the write that accepts the request.
 */
export async function decidePause(
  engine: Engine,
  ctx: RequestContext,
  input: PauseInput,
  resolved: Resolved,
  idempotencyKey: string | undefined,
): Promise<PauseDecision> {
  const { severity, connectionIds, manualIds } = resolved;
  const now = engine.clock.now();
  const key = idempotencyKey && `${ctx.actor.id}:${idempotencyKey}`;
  const times = { ...(input.startsAt && { startsAt: input.startsAt }), ...(input.endsAt && { endsAt: input.endsAt }) };
  const requestHash = `sha256:${createHash('sha256').update(canonicalJson({ severity: severity.level, reason: input.reason, connectionIds, manualIds, ...times })).digest('hex')}`;
  if (key) {
    const previous = await engine.store.getIdempotency(key);
    if (previous && now.getTime() - Date.parse(previous.createdAt) < IDEMPOTENCY_TTL_MS) {
      if (previous.requestHash !== requestHash) throw new AppError('unprocessable', 'this Idempotency-Key was already used with a different request');
      const pause = (await engine.store.getPause(previous.pauseId))!;
      return { kind: 'replayed', pause, status: previous.status, workId: pause.work.at(-1)?.id ?? null };
    }
  }
  const record = (pauseId: string, status: number): IdempotencyRecord | undefined =>
    key ? { key, requestHash, pauseId, status, createdAt: now.toISOString() } : undefined;
  const stamp: Stamp = { at: now.toISOString(), ...ctx };

  const schedule: Schedule | null = input.startsAt || input.endsAt ? newSchedule(input.startsAt ?? null, input.endsAt ?? null) : null;
  // A planned pause holds nothing until its start: it never joins, nor blocks, the pause in force.
  if (input.startsAt) {
    const planned = newPause(input, resolved, stamp, 'planned', [], schedule);
    const audit = [draft(ctx, now, { action: 'pause.planned', pauseId: planned.id, data: { severity: severity.level, reason: input.reason, connectionIds, manualIds, kinds: planned.kinds, ...times } })];
    const idempotency = record(planned.id, 201);
    await engine.store.openPause(planned, { audit, ...(idempotency && { idempotency }) });
    return { kind: 'planned', pause: planned, workId: null };
  }

  const covering = (await engine.store.pausesInForce()).find((p) => sameConnections(p.connectionIds, connectionIds) && sameConnections(p.manualIds, manualIds));
  if (covering) return joinOrEscalate(engine, covering.id, input, resolved, stamp, record);

  const work: Work = { kind: 'suspend', id: newId('wrk'), kinds: [...severity.kinds], requested: stamp, startedAt: null };
  const fresh = newPause(input, resolved, stamp, 'suspending', [work], schedule);
  // Tasks for people on manual connections are opened in the same write as the pause.
  const { pause, audit: tasksOpened } = withSuspendTasks(engine.manual, fresh, fresh.kinds, ctx, now);
  const idempotency = record(pause.id, 202);
  const opened = await engine.store.openPause(pause, {
    audit: [
      draft(ctx, now, { action: 'pause.requested', pauseId: pause.id, data: { severity: severity.level, reason: input.reason, connectionIds, manualIds, kinds: pause.kinds, ...times } }),
      ...tasksOpened,
    ],
    ...(idempotency && { idempotency }),
  });
  // Another request opened a pause on the same connections a moment ago: this one joins it.
  if (opened.kind === 'covered') return joinOrEscalate(engine, opened.pause.id, input, resolved, stamp, record);
  return { kind: 'created', pause, workId: work.id };
}

/** A new pause as a request (or a plan) makes it: its pending work decides its state. */
function newPause(input: PauseInput, { severity, scope, connectionIds, manualIds }: Resolved, stamp: Stamp, state: PauseState, work: Work[], schedule: Schedule | null): Pause {
  return {
    id: newId('pau'),
    severity: severity.level,
    severityName: severity.name,
    kinds: [...severity.kinds],
    reason: input.reason,
    scope,
    connectionIds,
    state,
    actor: stamp.actor,
    source: stamp.source,
    requestId: stamp.requestId,
    createdAt: stamp.at,
    updatedAt: stamp.at,
    activeAt: null,
    resumedAt: null,
    escalations: [],
    listings: [],
    resume: null,
    work,
    manualIds,
    tasks: [],
    approval: null,
    stepsDone: [],
    schedule,
  };
}

const newSchedule = (startsAt: string | null, endsAt: string | null): Schedule => ({ startsAt, endsAt, startedAt: null, endRequestedAt: null, cancelled: null, joinedPauseId: null });

/**
 * The pause in force on the same connections takes the trigger: a same or lower severity joins
 * it, a higher one escalates it. A planned end (`endsAt`) is not applied to it — it is someone
 * else's pause — and the audit says so.
 */
export async function joinOrEscalate(
  engine: Engine,
  pauseId: string,
  input: Pick<PauseInput, 'reason' | 'endsAt'>,
  { severity }: Resolved,
  stamp: Stamp,
  record: (pauseId: string, status: number) => IdempotencyRecord | undefined,
): Promise<PauseDecision> {
  const now = new Date(stamp.at);
  const ctx = { actor: stamp.actor, source: stamp.source, requestId: stamp.requestId };
  const idempotency = record(pauseId, 200);
  let escalated: Work | null = null;
  const unapplied: Record<string, string> = input.endsAt ? { endsAtNotApplied: input.endsAt } : {};
  // Decided inside the store's atomic change: two triggers at once cannot both escalate.
  const pause = await engine.store.changePause(pauseId, (p) => {
    if (severity.level <= p.severity) {
      return { audit: [draft(ctx, now, { action: 'pause.joined', pauseId, data: { severity: severity.level, reason: input.reason, ...unapplied } })], ...(idempotency && { idempotency }) };
    }
    const added = severity.kinds.filter((k) => !p.kinds.includes(k));
    escalated = { kind: 'escalate', id: newId('wrk'), kinds: added, from: p.severity, to: severity.level, requested: stamp, startedAt: null };
    const raised = withSuspendTasks(
      engine.manual,
      {
        ...p,
        severity: severity.level,
        severityName: severity.name,
        kinds: [...new Set([...p.kinds, ...severity.kinds])],
        escalations: [...p.escalations, { from: p.severity, to: severity.level, ...stamp }],
      },
      added,
      ctx,
      now,
    );
    return {
      // The escalation's listing is pending work: the pause reads `suspending` until it is done.
      pause: queueWork(raised.pause, escalated, now),
      audit: [draft(ctx, now, { action: 'pause.escalated', pauseId, data: { from: p.severity, to: severity.level, addedKinds: added, reason: input.reason, ...unapplied } }), ...raised.audit],
      ...(idempotency && { idempotency }),
    };
  });
  const work = escalated as Work | null;
  if (work) return { kind: 'escalated', pause, workId: work.id };
  return { kind: 'joined', pause, workId: pause.work.at(-1)?.id ?? null };
}
