// Which audit entries people are told about, and how: the notifier turns durable entries into
// notices, so nothing is notified that did not happen, and nothing that happened is missed.
import type { JsonObject } from '../../adapters/types.js';
import type { AuditAction } from '../audit/audit-actions.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import type { NotifyEvent } from '../domain/delivery.js';

/** One thing to tell people about: what, about which pause, when, by whom, with its details. */
export interface Notice {
  event: NotifyEvent;
  pauseId: string | null;
  at: string;
  actor: string;
  source: string;
  detail: JsonObject;
}

const ONE_BY_ONE: Partial<Record<AuditAction, NotifyEvent>> = {
  'pause.requested': 'pause.created',
  'pause.active': 'pause.active',
  'pause.escalated': 'pause.escalated',
  'pause.resume-requested': 'resume.requested',
  'pause.resume-approval-requested': 'resume.approval-requested',
  'pause.resume-approved': 'resume.approved',
  'pause.resumed': 'pause.resumed',
};

/** Failures come item by item, hundreds at once: told as one notice per pause per batch of entries. */
const FAILURES = new Set<AuditAction>(['item.suspend-failed', 'item.restore-failed', 'connection.listing-failed', 'pause.work-failed']);

/** The notices a run of consecutive audit entries gives, in order (a pause's failures where its first one was). */
export function noticesOf(entries: readonly AuditEntry[]): Notice[] {
  const notices: Notice[] = [];
  const failed = new Map<string, { notice: Notice; items: number; listings: number; connections: Set<string>; errors: Set<string> }>();
  for (const entry of entries) {
    const base = { pauseId: entry.pauseId, at: entry.at, actor: entry.actor.name, source: entry.source };
    const event = ONE_BY_ONE[entry.action];
    if (event) notices.push({ event, ...base, detail: entry.data });
    else if (FAILURES.has(entry.action) && entry.pauseId) {
      let group = failed.get(entry.pauseId);
      if (!group) {
        group = { notice: { event: 'items.failed', ...base, detail: {} }, items: 0, listings: 0, connections: new Set(), errors: new Set() };
        failed.set(entry.pauseId, group);
        notices.push(group.notice);
      }
      if (entry.action === 'connection.listing-failed') group.listings++;
      else if (entry.action !== 'pause.work-failed') group.items++;
      if (entry.connectionId) group.connections.add(entry.connectionId);
      const message = entry.data.message;
      if (typeof message === 'string' && group.errors.size < 3) group.errors.add(message.slice(0, 200));
    } else if (entry.action === 'webhook.received' && entry.data.hook === 'pagerduty' && entry.data.event === 'incident.resolved')
      // Noted, never acted on: a resume stays a person's decision, so the people are told.
      notices.push({ event: 'incident.resolved', ...base, detail: { deliveryId: entry.data.deliveryId ?? null, note: entry.data.noted ?? null } });
  }
  for (const group of failed.values())
    group.notice.detail = { items: group.items, listings: group.listings, connections: [...group.connections].sort(), errors: [...group.errors] };
  return notices;
}
