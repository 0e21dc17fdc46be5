// The simulator world's data, as zod schemas: ad accounts and campaigns in LinkedIn's own shapes,
// what `exportData` writes and what `load` accepts back; and how a campaign looks in an answer.
import { z } from 'zod';
import { CAMPAIGN_STATUSES, hasEnded, isLive } from './mappers.js';

/** The campaign `type` values LinkedIn documents. */
export const CAMPAIGN_TYPES = ['TEXT_AD', 'SPONSORED_UPDATES', 'SPONSORED_INMAILS', 'DYNAMIC'] as const;
export const COST_TYPES = ['CPM', 'CPC', 'CPV'] as const;

const money = z.object({ amount: z.string().regex(/^\d+(\.\d+)?$/), currencyCode: z.string().length(3) });

export const simCampaignSchema = z.object({
  id: z.number().int().positive(),
  /** urn:li:sponsoredAccount:{digits} */
  account: z.string().regex(/^urn:li:sponsoredAccount:\d+$/),
  campaignGroup: z.string().regex(/^urn:li:sponsoredCampaignGroup:\d+$/),
  name: z.string().min(1),
  status: z.enum(CAMPAIGN_STATUSES),
  type: z.enum(CAMPAIGN_TYPES),
  costType: z.enum(COST_TYPES),
  objectiveType: z.string(),
  unitCost: money,
  dailyBudget: money.optional(),
  totalBudget: money.optional(),
  runSchedule: z.object({ start: z.number().int(), end: z.number().int().optional() }),
  targetingCriteria: z.record(z.string(), z.unknown()),
  locale: z.object({ country: z.string(), language: z.string() }),
  test: z.boolean(),
  /** epoch ms, as LinkedIn's changeAuditStamps */
  created: z.number().int(),
  lastModified: z.number().int(),
  /** bumped on every change: LinkedIn's `version.versionTag` */
  versionTag: z.number().int(),
});
export type SimCampaign = z.infer<typeof simCampaignSchema>;

export const simAccountSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  currency: z.string().length(3),
  /** a person's or organization's URN the account advertises for */
  reference: z.string(),
});
export type SimAccount = z.infer<typeof simAccountSchema>;

export const worldDataSchema = z.object({
  accounts: z.array(simAccountSchema),
  campaigns: z.array(simCampaignSchema),
  nextId: z.number().int().positive(),
});

/**
 * `servingStatuses`, derived: RUNNABLE while it can serve, CAMPAIGN_START_DATE_HOLD before its
 * start, CAMPAIGN_END_DATE_HOLD after its end, STOPPED otherwise.
 */
export function servingStatuses(c: SimCampaign, now: Date): string[] {
  if (hasEnded(c.runSchedule.end, now)) return ['CAMPAIGN_END_DATE_HOLD'];
  if (!isLive(c, now)) return ['STOPPED'];
  return c.runSchedule.start > now.getTime() ? ['CAMPAIGN_START_DATE_HOLD'] : ['RUNNABLE'];
}

/** A campaign as LinkedIn answers it. */
export function campaignView(c: SimCampaign, now: Date): Record<string, unknown> {
  const { created, lastModified, versionTag, ...fields } = c;
  return {
    ...fields,
    servingStatuses: servingStatuses(c, now),
    changeAuditStamps: { created: { time: created }, lastModified: { time: lastModified } },
    version: { versionTag: String(versionTag) },
  };
}

export function accountView(a: SimAccount): Record<string, unknown> {
  return { ...a, status: 'ACTIVE', type: 'BUSINESS', test: false };
}
