import { SYSTEM_ACTOR } from '../domain/actor.js';
import type { Item } from '../domain/item.js';
import type { MissedPolicy, Pause } from '../domain/pause.js';
import { usableConnection, type Engine } from './engine.js';
import { inBatches, perConnection } from './fan-out.js';
import { coveringPause } from './handover.js';
import { decideTime } from './missed-policy.js';
import { absent, refOf } from './observation.js';
import { judge, mustLook } from './restore.js';
import { retryCall } from './with-retries.js';

export interface ResumeStep {
  itemId: string;
  connectionId: string;
  kind: Item['kind'];
  externalId: string;
  title: string;
  /** restore: put back; hold: missed, stays suspended; hand-over: another pause covers it; leave: drifted or gone; skip: never suspended; already-back: nothing to do; unknown: the platform could not be asked */
  action: 'restore' | 'hold' | 'hand-over' | 'leave' | 'skip' | 'already-back' | 'unknown';
  scheduledAt?: string | null;
  reason?: string;
}

/** A dry run of a resume: asks the platforms, changes nothing. */
export async function previewResume(engine: Engine, pause: Pause, items: readonly Item[], policy: MissedPolicy): Promise<ResumeStep[]> {
  const steps: ResumeStep[] = [];
  await perConnection(items, (connectionId, list) => inBatches(engine, connectionId, 'inspect', list, async (batch) => {
    const step = (item: Item, action: ResumeStep['action'], extra: Partial<ResumeStep> = {}): void => {
      steps.push({ itemId: item.id, connectionId, kind: item.kind, externalId: item.externalId, title: item.title, action, ...extra });
    };
    const rest: Item[] = [];
    for (const item of batch) {
      const to = item.state === 'suspended' ? await coveringPause(engine, item) : undefined;
      if (to) step(item, 'hand-over', { reason: `pause ${to.id} covers it` });
      else rest.push(item);
    }
    const usable = usableConnection(engine, connectionId);
    if (usable.error) return rest.forEach((item) => step(item, 'unknown', { reason: usable.error.message }));
    const look = rest.filter(mustLook);
    const seen = await (look.length > 0 ? retryCall(() => usable.client.inspect(look.map(refOf)), engine.retry, { idempotent: true }) : Promise.resolve([])).catch((error: Error) => {
      rest.forEach((item) => step(item, 'unknown', { reason: error.message }));
      return null;
    });
    if (!seen) return;
    const now = engine.clock.now();
    for (const item of rest) {
      const observation = mustLook(item) ? seen.find((o) => o.externalId === item.externalId) : absent(item.externalId);
      if (!observation) {
        step(item, 'unknown', { reason: 'the platform did not describe it' });
        continue;
      }
      const verdict = judge(item, observation);
      if (verdict.kind === 'transition') {
        const next = verdict.make({ ctx: SYSTEM_CONTEXT, now }).item;
        const action = next.state === 'restored' ? 'already-back' : next.state === 'skipped' ? 'skip' : 'leave';
        step(item, action, { reason: next.note ?? '' });
        continue;
      }
      const time = decideTime(item, usable.connection.adapter, policy, { now, pausedAt: new Date(pause.createdAt) });
      if ('hold' in time) step(item, 'hold', { reason: `its time ${item.scheduledAt} has passed` });
      else step(item, 'restore', { scheduledAt: time.restoreAt });
    }
  }));
  return steps;
}

// A dry run audits nothing: the transitions it imagines are never recorded.
const SYSTEM_CONTEXT = { actor: SYSTEM_ACTOR, source: 'system', requestId: 'dry-run' };
