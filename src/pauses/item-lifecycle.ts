// The item state machine: every change of an item's state is made here, checked against the
// transition table, and carries its audit entry (invariant 7).
import type { JsonObject } from '../../adapters/types.js';
import type { AuditAction } from '../audit/audit-actions.js';
import { draft } from '../audit/audit-entry.js';
import type { RequestContext } from '../domain/actor.js';
import type { Item, ItemError, ItemState } from '../domain/item.js';
import type { ItemTransition } from '../store/store.js';

/**
 * From each state, the states an item may move to:
 * planned → suspended → restored is the main road; failed is retryable from where it failed;
 * missed and kept wait for a person; drifted, skipped, handed-over and restored are final.
 * Staying in a state (failing again, waiting with a note) is allowed in every state but a final one.
 */
export const ITEM_TRANSITIONS: Readonly<Record<ItemState, readonly ItemState[]>> = {
  // a planned item may also be judged at resume if its suspension never finished
  planned: ['suspended', 'failed', 'skipped', 'restored', 'drifted', 'missed', 'handed-over'],
  suspended: ['restored', 'failed', 'drifted', 'missed', 'kept', 'handed-over'],
  failed: ['suspended', 'skipped', 'restored', 'drifted', 'missed', 'handed-over'],
  missed: ['restored', 'failed', 'drifted', 'kept', 'handed-over'],
  kept: ['restored', 'failed', 'drifted', 'handed-over'],
  drifted: [],
  'handed-over': [],
  restored: [],
  skipped: [],
};

/** States in which the item is still to be put back, for a person or a job. */
export const RESUMABLE_STATES: readonly ItemState[] = ['suspended', 'failed', 'planned'];

export class IllegalTransition extends Error {
  constructor(item: Item, to: ItemState) {
    super(`item ${item.id} cannot go from ${item.state} to ${to}`);
    this.name = 'IllegalTransition';
  }
}

/** Who acts and when: every transition records both. */
export interface Moment {
  ctx: RequestContext;
  now: Date;
}

type Patch = Partial<Omit<Item, 'id' | 'pauseId' | 'state' | 'seq'>>;

function move(item: Item, state: ItemState, at: Moment, patch: Patch, action: AuditAction, data: JsonObject = {}): ItemTransition {
  const allowed = ITEM_TRANSITIONS[item.state];
  if (state === item.state ? allowed.length === 0 : !allowed.includes(state)) throw new IllegalTransition(item, state);
  const next: Item = { ...item, waitingUntil: null, ...patch, state, updatedAt: at.now.toISOString() };
  return {
    from: item.state,
    item: next,
    audit: draft(at.ctx, at.now, {
      action,
      pauseId: next.pauseId,
      itemId: next.id,
      connectionId: next.connectionId,
      data: { externalId: next.externalId, kind: next.kind, from: item.state, to: state, ...data },
    }),
  };
}

export const suspended = (item: Item, status: string, at: Moment, note: string | null = null): ItemTransition =>
  move(
    item,
    'suspended',
    at,
    { suspendedStatus: status, suspendedAt: at.now.toISOString(), failedDuring: null, lastError: null, note, attempts: item.attempts + 1 },
    'item.suspended',
    { status, ...(note && { note }) },
  );

export const failed = (item: Item, error: Omit<ItemError, 'at'>, during: 'suspend' | 'restore', at: Moment): ItemTransition =>
  move(
    item,
    'failed',
    at,
    { failedDuring: during, lastError: { ...error, at: at.now.toISOString() }, attempts: item.attempts + 1 },
    during === 'suspend' ? 'item.suspend-failed' : 'item.restore-failed',
    { code: error.code, message: error.message, retryable: error.retryable, ambiguous: error.ambiguous },
  );

/** A platform's limit holds the item back: it says what it waits for and until when. */
export const waiting = (item: Item, reason: string, until: Date, at: Moment): ItemTransition =>
  move(item, item.state, at, { note: `waiting for ${reason}`, waitingUntil: until.toISOString() }, 'item.waiting', {
    reason,
    until: until.toISOString(),
  });

export const restored = (
  item: Item,
  result: { status: string; newExternalId?: string; scheduledAt: string | null; note?: string },
  at: Moment,
): ItemTransition =>
  move(
    item,
    'restored',
    at,
    {
      restoredAt: at.now.toISOString(),
      restoredScheduledAt: result.scheduledAt,
      newExternalId: result.newExternalId ?? item.newExternalId,
      failedDuring: null,
      lastError: null,
      note: result.note ?? null,
      attempts: item.attempts + 1,
    },
    'item.restored',
    {
      status: result.status,
      scheduledAt: result.scheduledAt,
      ...(result.newExternalId && { newExternalId: result.newExternalId }),
      ...(result.note && { note: result.note }),
    },
  );

export const drifted = (item: Item, reason: string, observed: JsonObject, at: Moment): ItemTransition =>
  move(item, 'drifted', at, { note: reason }, 'item.drifted', { reason, observed });

export const missed = (item: Item, at: Moment): ItemTransition =>
  move(item, 'missed', at, { note: `its time ${item.scheduledAt} passed while suspended` }, 'item.missed', { scheduledAt: item.scheduledAt });

export const skipped = (item: Item, reason: string, at: Moment): ItemTransition =>
  move(item, 'skipped', at, { note: reason }, 'item.skipped', { reason });

export const kept = (item: Item, at: Moment): ItemTransition => move(item, 'kept', at, {}, 'item.kept');

export const handedOver = (item: Item, toPauseId: string, at: Moment): ItemTransition =>
  move(item, 'handed-over', at, { handedOverTo: toPauseId }, 'item.handed-over', { to: toPauseId });
