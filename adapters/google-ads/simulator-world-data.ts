// The simulator's records, in Google Ads' own REST JSON shapes (lowerCamelCase of campaign.proto),
// and the saved world's schema.
import { z } from 'zod';

/** CampaignStatusEnum (campaign_status.proto): what a campaign's own status may be. */
export const CAMPAIGN_STATUSES = ['UNSPECIFIED', 'UNKNOWN', 'ENABLED', 'PAUSED', 'REMOVED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Values the simulator's campaigns take (CampaignServingStatus, AdvertisingChannelType, BiddingStrategyType). */
export const SERVING_STATUSES = ['SERVING', 'NONE', 'ENDED', 'PENDING', 'SUSPENDED'] as const;
export const CHANNEL_TYPES = ['SEARCH', 'DISPLAY', 'SHOPPING', 'VIDEO', 'PERFORMANCE_MAX', 'DEMAND_GEN'] as const;
export const BIDDING_TYPES = ['MAXIMIZE_CONVERSIONS', 'MAXIMIZE_CONVERSION_VALUE', 'TARGET_CPA', 'TARGET_ROAS', 'TARGET_SPEND', 'MANUAL_CPC', 'TARGET_IMPRESSION_SHARE'] as const;

export const simCampaignSchema = z.object({
  customerId: z.string().regex(/^\d{10}$/),
  id: z.string().regex(/^\d+$/),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  advertisingChannelType: z.enum(CHANNEL_TYPES),
  biddingStrategyType: z.enum(BIDDING_TYPES),
  /** `customers/{customerId}/campaignBudgets/{budgetId}` */
  campaignBudget: z.string(),
  /** `yyyy-MM-dd HH:mm:ss` (campaign.proto start_date_time; the simulator reads it as UTC) */
  startDateTime: z.string(),
  endDateTime: z.string().optional(),
});
export type SimCampaign = z.infer<typeof simCampaignSchema>;

export const ACCESS_LEVEL_QUOTAS = { test: 15_000, explorer: 2_880, basic: 15_000, standard: null } as const;
export type SimAccessLevel = keyof typeof ACCESS_LEVEL_QUOTAS;

export const worldDataSchema = z.object({
  customers: z.array(z.object({ id: z.string().regex(/^\d{10}$/), descriptiveName: z.string() })),
  campaigns: z.array(simCampaignSchema),
  nextId: z.string().regex(/^\d+$/),
  accessLevel: z.enum(['test', 'explorer', 'basic', 'standard']),
});

/** `Date` → `yyyy-MM-dd HH:mm:ss` (UTC). */
export function adsDateTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

/** `yyyy-MM-dd HH:mm:ss` → ms (read as UTC), or NaN. */
export const adsTimeMs = (text: string): number => Date.parse(`${text.replace(' ', 'T')}Z`);

/** Google computes serving_status; a campaign past its end is ENDED whatever its own status. */
export function servingStatusOf(c: SimCampaign, now: Date): (typeof SERVING_STATUSES)[number] {
  if (c.endDateTime !== undefined && adsTimeMs(c.endDateTime) <= now.getTime()) return 'ENDED';
  if (adsTimeMs(c.startDateTime) > now.getTime()) return 'PENDING';
  return 'SERVING';
}
