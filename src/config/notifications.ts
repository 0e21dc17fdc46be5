import { z } from 'zod';
import { NOTIFY_EVENTS } from '../domain/delivery.js';
import { envVarName, slug } from './fields.js';

/**
 * A generic outbound webhook: JSON events signed like our inbound generic hook. Its URL may be
 * written here (an internal endpoint) or, when it carries a token of its own, named by a
 * variable; the signing secret always comes from the environment.
 */
export const OutboundWebhookSchema = z
  .object({
    name: slug,
    url: z.url({ protocol: /^https?$/ }).optional(),
    urlEnv: envVarName.optional(),
    secretEnv: envVarName,
  })
  .strict()
  .refine((w) => (w.url === undefined) !== (w.urlEnv === undefined), { message: 'give one of url and urlEnv' });
export type OutboundWebhook = z.infer<typeof OutboundWebhookSchema>;

export const NOTIFICATION_DEFAULTS = {
  slack: { webhookUrlEnv: 'SLACK_WEBHOOK_URL' },
  webhooks: [],
  events: [...NOTIFY_EVENTS],
  reminderHours: 4,
  retries: { attempts: 6, backoffMs: 30_000 },
  timeoutMs: 10_000,
};

/** Messages out, to Slack and to generic webhooks: each target is on only when its variables are set. */
export const NotificationsSchema = z
  .object({
    /** where the console is served, for links in messages: `<consoleUrl>/#/pauses/<id>` */
    consoleUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** a Slack incoming webhook, its URL (a secret) in this variable; null: no Slack */
    slack: z.object({ webhookUrlEnv: envVarName }).strict().nullable().default(NOTIFICATION_DEFAULTS.slack),
    webhooks: z.array(OutboundWebhookSchema).default([]),
    /** the events sent; others are not */
    events: z.array(z.enum(NOTIFY_EVENTS)).default(NOTIFICATION_DEFAULTS.events),
    /** while a pause stays in force, a reminder every this many hours ("do not lower your guard"); 0: none */
    reminderHours: z.number().min(0).default(NOTIFICATION_DEFAULTS.reminderHours),
    retries: z
      .object({
        /** attempts in all before a delivery is failed (and said loudly) */
        attempts: z.number().int().min(1).max(20).default(NOTIFICATION_DEFAULTS.retries.attempts),
        /** the wait after the first failure; doubles after each */
        backoffMs: z.number().int().min(0).default(NOTIFICATION_DEFAULTS.retries.backoffMs),
      })
      .strict()
      .default(NOTIFICATION_DEFAULTS.retries),
    timeoutMs: z.number().int().min(100).max(120_000).default(NOTIFICATION_DEFAULTS.timeoutMs),
  })
  .strict()
  .superRefine((n, ctx) => {
    n.webhooks.forEach((w, i) => {
      if (n.webhooks.findIndex((o) => o.name === w.name) !== i) ctx.addIssue({ code: 'custom', path: ['webhooks', i, 'name'], message: `duplicate webhook name "${w.name}"` });
    });
  });
export type NotificationsConfig = z.infer<typeof NotificationsSchema>;
