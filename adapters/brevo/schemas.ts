// Loose zod schemas of the Brevo API v3 answers we read, and of the bodies we send. Only the
// fields we use are named; anything else Brevo adds passes through (z.looseObject). Names, enums
// and required fields: Brevo's Swagger 2.0 file (test/specs/brevo/swagger.yaml, definitions
// getEmailCampaigns, getExtendedCampaignOverview, updateCampaignStatus, errorModel, getAccount).
import { z } from 'zod';

/** Definition getCampaignOverview.status: what a campaign object says. */
export const CAMPAIGN_STATUSES = ['draft', 'sent', 'archive', 'queued', 'suspended', 'in_process'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * The `status` filter of `GET /emailCampaigns`: spelled `inProcess` where objects say
 * `in_process` (platforms.md §0, the swagger's parameter enum).
 */
export const LIST_STATUS_FILTERS = ['suspended', 'archive', 'sent', 'queued', 'draft', 'inProcess'] as const;

/**
 * Definition updateCampaignStatus.status: the targets `PUT /emailCampaigns/{id}/status` takes.
 * We only ever send `suspended` and `queued`: `archive` and `replicate*` are not undone by any
 * documented call, so invariant 9 keeps them out of api.ts.
 */
export const STATUS_TARGETS = ['suspended', 'archive', 'darchive', 'sent', 'queued', 'replicate', 'replicateTemplate', 'draft'] as const;
export type StatusTarget = (typeof STATUS_TARGETS)[number];

/** Definition errorModel: `{code, message}`, code one of the documented values. */
export const ERROR_CODES = [
  'invalid_parameter',
  'missing_parameter',
  'out_of_range',
  'campaign_processing',
  'campaign_sent',
  'document_not_found',
  'reseller_permission_denied',
  'not_enough_credits',
  'permission_denied',
  'duplicate_parameter',
  'duplicate_request',
  'method_not_allowed',
  'unauthorized',
  'account_under_validation',
  'not_acceptable',
  'bad_request',
  'unprocessable_entity',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorSchema = z.looseObject({ code: z.string().optional(), message: z.string().optional() });
export type BrevoError = z.infer<typeof errorSchema>;

/** `GET /account`: we only need it to answer 200 (a cheap authenticated call). */
export const accountSchema = z.looseObject({ email: z.string().optional(), companyName: z.string().optional() });

const senderSchema = z.looseObject({ name: z.string().optional(), email: z.string().optional(), id: z.number().optional() });

/** Definition getCampaignRecipients: contact list ids the campaign goes to, and those it excludes. */
const recipientsSchema = z.looseObject({ lists: z.array(z.number()).optional(), exclusionLists: z.array(z.number()).optional() });

/**
 * One campaign of `GET /emailCampaigns` or `GET /emailCampaigns/{id}` (getExtendedCampaignOverview
 * with recipients and statistics). `id` is an int64; `scheduledAt` a UTC date-time (absent or
 * empty on drafts).
 */
export const campaignSchema = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  type: z.string(),
  status: z.string(),
  subject: z.string().optional(),
  previewText: z.string().optional(),
  scheduledAt: z.string().nullish(),
  sender: senderSchema.optional(),
  replyTo: z.string().optional(),
  toField: z.string().optional(),
  header: z.string().optional(),
  footer: z.string().optional(),
  htmlContent: z.string().optional(),
  tag: z.string().optional(),
  recipients: recipientsSchema.optional(),
  abTesting: z.boolean().optional(),
  subjectA: z.string().optional(),
  subjectB: z.string().optional(),
  splitRule: z.number().optional(),
  winnerCriteria: z.string().optional(),
  winnerDelay: z.number().optional(),
  sendAtBestTime: z.boolean().optional(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** `GET /emailCampaigns`: `count` is every campaign matching the filters, not this page's length. */
export const campaignListSchema = z.looseObject({
  campaigns: z.array(campaignSchema).optional().default([]),
  count: z.number().int().nonnegative().optional(),
});

/** The body of `PUT /emailCampaigns/{campaignId}` we send: a new send time, nothing else. */
export interface RescheduleBody {
  /** UTC, YYYY-MM-DDTHH:mm:ss.SSSZ (definition updateEmailCampaign.scheduledAt) */
  scheduledAt: string;
}
