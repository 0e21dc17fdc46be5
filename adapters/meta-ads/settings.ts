// Connection settings and account ids for Meta ads connections.
import { z } from 'zod';

/**
 * The Graph API version is pinned: Meta ships a version roughly every quarter and retires each
 * about two years later (https://developers.facebook.com/docs/graph-api/changelog). The default
 * follows the vendor spec we check against (`specs/meta/version.txt`).
 */
export const DEFAULT_API_VERSION = 'v25.0';

export const metaAdsSettingsSchema = z.object({
  apiVersion: z
    .string()
    .regex(/^v\d+\.0$/, 'a Graph API version such as v25.0')
    .default(DEFAULT_API_VERSION),
  /** campaigns per listing page (Graph `limit`) */
  pageSize: z.number().int().min(1).max(500).default(100),
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
