// Vendor ⇄ domain for LinkedIn campaigns, and THE fingerprint projection shared with the simulator.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { JsonObject, JsonValue, LiveItem, Observation } from '../types.js';
import type { Campaign } from './schemas.js';

export const OBJECT_TYPE = 'campaign';

/**
 * Every campaign status LinkedIn documents. Only ACTIVE and PAUSED are ever written (invariant
 * 9): CANCELED is "permanently canceled and cannot be reactivated", PENDING_DELETION and REMOVED
 * are deletions, ARCHIVED hides the campaign, COMPLETED and DRAFT are LinkedIn's to set.
 */
export const CAMPAIGN_STATUSES = ['ACTIVE', 'PAUSED', 'ARCHIVED', 'COMPLETED', 'CANCELED', 'DRAFT', 'PENDING_DELETION', 'REMOVED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const WRITABLE_STATUSES = ['ACTIVE', 'PAUSED'] as const;
export type WritableStatus = (typeof WRITABLE_STATUSES)[number];
export function isWritableStatus(status: unknown): status is WritableStatus {
  return status === 'ACTIVE' || status === 'PAUSED';
}

type ContentFields = Pick<Campaign, 'name' | 'campaignGroup' | 'type' | 'costType' | 'objectiveType' | 'unitCost' | 'dailyBudget' | 'totalBudget' | 'runSchedule' | 'targetingCriteria'>;

/**
 * What a restore must preserve: name, group, format, bidding, budgets, schedule, targeting.
 * Never the id or any status. The simulator hashes the same projection of its own campaigns.
 */
export function contentOf(c: ContentFields): JsonObject {
  const money = (m: { amount: string; currencyCode: string } | undefined) => (m ? { amount: m.amount, currencyCode: m.currencyCode } : null);
  return {
    name: c.name ?? null,
    campaignGroup: c.campaignGroup ?? null,
    type: c.type ?? null,
    costType: c.costType ?? null,
    objectiveType: c.objectiveType ?? null,
    unitCost: money(c.unitCost),
    dailyBudget: money(c.dailyBudget),
    totalBudget: money(c.totalBudget),
    start: c.runSchedule?.start ?? null,
    end: c.runSchedule?.end ?? null,
    targetingCriteria: (c.targetingCriteria ?? null) as JsonValue,
  };
}

export const campaignFingerprint = (c: ContentFields): string => fingerprint(contentOf(c));

/** "Active until it reaches its end time": past `runSchedule.end` it delivers nothing more. */
export function hasEnded(end: number | null | undefined, now: Date): boolean {
  return typeof end === 'number' && end <= now.getTime();
}

export function isLive(c: Pick<Campaign, 'status' | 'runSchedule'>, now: Date): boolean {
  return c.status === 'ACTIVE' && !hasEnded(c.runSchedule?.end, now);
}

/** Opaque to the core; parsed back only here. */
export const snapshotSchema = z.object({
  schema: z.literal('linkedin-ads/campaign@1'),
  /** the ad account id (digits) the campaign lives under: every path names it */
  accountId: z.string().regex(/^\d+$/),
  status: z.string(),
  end: z.number().nullable(),
  content: z.record(z.string(), z.unknown()),
});
export type CampaignSnapshot = z.infer<typeof snapshotSchema>;

export function toLiveItem(c: Campaign, accountId: string): LiveItem {
  const content = contentOf(c);
  const snapshot: CampaignSnapshot = { schema: 'linkedin-ads/campaign@1', accountId, status: c.status, end: c.runSchedule?.end ?? null, content };
  return {
    externalId: String(c.id),
    kind: 'ad',
    method: 'status',
    objectType: OBJECT_TYPE,
    title: c.name ?? `Campaign ${c.id}`,
    status: c.status,
    scheduledAt: null, // campaigns run over a schedule window, not at a send time
    fingerprint: fingerprint(content),
    snapshot: snapshot as unknown as JsonObject,
  };
}

export function toObservation(c: Campaign, now: Date): Observation {
  return { externalId: String(c.id), found: true, live: isLive(c, now), status: c.status, fingerprint: campaignFingerprint(c), scheduledAt: null };
}

export function missingObservation(externalId: string): Observation {
  return { externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null };
}
