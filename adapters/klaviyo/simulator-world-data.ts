// The simulator world's stored shapes (what `exportData` writes and `load` reads back), in
// Klaviyo's own terms: a campaign's attributes as the API shows them, a flow's likewise.
import { z } from 'zod';

export const CAMPAIGN_STATUSES = [
  'Adding Recipients', 'Cancelled', 'Cancelled: Account Disabled', 'Cancelled: Billing Limit', 'Cancelled: Internal Error',
  'Cancelled: Misconfigured', 'Cancelled: No Recipients', 'Cancelled: Smart Sending', 'Draft', 'Preparing to schedule',
  'Preparing to send', 'Queued without Recipients', 'Scheduled', 'Sending', 'Sending Segments', 'Sent', 'Unknown', 'Variations Sent',
] as const;
export const FLOW_STATUSES = ['draft', 'manual', 'live'] as const;
export const TRIGGER_TYPES = ['Added to List', 'Date Based', 'Low Inventory', 'Metric', 'Price Drop', 'Unconfigured'] as const;

const strategySchema = z.looseObject({ method: z.string() });

export const simCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  archived: z.boolean(),
  channel: z.enum(['email', 'sms', 'mobile_push']),
  included: z.array(z.string()),
  excluded: z.array(z.string()),
  useSmartSending: z.boolean(),
  tracking: z.object({ is_tracking_opens: z.boolean(), is_tracking_clicks: z.boolean(), add_tracking_params: z.boolean() }),
  sendStrategy: strategySchema,
  /** when a send job scheduled it (null for drafts) */
  scheduledAt: z.string().nullable(),
  /** when it goes / went out (null until a send job) */
  sendTime: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** its one email message: the subject and sender live here, not on the campaign */
  message: z.object({ id: z.string(), subject: z.string(), previewText: z.string(), fromEmail: z.string(), fromLabel: z.string() }),
});
export type SimCampaign = z.infer<typeof simCampaignSchema>;

export const simFlowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(FLOW_STATUSES),
  archived: z.boolean(),
  triggerType: z.enum(TRIGGER_TYPES),
  created: z.string(),
  updated: z.string(),
});
export type SimFlow = z.infer<typeof simFlowSchema>;

export const worldDataSchema = z.object({
  campaigns: z.array(simCampaignSchema),
  flows: z.array(simFlowSchema),
  serial: z.number().int().min(0),
});
