// Which audit entries people are told about, and how: the notifier turns durable entries into
// notices, so nothing is notified that did not happen, and nothing that happened is missed.
// Failures come item by item, hundreds at once: they are tallied per pause (in the notifier's
// stored mark) and told as one notice once the burst is over (failure-bursts.ts).
import type { JsonObject } from '../../adapters/types.js';
import type { AuditAction } from '../audit/audit-actions.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import type { FailureTally, NotifyEvent } from '../domain/delivery.js';

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
  'pause.planned': 'pause.planned',
  'pause.plan-cancelled': 'pause.plan-cancelled',
  'pause.plan-started': 'pause.plan-started',
  'pause.requested': 'pause.created',
  'pause.active': 'pause.active',
  'pause.escalated': 'pause.escalated',
  'pause.resume-requested': 'resume.requested',
  'pause.resume-approval-requested': 'resume.approval-requested',
  'pause.resume-approved': 'resume.approved',
  'pause.resumed': 'pause.resumed',
};

const FAILURES = new Set<AuditAction>(['item.suspend-failed', 'item.restore-failed', 'connection.listing-failed', 'pause.work-failed']);
const EXAMPLE_ERRORS = 3;

/** The notices of consecutive audit entries, in order, and the failure tallies with theirs added. */
export function noticesOf(entries: readonly AuditEntry[], tallies: Readonly<Record<string, FailureTally>>) {
  const notices: Notice[] = [];
  const next: Record<string, FailureTally> = structuredClone(tallies);
  for (const entry of entries) {
    const base = { pauseId: entry.pauseId, at: entry.at, actor: entry.actor.name, source: entry.source };
    const event = ONE_BY_ONE[entry.action];
    if (event) notices.push({ event, ...base, detail: entry.data });
    else if (FAILURES.has(entry.action) && entry.pauseId) {
      const tally = (next[entry.pauseId] ??= { items: 0, listings: 0, connections: [], errors: [], since: entry.at, actor: base.actor, source: base.source });
      if (entry.action === 'connection.listing-failed') tally.listings++;
      else if (entry.action !== 'pause.work-failed') tally.items++;
      if (entry.connectionId && !tally.connections.includes(entry.connectionId)) tally.connections.push(entry.connectionId);
      const message = typeof entry.data.message === 'string' ? entry.data.message.slice(0, 200) : null;
      if (message && tally.errors.length < EXAMPLE_ERRORS && !tally.errors.includes(message)) tally.errors.push(message);
    } else if (entry.action === 'webhook.received' && entry.data.hook === 'pagerduty' && entry.data.event === 'incident.resolved')
      // Noted, never acted on: a resume stays a person's decision, so the people are told.
      notices.push({ event: 'incident.resolved', ...base, detail: { deliveryId: entry.data.deliveryId ?? null, note: entry.data.noted ?? null } });
  }
  return { notices, tallies: next };
}
