// Every action the audit log records, in one union: a new action is added here or not at all.

export const AUDIT_ACTIONS = [
  // pauses
  'pause.requested',
  'pause.joined',
  'pause.escalated',
  'pause.active',
  'pause.resume-requested',
  'pause.resume-approval-requested',
  'pause.resume-approved',
  'pause.resume-withdrawn',
  'pause.resumed',
  'pause.retry-requested',
  'pause.recovering',
  'pause.work-failed',
  // planned pauses: planned, started by the service at startsAt, cancelled before, ended at endsAt
  'pause.planned',
  'pause.plan-started',
  'pause.plan-cancelled',
  'pause.plan-ended',
  // listings
  'connection.listing-failed',
  // items
  'items.claimed',
  'item.suspended',
  'item.suspend-failed',
  'item.waiting',
  'item.restored',
  'item.restore-failed',
  'item.drifted',
  'item.missed',
  'item.skipped',
  'item.kept',
  'item.handed-over',
  'item.taken-over',
  'item.release-requested',
  // tasks for people (manual connections)
  'task.opened',
  'task.done',
  'task.skipped',
  // the playbook: a person ticks a step off for a pause
  'playbook.step-done',
  // access
  'api-key.created',
  'api-key.revoked',
  'auth.failed',
  'auth.forbidden',
  // inbound webhooks
  'webhook.received',
  'webhook.refused',
  // notifications out
  'notification.failed',
  'notification.retry-requested',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
