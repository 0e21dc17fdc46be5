// The simulator world's data, as zod schemas: advertisers and their campaigns in TikTok's own
// shapes (v1.3: ids as strings, times "YYYY-MM-DD HH:MM:SS" UTC), what `exportData` writes and
// what `load` accepts back; and how a campaign looks in a /campaign/get/ answer.
import { z } from 'zod';

/** operation_status values a campaign can be switched to (StatusOptType in the vendor file). */
export const OPERATION_STATUSES = ['ENABLE', 'DISABLE', 'DELETE'] as const;

/** CampaignObjectiveType keys (test/specs/tiktok/smart_plus_campaign_get.yml, filtering.objective_type). */
export const OBJECTIVE_TYPES = [
  'APP_INSTALL', 'APP_PROMOTION', 'BRAND_AD', 'CATALOG_SALES', 'CONVERSIONS', 'ENGAGEMENT', 'EST_AD', 'LEAD_GENERATION', 'NONE_TYPE',
  'PRODUCT_SALES', 'REACH', 'RF_APP_INSTALL', 'RF_ENGAGEMENT', 'RF_REACH', 'RF_TRAFFIC', 'RF_VIDEO_VIEW', 'SHOP', 'SS_HTC_AD',
  'TOPVIEW_REACH', 'TRAFFIC', 'VIDEO_VIEWS', 'WEB_CONVERSIONS',
] as const;

/** CampaignPrimaryStatus keys (same file, filtering.primary_status). */
export const PRIMARY_STATUSES = ['STATUS_ALL', 'STATUS_DELETE', 'STATUS_DELIVERY_OK', 'STATUS_DISABLE', 'STATUS_NOT_DELETE', 'STATUS_NOT_DELIVERY'] as const;

/** CampaignSecondaryStatus keys (same file, filtering.secondary_status). */
export const SECONDARY_STATUSES = [
  'ADVERTISER_ACCOUNT_PUNISH', 'ADVERTISER_CONTRACT_PENDING', 'CAMPAIGN_STATUS_ADVERTISER_AUDIT', 'CAMPAIGN_STATUS_ADVERTISER_AUDIT_DENY',
  'CAMPAIGN_STATUS_AD_UNAVAILABLE', 'CAMPAIGN_STATUS_ALL', 'CAMPAIGN_STATUS_AWAITING_RELEASE', 'CAMPAIGN_STATUS_BUDGET_EXCEED',
  'CAMPAIGN_STATUS_DELETE', 'CAMPAIGN_STATUS_DISABLE', 'CAMPAIGN_STATUS_ENABLE', 'CAMPAIGN_STATUS_IDENTITY_USED_BY_GMV_MAX_AD',
  'CAMPAIGN_STATUS_IDENTITY_USED_BY_LIVE_GMV_MAX', 'CAMPAIGN_STATUS_LIVE_GMV_MAX_AUTHORIZATION_CANCEL', 'CAMPAIGN_STATUS_NOT_DELETE',
  'CAMPAIGN_STATUS_PRODUCT_GMV_MAX_AUTHORIZATION_CANCEL', 'CAMPAIGN_STATUS_PRODUCT_UNAVAILABLE', 'CAMPAIGN_STATUS_PRODUCT_USED_BY_PRODUCT_GMV_MAX',
  'CAMPAIGN_STATUS_REVIEW_DISAPPROVED', 'CAMPAIGN_STATUS_TIKTOK_SHOP_UNAVAILABLE', 'CAMPAIGN_STATUS_TTS_TT_ASSET_UNAVAILABLE',
  'CAMPAIGN_STATUS_TTS_TT_IDENTITY_UNAVAILABLE', 'STATUS_DELETE', 'STATUS_DELIVERY_OK', 'STATUS_DISABLE', 'STATUS_NOT_DELIVERY',
] as const;

/** DCPostbackMode keys (…status_update.yml, postback_window_mode). */
export const POSTBACK_WINDOW_MODES = ['POSTBACK_WINDOW_MODE1', 'POSTBACK_WINDOW_MODE2', 'POSTBACK_WINDOW_MODE3', 'UNSET'] as const;

export const BUDGET_MODES = ['BUDGET_MODE_DAY', 'BUDGET_MODE_TOTAL', 'BUDGET_MODE_INFINITE', 'BUDGET_MODE_DYNAMIC_DAILY_BUDGET'] as const;

/**
 * The campaign fields /campaign/get/ may be asked for in `fields`: the vendor file's response
 * rule for campaign reads (x-open-rules.response_rule.list of smart_plus_campaign_get.yml).
 */
export const READABLE_FIELDS = [
  'advertiser_id', 'app_id', 'app_promotion_type', 'bid_align_type', 'budget', 'budget_mode', 'budget_optimize_on',
  'campaign_app_profile_page_state', 'campaign_id', 'campaign_name', 'campaign_type', 'catalog_enabled', 'catalog_type', 'create_time',
  'disable_skan_campaign', 'is_advanced_dedicated_campaign', 'is_promotional_campaign', 'modify_time', 'objective_type',
  'operation_status', 'po_number', 'postback_window_mode', 'sales_destination', 'secondary_status', 'smart_plus_adgroup_mode',
  'special_industries',
] as const;

export const simCampaignSchema = z.object({
  campaign_id: z.string().regex(/^\d+$/),
  advertiser_id: z.string().regex(/^\d+$/),
  campaign_name: z.string(),
  objective_type: z.enum(OBJECTIVE_TYPES),
  operation_status: z.enum(['ENABLE', 'DISABLE']),
  /** ours, not TikTok's field: deleted (TikTok then reports secondary status CAMPAIGN_STATUS_DELETE) */
  deleted: z.boolean(),
  /** ours: today's budget is spent (secondary status CAMPAIGN_STATUS_BUDGET_EXCEED while enabled) */
  budget_exceeded: z.boolean(),
  budget: z.number(),
  budget_mode: z.enum(BUDGET_MODES),
  budget_optimize_on: z.boolean(),
  special_industries: z.array(z.string()),
  campaign_type: z.enum(['REGULAR_CAMPAIGN', 'IOS14_CAMPAIGN']),
  create_time: z.string(),
  modify_time: z.string(),
});
export type SimCampaign = z.infer<typeof simCampaignSchema>;

export const worldDataSchema = z.object({
  advertisers: z.array(z.string().regex(/^\d+$/)),
  campaigns: z.array(simCampaignSchema),
  nextId: z.string().regex(/^\d+$/),
});

/** TikTok v1.3 times: `YYYY-MM-DD HH:MM:SS`, UTC. */
export function tiktokTime(at: Date): string {
  return at.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '');
}

export function secondaryStatus(c: SimCampaign): string {
  if (c.deleted) return 'CAMPAIGN_STATUS_DELETE';
  if (c.operation_status === 'DISABLE') return 'CAMPAIGN_STATUS_DISABLE';
  return c.budget_exceeded ? 'CAMPAIGN_STATUS_BUDGET_EXCEED' : 'CAMPAIGN_STATUS_ENABLE';
}

/** The campaign as /campaign/get/ returns it: only the requested fields (all when none are named). */
export function campaignView(c: SimCampaign, fields: readonly string[] | null): Record<string, unknown> {
  const { deleted: _d, budget_exceeded: _b, ...vendor } = c;
  const full: Record<string, unknown> = { ...vendor, secondary_status: secondaryStatus(c) };
  if (fields === null) return full;
  return Object.fromEntries(fields.filter((f) => full[f] !== undefined).map((f) => [f, full[f]]));
}
