import { draft } from '../audit/audit-entry.js';
import { SYSTEM_ACTOR, type RequestContext } from '../domain/actor.js';
import type { Delivery } from '../domain/delivery.js';
import { newId } from '../domain/ids.js';
import type { DeliveryChange } from '../store/store.js';
import type { SendOutcome } from './send.js';

/**
 * What one attempt makes of a delivery: delivered; or pending again after a wait that doubles
 * each time; or, its attempts spent, failed — audited, so a message people never got is on the
 * record. Null when the delivery is no longer pending (another notifier recorded it first).
 */
export function afterAttempt(current: Delivery, outcome: SendOutcome, now: Date, backoffMs: number): DeliveryChange | null {
  if (current.state !== 'pending') return null;
  const attempts = current.attempts + 1;
  const at = now.toISOString();
  if (outcome.ok) return { delivery: { ...current, state: 'delivered', attempts, nextAttemptAt: null, deliveredAt: at }, audit: [] };
  if (attempts < current.maxAttempts) {
    const next = new Date(now.getTime() + backoffMs * 2 ** (attempts - 1)).toISOString();
    return { delivery: { ...current, attempts, nextAttemptAt: next, lastError: outcome.error }, audit: [] };
  }
  const ctx: RequestContext = { actor: SYSTEM_ACTOR, source: 'system', requestId: newId('req') };
  return {
    delivery: { ...current, state: 'failed', attempts, nextAttemptAt: null, lastError: outcome.error },
    audit: [draft(ctx, now, { action: 'notification.failed', pauseId: current.pauseId, data: { deliveryId: current.id, target: current.target, event: current.event, attempts, error: outcome.error } })],
  };
}

/** A person asks for a failed delivery again: as many attempts again as config gives, from now. */
export function retried(current: Delivery, attempts: number, ctx: RequestContext, now: Date): DeliveryChange | null {
  if (current.state !== 'failed') return null;
  return {
    delivery: { ...current, state: 'pending', maxAttempts: current.attempts + attempts, nextAttemptAt: now.toISOString() },
    audit: [draft(ctx, now, { action: 'notification.retry-requested', pauseId: current.pauseId, data: { deliveryId: current.id, target: current.target, event: current.event } })],
  };
}
