// Vendor ⇄ domain for Meta campaigns, and THE fingerprint projection shared with the simulator.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { JsonObject, LiveItem, Observation } from '../types.js';
import type { Campaign } from './schemas.js';

export const OBJECT_TYPE = 'campaign';

/**
 * The fields every campaign read asks for (all are Campaign fields in specs/meta/Campaign.json).
 * `status` is the campaign's own, writable status; `effective_status` folds in issues/review.
 */
export const CAMPAIGN_FIELDS = [
  'id',
  'account_id',
  'name',
  'objective',
  'status',
  'configured_status',
  'effective_status',
  'daily_budget',
  'lifetime_budget',
  'spend_cap',
  'bid_strategy',
  'start_time',
  'stop_time',
  'special_ad_categories',
  'updated_time',
] as const;

/**
 * The only statuses the adapter ever writes. DELETED is irreversible and ARCHIVED can only move
 * on to DELETED, so neither may ever be sent (invariant 9).
 */
export const WRITABLE_STATUSES = ['ACTIVE', 'PAUSED'] as const;
export type WritableStatus = (typeof WRITABLE_STATUSES)[number];
export function isWritableStatus(status: unknown): status is WritableStatus {
  return status === 'ACTIVE' || status === 'PAUSED';
}

/** Graph times look like `2026-11-21T09:00:00+0000` or carry the account's offset (`-0800`). */
export function canonicalTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const withColon = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(withColon);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/**
 * What a restore must preserve: budget, bidding, schedule, objective, name, special categories.
 * Never the id or any status. The simulator hashes the same projection of its own objects.
 */
export function contentOf(campaign: Pick<Campaign, 'name' | 'objective' | 'daily_budget' | 'lifetime_budget' | 'spend_cap' | 'bid_strategy' | 'start_time' | 'stop_time' | 'special_ad_categories'>): JsonObject {
  return {
    name: campaign.name ?? null,
    objective: campaign.objective ?? null,
    dailyBudget: campaign.daily_budget ?? null,
    lifetimeBudget: campaign.lifetime_budget ?? null,
    spendCap: campaign.spend_cap ?? null,
    bidStrategy: campaign.bid_strategy ?? null,
    startTime: canonicalTime(campaign.start_time),
    stopTime: canonicalTime(campaign.stop_time),
    // a set: order carries no meaning, so it must not cause false drift
    specialAdCategories: [...(campaign.special_ad_categories ?? [])].sort(),
  };
}

export function campaignFingerprint(campaign: Parameters<typeof contentOf>[0]): string {
  return fingerprint(contentOf(campaign));
}

/** A campaign past its stop time delivers nothing more, whatever its status says. */
export function hasEnded(stopTime: string | null | undefined, now: Date): boolean {
  const stop = canonicalTime(stopTime);
  return stop !== null && Date.parse(stop) <= now.getTime();
}

/** Live = its own status is ACTIVE (effective ACTIVE, IN_PROCESS or WITH_ISSUES) and not ended. */
export function isLive(campaign: Pick<Campaign, 'status' | 'stop_time'>, now: Date): boolean {
  return campaign.status === 'ACTIVE' && !hasEnded(campaign.stop_time, now);
}

/** Opaque to the core; parsed back only here. */
export const snapshotSchema = z.object({
  schema: z.literal('meta-ads/campaign@1'),
  accountId: z.string(),
  status: z.string(),
  effectiveStatus: z.string().nullable(),
  content: z.record(z.string(), z.unknown()),
});
export type CampaignSnapshot = z.infer<typeof snapshotSchema>;

export function toLiveItem(campaign: Campaign, accountId: string): LiveItem {
  const content = contentOf(campaign);
  const snapshot: CampaignSnapshot = {
    schema: 'meta-ads/campaign@1',
    accountId,
    status: campaign.status,
    effectiveStatus: campaign.effective_status ?? null,
    content,
  };
  return {
    externalId: campaign.id,
    kind: 'ad',
    method: 'status',
    objectType: OBJECT_TYPE,
    title: campaign.name ?? `Campaign ${campaign.id}`,
    status: campaign.status,
    scheduledAt: null, // campaigns run on a schedule window, not a send time
    fingerprint: fingerprint(content),
    snapshot: snapshot as unknown as JsonObject,
  };
}

export function toObservation(campaign: Campaign, now: Date): Observation {
  return {
    externalId: campaign.id,
    found: true,
    live: isLive(campaign, now),
    status: campaign.status,
    fingerprint: campaignFingerprint(campaign),
    scheduledAt: null,
  };
}

export function missingObservation(externalId: string): Observation {
  return { externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null };
}
