// The simulator world's records, as zod schemas: the one description of what a world holds, what
// `exportData` writes and what `load` accepts back. Field names and enums follow Mailchimp's
// (https://mailchimp.com/developer/marketing/api/campaigns/ and …/api/automation/).
import { z } from 'zod';

export const CAMPAIGN_STATUSES = ['save', 'paused', 'schedule', 'sending', 'sent', 'canceled', 'canceling', 'archived'] as const;
/** What the list's `status` filter takes. */
export const LIST_STATUSES = ['save', 'paused', 'schedule', 'sending', 'sent'] as const;
export const CAMPAIGN_TYPES = ['regular', 'plaintext', 'absplit', 'rss', 'variate'] as const;
export const EMAIL_STATUSES = ['save', 'paused', 'sending'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

const batchDeliverySchema = z.object({ batch_count: z.number().int(), batch_delay: z.number().int() });
export type BatchDelivery = z.infer<typeof batchDeliverySchema>;

/** One item of a campaign's send checklist (`type` success | warning | error). */
export const checklistItemSchema = z.object({ type: z.enum(['success', 'warning', 'error']), id: z.number().int(), heading: z.string(), details: z.string() });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const simCampaignSchema = z.object({
  id: z.string(),
  webId: z.number().int(),
  type: z.enum(CAMPAIGN_TYPES),
  status: z.enum(CAMPAIGN_STATUSES),
  createTime: z.string(),
  /** ISO; the scheduled time while `schedule` (and a Timewarp campaign's while `sending`), the send time once sent, null on drafts */
  sendTime: z.string().nullable(),
  listId: z.string(),
  listName: z.string(),
  recipientCount: z.number().int(),
  segmentOpts: z.record(z.string(), z.unknown()).nullable(),
  settings: z.object({
    title: z.string(),
    subject_line: z.string(),
    preview_text: z.string(),
    from_name: z.string(),
    reply_to: z.string(),
    to_name: z.string(),
    template_id: z.number().int(),
    timewarp: z.boolean(),
  }),
  rssOpts: z.record(z.string(), z.unknown()).nullable(),
  /** Accepted by the schedule action but never shown on the campaign object: kept apart. */
  batchDelivery: batchDeliverySchema.nullable(),
  emailsSent: z.number().int(),
  /** what its send checklist finds wrong (warnings, errors); empty when it is ready (and in worlds saved before checklists) */
  checklist: z.array(checklistItemSchema).default([]),
});
export type SimCampaign = z.infer<typeof simCampaignSchema>;

export const simEmailSchema = z.object({
  id: z.string(),
  webId: z.number().int(),
  position: z.number().int(),
  status: z.enum(EMAIL_STATUSES),
  subjectLine: z.string(),
  title: z.string(),
  previewText: z.string(),
  delay: z.object({ amount: z.number(), type: z.enum(['now', 'day', 'hour', 'week']), direction: z.literal('after'), action: z.string() }),
});
export type SimEmail = z.infer<typeof simEmailSchema>;

export const simAutomationSchema = z.object({
  id: z.string(),
  createTime: z.string(),
  startTime: z.string(),
  listId: z.string(),
  listName: z.string(),
  settings: z.object({ title: z.string(), from_name: z.string(), reply_to: z.string(), to_name: z.string() }),
  trigger: z.object({ workflow_type: z.string(), workflow_title: z.string() }),
  /** never started: the workflow shows `save` */
  draft: z.boolean(),
  emails: z.array(simEmailSchema),
});
export type SimAutomation = z.infer<typeof simAutomationSchema>;

export const worldDataSchema = z.object({
  campaigns: z.array(simCampaignSchema),
  automations: z.array(simAutomationSchema),
  serial: z.number().int().min(0),
  /** the status a campaign shows after `actions/unschedule` (undocumented: see README); worlds saved before it: `save` */
  unscheduledStatus: z.enum(['save', 'paused']).default('save'),
});
export type WorldData = z.infer<typeof worldDataSchema>;

/** Workflow status: `sending` while any email sends, `paused` once none does. */
export function automationStatus(a: SimAutomation): EmailStatus {
  if (a.draft) return 'save';
  return a.emails.some((e) => e.status === 'sending') ? 'sending' : 'paused';
}
