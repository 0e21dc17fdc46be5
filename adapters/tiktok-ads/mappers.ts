// Vendor ⇄ domain for TikTok campaigns, and THE fingerprint projection shared with the simulator.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { JsonObject, LiveItem, Observation } from '../types.js';
import type { Campaign } from './schemas.js';

export const OBJECT_TYPE = 'campaign';

/**
 * The fields every campaign read asks for (`fields`, a JSON array). All are fields of the
 * vendor file's response rule for campaign reads (test/specs/tiktok/smart_plus_campaign_get.yml).
 */
export const CAMPAIGN_FIELDS = [
  'campaign_id',
  'advertiser_id',
  'campaign_name',
  'objective_type',
  'operation_status',
  'secondary_status',
  'budget',
  'budget_mode',
  'budget_optimize_on',
  'special_industries',
  'create_time',
  'modify_time',
] as const;

/**
 * The only operation statuses the adapter ever sends. DELETE is irreversible ("the status of
 * deleted ads cannot be modified"): never sent (invariant 9), whatever a caller passes.
 */
export const WRITABLE_STATUSES = ['ENABLE', 'DISABLE'] as const;
export type WritableStatus = (typeof WRITABLE_STATUSES)[number];
export const isWritableStatus = (s: unknown): s is WritableStatus => s === 'ENABLE' || s === 'DISABLE';

/** A deleted campaign keeps answering reads (secondary status CAMPAIGN_STATUS_DELETE): it is gone for us. */
export function isDeleted(c: Pick<Campaign, 'operation_status' | 'secondary_status'>): boolean {
  return c.operation_status === 'DELETE' || c.secondary_status === 'CAMPAIGN_STATUS_DELETE';
}

/** Live = its own switch is ENABLE (whatever TikTok derives: out of budget today still spends tomorrow). */
export function isLive(c: Pick<Campaign, 'operation_status' | 'secondary_status'>): boolean {
  return c.operation_status === 'ENABLE' && !isDeleted(c);
}

type Content = Pick<Campaign, 'campaign_name' | 'objective_type' | 'budget' | 'budget_mode' | 'budget_optimize_on' | 'special_industries'>;

/** What a restore must preserve: name, objective, budget and its mode, special industries. Never the id or a status. */
export function contentOf(c: Content): JsonObject {
  return {
    name: c.campaign_name ?? null,
    objective: c.objective_type ?? null,
    budget: c.budget ?? null,
    budgetMode: c.budget_mode ?? null,
    budgetOptimizeOn: c.budget_optimize_on ?? null,
    // a set: order carries no meaning, so it must not cause false drift
    specialIndustries: [...(c.special_industries ?? [])].sort(),
  };
}

export const campaignFingerprint = (c: Content): string => fingerprint(contentOf(c));

/** Opaque to the core; parsed back only here. */
export const snapshotSchema = z.object({
  schema: z.literal('tiktok-ads/campaign@1'),
  advertiserId: z.string(),
  operationStatus: z.string(),
  secondaryStatus: z.string().nullable(),
  content: z.record(z.string(), z.unknown()),
});
export type CampaignSnapshot = z.infer<typeof snapshotSchema>;

export function toLiveItem(c: Campaign, advertiserId: string): LiveItem {
  const content = contentOf(c);
  const snapshot: CampaignSnapshot = {
    schema: 'tiktok-ads/campaign@1',
    advertiserId,
    operationStatus: c.operation_status,
    secondaryStatus: c.secondary_status ?? null,
    content,
  };
  return {
    externalId: c.campaign_id,
    kind: 'ad',
    method: 'status',
    objectType: OBJECT_TYPE,
    title: c.campaign_name ?? `Campaign ${c.campaign_id}`,
    status: c.operation_status,
    scheduledAt: null, // campaigns have no send time; ad groups carry the schedules
    fingerprint: fingerprint(content),
    snapshot: snapshot as unknown as JsonObject,
  };
}

/** A deleted campaign is reported missing: TikTok cannot bring it back (absentMeans: gone). */
export function toObservation(c: Campaign): Observation {
  if (isDeleted(c)) return missingObservation(c.campaign_id);
  return { externalId: c.campaign_id, found: true, live: isLive(c), status: c.operation_status, fingerprint: campaignFingerprint(c), scheduledAt: null };
}

export function missingObservation(externalId: string): Observation {
  return { externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null };
}
