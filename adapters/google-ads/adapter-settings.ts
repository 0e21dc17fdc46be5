// A Google Ads connection's settings, the developer token's access levels, and how customer ids
// are written.
import { z } from 'zod';
import type { BulkSizes } from '../types.js';

/**
 * The REST version is pinned to the protos we check against (test/specs/google-ads, v25).
 * Google ships a major version about every quarter and sunsets each about a year later
 * (https://developers.google.com/google-ads/api/docs/sunset-dates).
 */
export const API_VERSION = 'v25';

export const ACCESS_LEVEL_NAMES = ['test', 'explorer', 'basic', 'standard'] as const;
export type AccessLevel = (typeof ACCESS_LEVEL_NAMES)[number];

export interface LevelLimits {
  label: string;
  /** operations per sliding 24 hours for the developer token; null = unlimited */
  operationsPerDay: number | null;
  bulk: BulkSizes;
}

/**
 * "Per day is based on a sliding 24 hour time period" and each mutated item counts as one
 * operation, a query as one whatever its pages (https://developers.google.com/google-ads/api/docs/api-policy/access-levels,
 * …/api-policy/rate-sheet). Explorer: 2,880 a day against production accounts (platforms.md §0).
 *
 * Bulk: Google takes up to 10,000 operations a mutate request (TOO_MANY_MUTATE_OPERATIONS).
 * A smaller batch lets a pause use what is left of a small quota instead of waiting a whole
 * day for room for one big request.
 */
export const ACCESS_LEVELS: Readonly<Record<AccessLevel, LevelLimits>> = {
  test: { label: 'Test account access', operationsPerDay: 15_000, bulk: { suspend: 1_000, restore: 1_000, inspect: 1_000 } },
  explorer: { label: 'Explorer access', operationsPerDay: 2_880, bulk: { suspend: 100, restore: 100, inspect: 1_000 } },
  basic: { label: 'Basic access', operationsPerDay: 15_000, bulk: { suspend: 1_000, restore: 1_000, inspect: 1_000 } },
  standard: { label: 'Standard access', operationsPerDay: null, bulk: { suspend: 10_000, restore: 10_000, inspect: 1_000 } },
};

/** Ten digits, as Google writes them without dashes (`123-456-7890` in the UI). */
export function normalizeCustomerId(raw: string): string | null {
  const digits = raw.trim().replace(/-/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

export const googleAdsSettingsSchema = z.object({
  /** the developer token's access level: its daily operations quota and the bulk sizes */
  accessLevel: z.enum(ACCESS_LEVEL_NAMES).default('basic'),
  /** the manager (MCC) account the OAuth user reaches the customers through; sent as login-customer-id */
  loginCustomerId: z
    .string()
    .refine((v) => normalizeCustomerId(v) !== null, 'ten digits, dashes allowed')
    .optional(),
  /** Google's OAuth token endpoint; the sandbox points it at the simulator */
  oauthTokenUrl: z.url().optional(),
});

export type GoogleAdsSettings = z.infer<typeof googleAdsSettingsSchema>;

/** Campaign ids are int64 digits; anything else must never reach a resource name or a query. */
export const isCampaignId = (id: string): boolean => /^\d{1,19}$/.test(id);
