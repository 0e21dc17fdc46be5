// Loose zod schemas of the Mailchimp Marketing API v3.0 answers we read, and of the one body we
// send. Only the fields we use are named; anything else Mailchimp adds passes through untouched
// (z.looseObject). Field names and enums: https://mailchimp.com/developer/marketing/api/campaigns/
// and …/api/automation/, as Mailchimp's own SDKs describe them (test/specs/mailchimp/).
import { z } from 'zod';

/** RFC 7807 problem document: https://mailchimp.com/developer/marketing/docs/errors/ */
export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.looseObject({ field: z.string().optional(), message: z.string().optional() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** `{"health_status": "Everything's Chimpy!"}` */
export const pingSchema = z.looseObject({ health_status: z.string() });

const recipientsSchema = z.looseObject({
  list_id: z.string().optional(),
  list_name: z.string().optional(),
  segment_opts: z.unknown().optional(),
  store_id: z.string().optional(),
});

const campaignSettingsSchema = z.looseObject({
  title: z.string().optional(),
  subject_line: z.string().optional(),
  preview_text: z.string().optional(),
  from_name: z.string().optional(),
  reply_to: z.string().optional(),
  to_name: z.string().optional(),
  template_id: z.number().optional(),
  /** the only delivery option the campaign object shows; batch delivery is write-only */
  timewarp: z.boolean().optional(),
});

/**
 * `status`: save | paused | schedule | sending | sent (+ canceled, canceling, archived).
 * `type`: regular | plaintext | absplit | rss | variate.
 * `send_time`: the scheduled time while `schedule`; `""` on drafts.
 */
export const campaignSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  status: z.string(),
  send_time: z.string().nullish(),
  settings: campaignSettingsSchema.optional(),
  recipients: recipientsSchema.optional(),
  rss_opts: z.unknown().optional(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignListSchema = z.looseObject({
  campaigns: z.array(campaignSchema),
  total_items: z.number().int().nonnegative(),
});

/** `GET /campaigns/{id}/send-checklist`: is_ready, and items typed success | warning | error. */
export const sendChecklistSchema = z.looseObject({
  is_ready: z.boolean().optional(),
  items: z
    .array(z.looseObject({ type: z.string().optional(), id: z.number().optional(), heading: z.string().optional(), details: z.string().optional() }))
    .optional(),
});
export type SendChecklist = z.infer<typeof sendChecklistSchema>;

/** Workflow and email `status`: save | paused | sending. */
export const automationSchema = z.looseObject({
  id: z.string(),
  status: z.string(),
  settings: z.looseObject({ title: z.string().optional(), from_name: z.string().optional(), reply_to: z.string().optional() }).optional(),
  recipients: recipientsSchema.optional(),
  trigger_settings: z.unknown().optional(),
});
export type Automation = z.infer<typeof automationSchema>;

export const automationListSchema = z.looseObject({
  automations: z.array(automationSchema),
  total_items: z.number().int().nonnegative(),
});

export const automationEmailSchema = z.looseObject({
  id: z.string(),
  position: z.number().optional(),
  status: z.string(),
  settings: z.looseObject({ subject_line: z.string().optional(), title: z.string().optional() }).optional(),
});
export type AutomationEmail = z.infer<typeof automationEmailSchema>;

export const automationEmailListSchema = z.looseObject({
  emails: z.array(automationEmailSchema),
  total_items: z.number().optional(),
});

/**
 * The body of `POST /campaigns/{id}/actions/schedule` (SDK request CreateActionScheduleCampaigns):
 * `schedule_time` UTC ISO 8601 on a quarter hour; Timewarp and batch delivery exclude each other.
 */
export const scheduleBodySchema = z.object({
  schedule_time: z.string(),
  timewarp: z.boolean().optional(),
  batch_delivery: z.object({ batch_delay: z.number().int(), batch_count: z.number().int() }).optional(),
});
export type ScheduleBody = z.infer<typeof scheduleBodySchema>;
