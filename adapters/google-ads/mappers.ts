// Vendor ⇄ domain for Google Ads campaigns, and THE fingerprint projection shared with the simulator.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { JsonObject, LiveItem, Observation } from '../types.js';
import type { Campaign } from './schemas.js';

export const OBJECT_TYPE = 'campaign';

/** GAQL names of the fields every campaign query selects (all are Campaign fields in campaign.proto). */
export const CAMPAIGN_FIELDS = [
  'campaign.resource_name',
  'campaign.id',
  'campaign.name',
  'campaign.status',
  'campaign.serving_status',
  'campaign.advertising_channel_type',
  'campaign.bidding_strategy_type',
  'campaign.campaign_budget',
  'campaign.start_date_time',
  'campaign.end_date_time',
] as const;

/**
 * The only statuses the adapter ever writes. REMOVED is irreversible (invariant 9): it is never
 * sent, whatever a snapshot or a caller says.
 */
export const WRITABLE_STATUSES = ['ENABLED', 'PAUSED'] as const;
export type WritableStatus = (typeof WRITABLE_STATUSES)[number];
export const isWritableStatus = (status: unknown): status is WritableStatus => status === 'ENABLED' || status === 'PAUSED';

/**
 * What a restore must preserve: name, channel, budget, bidding, schedule. Never the id or a
 * status. The simulator hashes the same projection of its own campaigns.
 */
export function contentOf(c: Pick<Campaign, 'name' | 'advertisingChannelType' | 'biddingStrategyType' | 'campaignBudget' | 'startDateTime' | 'endDateTime'>): JsonObject {
  return {
    name: c.name ?? null,
    channel: c.advertisingChannelType ?? null,
    bidding: c.biddingStrategyType ?? null,
    budget: c.campaignBudget ?? null,
    start: c.startDateTime ?? null,
    end: c.endDateTime ?? null,
  };
}

export const campaignFingerprint = (c: Parameters<typeof contentOf>[0]): string => fingerprint(contentOf(c));

/**
 * Live = its own status is ENABLED and Google does not say it has ENDED (serving_status). A
 * PENDING campaign (start in the future) is live: it will serve unless paused.
 */
export const isLive = (c: Pick<Campaign, 'status' | 'servingStatus'>): boolean => c.status === 'ENABLED' && c.servingStatus !== 'ENDED';

/** Opaque to the core; parsed back only here. */
export const snapshotSchema = z.object({
  schema: z.literal('google-ads/campaign@1'),
  customerId: z.string().regex(/^\d{10}$/),
  status: z.string(),
  servingStatus: z.string().nullable(),
  content: z.record(z.string(), z.unknown()),
});
export type CampaignSnapshot = z.infer<typeof snapshotSchema>;

/** `customers/1234567890/campaigns/42` → `42` (the id the core sees). */
export function campaignIdOf(c: Campaign): string {
  return c.id ?? c.resourceName.split('/').at(-1) ?? c.resourceName;
}

export const resourceNameOf = (customerId: string, campaignId: string): string => `customers/${customerId}/campaigns/${campaignId}`;

export function toLiveItem(c: Campaign, customerId: string): LiveItem {
  const content = contentOf(c);
  const snapshot: CampaignSnapshot = { schema: 'google-ads/campaign@1', customerId, status: c.status ?? 'UNKNOWN', servingStatus: c.servingStatus ?? null, content };
  const id = campaignIdOf(c);
  return {
    externalId: id,
    kind: 'ad',
    method: 'status',
    objectType: OBJECT_TYPE,
    title: c.name ?? `Campaign ${id}`,
    status: c.status ?? 'UNKNOWN',
    scheduledAt: null, // campaigns run between dates, they have no send time
    fingerprint: fingerprint(content),
    snapshot: snapshot as unknown as JsonObject,
  };
}

export function toObservation(c: Campaign): Observation {
  return { externalId: campaignIdOf(c), found: true, live: isLive(c), status: c.status ?? null, fingerprint: campaignFingerprint(c), scheduledAt: null };
}

export function missingObservation(externalId: string): Observation {
  return { externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null };
}
