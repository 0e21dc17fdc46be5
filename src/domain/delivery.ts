import { z } from 'zod';
import { JsonObjectSchema } from './json.js';

/**
 * What the service tells people about, each from a durable audit entry (or, for a reminder, from
 * the stored pause and the time): the names receivers filter on and see as `type`.
 */
export const NOTIFY_EVENTS = [
  'pause.planned',
  'pause.plan-cancelled',
  'pause.plan-started',
  'pause.created',
  'pause.active',
  'pause.escalated',
  'items.failed',
  'resume.requested',
  'resume.approval-requested',
  'resume.approved',
  'pause.resumed',
  'incident.resolved',
  'pause.reminder',
] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** `slack`, or `webhook:<name>` from config: the name, never the URL (a secret) */
export const TargetSchema = z.string().regex(/^(slack|webhook:[a-z0-9][a-z0-9-]{0,62})$/);

/**
 * One message to one target, kept as an outbox row: made in the same write that moves the
 * notifier's mark past the audit entry it comes from, sent (and sent again, with backoff) by
 * whichever run of the service finds it due. Its id goes out with it, so a receiver can drop a
 * message it got twice (a crash between sending and recording).
 */
export const DeliverySchema = z.object({
  id: z.string(),
  /** the store's order of creation: the delivery log pages on it */
  seq: z.number().int().min(1),
  event: z.enum(NOTIFY_EVENTS),
  target: TargetSchema,
  pauseId: z.string().nullable(),
  /** the body as sent: Block Kit for Slack, the event JSON for a webhook; never a secret */
  payload: JsonObjectSchema,
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int().min(0),
  /** it fails for good after this many attempts; a retry asked for by a person raises it */
  maxAttempts: z.number().int().min(1),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** A pause's failures seen and not told yet: told together once its work is over (one message per burst). */
export const FailureTallySchema = z.object({
  items: z.number().int().min(0),
  listings: z.number().int().min(0),
  connections: z.array(z.string()),
  /** a few of the errors, as examples */
  errors: z.array(z.string()),
  /** the first failure's time: a burst that goes on too long is told anyway */
  since: z.string(),
  actor: z.string(),
  source: z.string(),
});
export type FailureTally = z.infer<typeof FailureTallySchema>;

/**
 * How far the notifier has gone: the last audit entry it turned into deliveries or tallies, for
 * each pause in force the number of its last reminder (reminder n is due n × reminderHours after
 * the pause became active), and failures not told yet. Stored with the deliveries it produced,
 * so a restart neither loses an event nor makes one twice.
 */
export const NotifierMarkSchema = z.object({
  auditSeq: z.number().int().min(0),
  reminders: z.record(z.string(), z.number().int().min(1)),
  failures: z.record(z.string(), FailureTallySchema),
});
export type NotifierMark = z.infer<typeof NotifierMarkSchema>;
