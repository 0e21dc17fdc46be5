// Each change of an item's state, as a new item value plus its audit record (invariant 7).
import type { AuditRecord } from '../audit/audit-entry.js';
import type { Item, ItemError, ItemState } from '../domain/item.js';
import type { JsonObject } from '../../adapters/types.js';

export interface Transition {
  item: Item;
  audit: AuditRecord;
}

type Patch = Partial<Omit<Item, 'id' | 'pauseId' | 'state'>>;

function to(item: Item, state: ItemState, now: Date, patch: Patch, action: string, data: JsonObject = {}): Transition {
  const next: Item = { ...item, ...patch, state, updatedAt: now.toISOString() };
  return {
    item: next,
    audit: {
      action,
      pauseId: next.pauseId,
      itemId: next.id,
      connectionId: next.connectionId,
      data: { externalId: next.externalId, kind: next.kind, from: item.state, to: state, ...data },
    },
  };
}

export const suspended = (item: Item, status: string, now: Date, note: string | null = null): Transition =>
  to(
    item,
    'suspended',
    now,
    { suspendedStatus: status, suspendedAt: now.toISOString(), failedDuring: null, lastError: null, note, attempts: item.attempts + 1 },
    'item.suspended',
    { status, ...(note && { note }) },
  );

export const failed = (item: Item, error: Omit<ItemError, 'at'>, during: 'suspend' | 'restore', now: Date): Transition =>
  to(
    item,
    'failed',
    now,
    { failedDuring: during, lastError: { ...error, at: now.toISOString() }, attempts: item.attempts + 1 },
    `item.${during}-failed`,
    { code: error.code, message: error.message, retryable: error.retryable, ambiguous: error.ambiguous },
  );

export const restored = (
  item: Item,
  result: { status: string; newExternalId?: string; scheduledAt: string | null; note?: string },
  now: Date,
): Transition =>
  to(
    item,
    'restored',
    now,
    {
      restoredAt: now.toISOString(),
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

export const drifted = (item: Item, reason: string, now: Date, observed: JsonObject): Transition =>
  to(item, 'drifted', now, { note: reason }, 'item.drifted', { reason, observed });

export const missed = (item: Item, now: Date): Transition =>
  to(item, 'missed', now, { note: `its time ${item.scheduledAt} passed while suspended` }, 'item.missed', {
    scheduledAt: item.scheduledAt,
  });

export const skipped = (item: Item, reason: string, now: Date): Transition =>
  to(item, 'skipped', now, { note: reason }, 'item.skipped', { reason });

export const kept = (item: Item, now: Date): Transition => to(item, 'kept', now, {}, 'item.kept');

export const handedOver = (item: Item, toPauseId: string, now: Date): Transition =>
  to(item, 'handed-over', now, { handedOverTo: toPauseId }, 'item.handed-over', { to: toPauseId });
