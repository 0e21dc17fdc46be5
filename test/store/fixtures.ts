// Plain pauses, items and API keys for the store suites, valid against the stored schemas.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AuditAction } from '../../src/audit/audit-actions.js';
import type { AuditDraft } from '../../src/audit/audit-entry.js';
import type { ApiKey } from '../../src/auth/api-key.js';
import { SYSTEM_ACTOR } from '../../src/domain/actor.js';
import type { Delivery } from '../../src/domain/delivery.js';
import type { Item } from '../../src/domain/item.js';
import type { Pause } from '../../src/domain/pause.js';

export const AT = '2026-11-21T09:00:00.000Z';

export const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'crisis-pause-store-'));

export function pauseFixture(id: string, overrides: Partial<Pause> = {}): Pause {
  return {
    id,
    severity: 1,
    severityName: 'watch',
    kinds: ['post'],
    reason: 'test',
    scope: {},
    connectionIds: ['hootsuite-acme'],
    state: 'active',
    actor: SYSTEM_ACTOR,
    source: 'system',
    requestId: 'req_test',
    createdAt: AT,
    updatedAt: AT,
    activeAt: AT,
    resumedAt: null,
    escalations: [],
    listings: [],
    resume: null,
    work: [],
    manualIds: [],
    tasks: [],
    approval: null,
    stepsDone: [],
    schedule: null,
    ...overrides,
  };
}

/** An item as a job hands it to `claimItems` (the store gives it its `seq`). */
export function itemFixture(id: string, pauseId: string, overrides: Partial<Omit<Item, 'seq'>> = {}): Omit<Item, 'seq'> {
  return {
    id,
    pauseId,
    connectionId: 'hootsuite-acme',
    platform: 'hootsuite',
    kind: 'post',
    method: 'delete',
    objectType: 'message',
    externalId: `ext-${id}`,
    title: `item ${id}`,
    state: 'suspended',
    originalStatus: 'SCHEDULED',
    scheduledAt: '2026-11-22T10:00:00.000Z',
    fingerprint: 'sha256:0',
    snapshot: { text: `text of ${id}`, media: [] },
    suspendedStatus: null,
    suspendedAt: AT,
    restoredAt: null,
    restoredScheduledAt: null,
    newExternalId: null,
    attempts: 1,
    failedDuring: null,
    lastError: null,
    note: null,
    waitingUntil: null,
    handedOverTo: null,
    handedOverFrom: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export const apiKeyFixture = (id: string): ApiKey => ({ id, name: 'test key', role: 'admin', hash: `sha256:${id}`, createdAt: AT, revokedAt: null });

export const CTX = { actor: SYSTEM_ACTOR, source: 'system', requestId: 'req_test' } as const;

/** An audit draft of `action`, about a pause or an item. */
export const auditDraft = (action: AuditAction, about: { pauseId?: string; itemId?: string } = {}, at = AT): AuditDraft => ({
  action,
  ...about,
  ...CTX,
  at,
});

/** A delivery as the notifier queues it (the store gives it its `seq`). */
export const deliveryFixture = (id: string, overrides: Partial<Omit<Delivery, 'seq'>> = {}): Omit<Delivery, 'seq'> => ({
  id,
  event: 'pause.created',
  target: 'slack',
  pauseId: 'pau_a',
  payload: { text: `message ${id}` },
  state: 'pending',
  attempts: 0,
  maxAttempts: 3,
  nextAttemptAt: AT,
  lastError: null,
  createdAt: AT,
  deliveredAt: null,
  ...overrides,
});
