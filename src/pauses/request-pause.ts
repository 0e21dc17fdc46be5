import { createHash } from 'node:crypto';
import { canonicalJson } from '../../adapters/shared/fingerprint.js';
import type { Severity } from '../config/schema.js';
import type { Connection } from '../connections/connections.js';
import type { RequestContext } from '../domain/actor.js';
import { AppError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { COVERING_STATES, inForce, type Pause, type Scope } from '../domain/pause.js';
import { resolveScope, sameConnections } from '../policy/scope.js';
import { resolveSeverity } from '../policy/severity.js';
import type { Engine } from './engine.js';
import { itemView } from './pause-view.js';
import { plan, planTargets } from './plan.js';

export interface PauseInput {
  severity: number | string;
  reason: string;
  scope?: Scope | undefined;
  dryRun: boolean;
}

/** What a trigger led to. */
export type PauseDecision =
  | { kind: 'created' | 'escalated'; pause: Pause; addedKinds: Pause['kinds'] }
  | { kind: 'joined'; pause: Pause }
  | { kind: 'replayed'; pause: Pause; status: number };

export interface Resolved {
  severity: Severity;
  scope: Scope;
  connectionIds: string[];
}

export function resolveRequest(severities: readonly Severity[], connections: readonly Connection[], input: PauseInput): Resolved {
  const severity = resolveSeverity(severities, input.severity);
  const scope = input.scope ?? {};
  return { severity, scope, connectionIds: resolveScope(connections, scope) };
}

/**
 * Decides, under the exclusive claim lock, whether a trigger creates a pause, joins the active
 * pause of the same scope (same or lower severity) or escalates it (higher severity), and
 * honours the Idempotency-Key (invariant 5). The caller queues the suspension work.
 */
export async function decidePause(
  engine: Engine,
  ctx: RequestContext,
  input: PauseInput,
  resolved: Resolved,
  idempotencyKey: string | undefined,
): Promise<PauseDecision> {
  const { severity, connectionIds } = resolved;
  const key = idempotencyKey && `${ctx.actor.id}:${idempotencyKey}`;
  const requestHash = `sha256:${createHash('sha256').update(canonicalJson({ severity: severity.level, reason: input.reason, connectionIds })).digest('hex')}`;
  if (key) {
    const previous = await engine.store.getIdempotency(key);
    if (previous) {
      if (previous.requestHash !== requestHash)
        throw new AppError('unprocessable', 'this Idempotency-Key was already used with a different request');
      return { kind: 'replayed', pause: (await engine.store.getPause(previous.pauseId))!, status: previous.status };
    }
  }
  const decision = await decide(engine, ctx, input, resolved);
  if (key)
    await engine.store.putIdempotency({
      key,
      requestHash,
      pauseId: decision.pause.id,
      status: decision.kind === 'created' ? 202 : 200,
      createdAt: engine.clock.now().toISOString(),
    });
  return decision;
}

async function decide(engine: Engine, ctx: RequestContext, input: PauseInput, resolved: Resolved): Promise<PauseDecision> {
  const { severity, scope, connectionIds } = resolved;
  const now = engine.clock.now().toISOString();
  const active = (await engine.store.pausesInStates(COVERING_STATES)).find((p) => inForce(p) && sameConnections(p.connectionIds, connectionIds));
  if (active && severity.level <= active.severity) {
    await engine.audit.record(ctx, [{ action: 'pause.joined', pauseId: active.id, data: { severity: severity.level, reason: input.reason } }]);
    return { kind: 'joined', pause: active };
  }
  if (active) {
    const addedKinds = severity.kinds.filter((k) => !active.kinds.includes(k));
    const pause = await engine.store.updatePause(active.id, (p) => ({
      ...p,
      severity: severity.level,
      severityName: severity.name,
      kinds: [...new Set([...p.kinds, ...severity.kinds])],
      escalations: [...p.escalations, { from: p.severity, to: severity.level, at: now, ...ctx }],
      updatedAt: now,
    }));
    await engine.audit.record(ctx, [
      { action: 'pause.escalated', pauseId: pause.id, data: { from: active.severity, to: severity.level, addedKinds, reason: input.reason } },
    ]);
    return { kind: 'escalated', pause, addedKinds };
  }
  const pause: Pause = {
    id: newId('pau'),
    severity: severity.level,
    severityName: severity.name,
    kinds: [...severity.kinds],
    reason: input.reason,
    scope,
    connectionIds,
    state: 'planning',
    ...ctx,
    createdAt: now,
    updatedAt: now,
    activeAt: null,
    resumedAt: null,
    escalations: [],
    listings: [],
    resume: null,
  };
  await engine.store.insertPause(pause);
  await engine.audit.record(ctx, [
    { action: 'pause.requested', pauseId: pause.id, data: { severity: severity.level, reason: input.reason, connectionIds, kinds: pause.kinds } },
  ]);
  return { kind: 'created', pause, addedKinds: pause.kinds };
}

/** A dry run: what a pause would suspend now, changing nothing. */
export async function previewPause(engine: Engine, resolved: Resolved) {
  const { severity, connectionIds } = resolved;
  const result = await plan(engine, { id: 'dry-run' }, planTargets(engine, connectionIds, severity.kinds));
  return {
    dryRun: true as const,
    severity: severity.level,
    severityName: severity.name,
    kinds: severity.kinds,
    connectionIds,
    listings: result.listings,
    total: result.items.length,
    items: result.items.map((i) => {
      const { id: _id, pauseId: _pauseId, ...rest } = itemView(i);
      return rest;
    }),
  };
}
