// The simulator world's data, as zod schemas: the one description of what a world holds (ad
// accounts and campaigns in Graph's own shapes, and the simulated app's settings), what
// `exportData` writes and what `load` accepts back.
import { z } from 'zod';
import { ACCESS_TIER_NAMES } from './adapter-settings.js';
import { CAMPAIGN_FIELDS } from './mappers.js';

/** Campaign_status in specs/meta/enum_types.json */
export const CAMPAIGN_STATUSES = ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The campaign fields the simulator models (all are fields of specs/meta/Campaign.json). */
export const SIM_CAMPAIGN_FIELDS = [...CAMPAIGN_FIELDS, 'created_time', 'issues_info'] as const;

export const SIM_ACCOUNT_FIELDS = ['id', 'account_id', 'name', 'account_status', 'currency', 'timezone_name'] as const;

const issueSchema = z.object({ level: z.string(), error_code: z.number(), error_summary: z.string(), error_message: z.string(), error_type: z.string() });
export type IssueInfo = z.infer<typeof issueSchema>;

export const simCampaignSchema = z.object({
  id: z.string().regex(/^\d+$/),
  /** digits only, as Graph returns it */
  account_id: z.string(),
  name: z.string(),
  objective: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  daily_budget: z.string().optional(),
  lifetime_budget: z.string().optional(),
  spend_cap: z.string().optional(),
  bid_strategy: z.string().optional(),
  /** Graph time format, e.g. 2026-11-21T09:00:00+0000 */
  start_time: z.string(),
  stop_time: z.string().optional(),
  special_ad_categories: z.array(z.string()),
  created_time: z.string(),
  updated_time: z.string(),
  issues_info: z.array(issueSchema).optional(),
  /** ours, not Graph's: Meta is still processing a change (effective IN_PROCESS) */
  processing: z.boolean().optional(),
});
export type SimCampaign = z.infer<typeof simCampaignSchema>;

export const simAccountSchema = z.object({
  /** act_<digits> */
  id: z.string(),
  account_id: z.string(),
  name: z.string(),
  account_status: z.number(),
  currency: z.string(),
  timezone_name: z.string(),
});
export type SimAccount = z.infer<typeof simAccountSchema>;

/** The simulated Meta app: its access tier, "Require App Secret", a fixed hourly budget for tests. */
export const appSettingsSchema = z.object({
  accessTier: z.enum(ACCESS_TIER_NAMES),
  requireAppSecret: z.boolean(),
  /** ads_management calls per ad account per hour; null = Meta's formula for the tier */
  callBudgetPerHour: z.number().int().min(0).nullable(),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const DEFAULT_APP: AppSettings = { accessTier: 'standard', requireAppSecret: false, callBudgetPerHour: null };

export const worldDataSchema = z.object({
  accounts: z.array(simAccountSchema),
  campaigns: z.array(simCampaignSchema),
  nextId: z.string().regex(/^\d+$/),
  // worlds saved before the app had settings load with the defaults
  app: appSettingsSchema.default(DEFAULT_APP),
});

/** Graph writes times as `YYYY-MM-DDTHH:mm:ss+0000`. */
export function graphTime(at: Date | string): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** effective_status derives from own status, issues and processing. */
export function effectiveStatus(c: SimCampaign): string {
  if (c.status === 'DELETED' || c.status === 'ARCHIVED') return c.status;
  if (c.issues_info && c.issues_info.length > 0) return 'WITH_ISSUES';
  if (c.status === 'ACTIVE' && c.processing) return 'IN_PROCESS';
  return c.status;
}

/** A campaign as Graph returns it: only the requested fields, unset ones omitted. */
export function campaignView(c: SimCampaign, fields: readonly string[]): Record<string, unknown> {
  const { processing: _processing, ...graph } = c;
  return pick({ ...graph, configured_status: c.status, effective_status: effectiveStatus(c) }, fields);
}

export function accountView(a: SimAccount, fields: readonly string[]): Record<string, unknown> {
  return pick({ ...a }, fields);
}

function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (source[field] !== undefined) out[field] = source[field];
  if (out['id'] === undefined) out['id'] = source['id'];
  return out;
}
