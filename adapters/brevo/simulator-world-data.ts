// The simulator world's data, as zod schemas: the one description of what a world holds, what
// `exportData` writes and what `load` accepts back. A campaign is held in Brevo's own JSON shape
// (definition getExtendedCampaignOverview + recipients), statistics aside (made when answering).
import { z } from 'zod';
import { CAMPAIGN_STATUSES } from './schemas.js';

export const simCampaignSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  subject: z.string().optional(),
  previewText: z.string().optional(),
  type: z.enum(['classic', 'trigger']),
  status: z.enum(CAMPAIGN_STATUSES),
  /** UTC YYYY-MM-DDTHH:mm:ss.SSSZ; absent on a draft never scheduled */
  scheduledAt: z.string().optional(),
  testSent: z.boolean(),
  header: z.string(),
  footer: z.string(),
  sender: z.object({ name: z.string(), email: z.string(), id: z.number().int() }),
  replyTo: z.string(),
  toField: z.string().optional(),
  htmlContent: z.string(),
  shareLink: z.string().optional(),
  tag: z.string().optional(),
  createdAt: z.string(),
  modifiedAt: z.string(),
  inlineImageActivation: z.boolean(),
  mirrorActive: z.boolean(),
  recurring: z.boolean(),
  sentDate: z.string().optional(),
  recipients: z.object({ lists: z.array(z.number().int()), exclusionLists: z.array(z.number().int()) }),
  abTesting: z.boolean().optional(),
  subjectA: z.string().optional(),
  subjectB: z.string().optional(),
  splitRule: z.number().int().optional(),
  winnerCriteria: z.string().optional(),
  winnerDelay: z.number().int().optional(),
  sendAtBestTime: z.boolean().optional(),
});
export type SimCampaign = z.infer<typeof simCampaignSchema>;

export const worldDataSchema = z.object({
  campaigns: z.array(simCampaignSchema),
  /** the status an archived campaign had, for `darchive` */
  archivedFrom: z.record(z.string(), z.enum(CAMPAIGN_STATUSES)),
  nextId: z.number().int().positive(),
  account: z.object({ email: z.string(), firstName: z.string(), lastName: z.string(), companyName: z.string() }),
});
export type WorldData = z.infer<typeof worldDataSchema>;
