// A Meta ads connection's settings, Meta's access tiers and how ad account ids are written.
import { z } from 'zod';
import type { BulkSizes } from '../types.js';

/**
 * The Graph API version is pinned: Meta ships a version roughly every quarter and retires each
 * about two years later (https://developers.facebook.com/docs/graph-api/changelog). The default
 * follows the vendor spec we check against (`test/specs/meta/version.txt`).
 */
export const DEFAULT_API_VERSION = 'v25.0';

export const ACCESS_TIER_NAMES = ['development', 'standard'] as const;
export type AccessTier = (typeof ACCESS_TIER_NAMES)[number];

/**
 * "Each Marketing API call is assigned a score … a read API call is equal to 1 point, and a
 * write API call is equal to 3 points" — per ad account, in real time
 * (https://developers.facebook.com/docs/marketing-apis/rate-limiting, "Ad Account Level
 * API-Level Limits"). Each call in a Graph batch is counted on its own (batch-requests#limits).
 */
export const READ_POINTS = 1;
export const WRITE_POINTS = 3;

export interface TierLimits {
  /** for people: Meta renamed the tiers Limited / Full in May 2026 */
  label: string;
  /** the maximum score per ad account … */
  points: number;
  /** … decaying over this window … */
  windowMs: number;
  /** … and blocked this long once reached */
  blockMs: number;
  /** `ads_api_access_tier` in Meta's usage headers */
  headerValue: string;
  /** the ads_management Business Use Case budget per ad account per hour, before + 40 × active ads */
  hourlyBase: number;
  /** calls sized to fit the points window (below) */
  bulk: BulkSizes;
}

/**
 * Development ("Limited") tier: 60 points per 300 s, then blocked 300 s; Standard ("Full"):
 * 9,000 per 300 s, then blocked 60 s (the rate-limiting page above). Hourly BUC budgets: "(100000
 * if your app is in the Standard tier or 300 if your app is in the Dev tier) + 40 * Num of
 * Active ads" (same page, ads_management).
 *
 * Bulk follows the tier: a Graph batch of 50 status writes costs 150 points and can never fit
 * the 60-point development window. Ten writes (30 points) are half a window, so the reads
 * around them (a listing page, a read-back) fit beside a batch; a multiple-id read is counted a
 * point per id (our reading, see README), so inspect takes ten ids too.
 */
export const ACCESS_TIERS: Readonly<Record<AccessTier, TierLimits>> = {
  development: {
    label: 'development (Limited)',
    points: 60,
    windowMs: 300_000,
    blockMs: 300_000,
    headerValue: 'development_access',
    hourlyBase: 300,
    bulk: { suspend: 10, restore: 10, inspect: 10 },
  },
  standard: {
    label: 'standard (Full)',
    points: 9_000,
    windowMs: 300_000,
    blockMs: 60_000,
    headerValue: 'standard_access',
    hourlyBase: 100_000,
    // Graph batches take at most 50 requests (batch-requests#limits).
    bulk: { suspend: 50, restore: 50, inspect: 50 },
  },
};

export const metaAdsSettingsSchema = z.object({
  apiVersion: z
    .string()
    .regex(/^v\d+\.0$/, 'a Graph API version such as v25.0')
    .default(DEFAULT_API_VERSION),
  /** campaigns per listing page (Graph `limit`) */
  pageSize: z.number().int().min(1).max(500).default(100),
  /** the app's Marketing API access tier: it sets the points limit we pace to and the bulk sizes */
  accessTier: z.enum(ACCESS_TIER_NAMES).default('standard'),
});

export type MetaAdsSettings = z.infer<typeof metaAdsSettingsSchema>;

/** Ad account ids are written `act_<digits>` in Graph paths; people often copy only the digits. */
export function normalizeAccountId(raw: string): string | null {
  const match = /^(?:act_)?(\d+)$/.exec(raw.trim());
  return match ? `act_${match[1]}` : null;
}

/** Campaign ids are numeric; anything else must never reach a Graph path or a batch relative_url. */
export function isGraphId(id: string): boolean {
  return /^\d+$/.test(id);
}
