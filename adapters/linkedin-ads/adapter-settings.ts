// A LinkedIn ads connection's settings, and how ad account and campaign ids are written.
import { z } from 'zod';

/**
 * `LinkedIn-Version` (YYYYMM). LinkedIn ships a Marketing version every month and retires each
 * about a year later: 202406 and older are sunset (platforms.md §0), and retired versions answer
 * 426 NONEXISTENT_VERSION "Requested version … is not active" (seen for 202409, 202411 and 202504
 * within about twelve months of their release). 202610 is the version of the reference pages
 * our fixture was read from (test/specs/linkedin/operations.json) and stays active until about
 * October 2027; a connection can name a newer one without a code change.
 * https://learn.microsoft.com/en-us/linkedin/marketing/versioning
 */
export const DEFAULT_API_VERSION = '202610';
/** The newest version known sunset (platforms.md §0): never send it or anything older. */
export const LAST_SUNSET_VERSION = '202406';

export const linkedInAdsSettingsSchema = z.object({
  apiVersion: z
    .string()
    .regex(/^20\d{2}(0[1-9]|1[0-2])$/, 'a LinkedIn-Version such as 202610 (YYYYMM)')
    .refine((v) => v > LAST_SUNSET_VERSION, `versions ${LAST_SUNSET_VERSION} and older are sunset`)
    .default(DEFAULT_API_VERSION),
  /**
   * Campaigns per search page (`pageSize`). LinkedIn's search finders page with pageSize /
   * pageToken since 202401; default 100, and we never ask for more than 1,000 (the cap of
   * LinkedIn's `count` on non-search finders, the only bound its pages state).
   */
  pageSize: z.number().int().min(1).max(1000).default(100),
});

export type LinkedInAdsSettings = z.infer<typeof linkedInAdsSettingsSchema>;

/** Ad account ids are numbers; people copy them as digits or as `urn:li:sponsoredAccount:123`. */
export function normalizeAccountId(raw: string): string | null {
  const match = /^(?:urn:li:sponsoredAccount:)?(\d{1,19})$/.exec(raw.trim());
  return match ? match[1]! : null;
}

export const accountUrn = (id: string): string => `urn:li:sponsoredAccount:${id}`;

/** Campaign ids are longs: anything else must never reach a path or a Rest.li list. */
export function isCampaignId(id: string): boolean {
  return /^\d{1,19}$/.test(id);
}
