// A TikTok ads connection's settings: which of TikTok's environments it talks to, the app's
// rate-limit level, and how many campaigns a listing page asks for. Advertiser ids are checked here.
import { z } from 'zod';

/**
 * TikTok's two hosts: production, and the sandbox for developer apps' test advertisers
 * (https://business-api.tiktok.com/portal/docs?id=1738855331457026).
 */
export const ENVIRONMENTS = {
  production: 'https://business-api.tiktok.com',
  sandbox: 'https://sandbox-ads.tiktok.com',
} as const;
export type Environment = keyof typeof ENVIRONMENTS;

/** The API version is in every path: /open_api/v1.3/… */
export const API_PREFIX = '/open_api/v1.3';

/**
 * Requests per second / minute / day a developer app may send, by its rate-limit level
 * ("Rate limits", https://business-api.tiktok.com/portal/docs?id=1740029171730433): every app
 * starts at Basic; TikTok raises it one level at a time on request. The sandbox allows 1 / 30 /
 * 1,000 per endpoint whatever the level. The limits are the APP's: connections that share one
 * app share them (lower `limits.requestsPerSecond` in config when several do).
 */
export const RATE_LEVELS = {
  basic: { qps: 10, qpm: 600, qpd: 864_000 },
  advanced: { qps: 20, qpm: 1_200, qpd: 1_728_000 },
  premium: { qps: 30, qpm: 1_800, qpd: 2_592_000 },
  ultimate: { qps: 50, qpm: 3_000, qpd: 4_320_000 },
} as const;
export type RateLevel = keyof typeof RATE_LEVELS;
export const SANDBOX_LIMITS = { qps: 1, qpm: 30, qpd: 1_000 } as const;

export const tiktokAdsSettingsSchema = z.object({
  environment: z.enum(['production', 'sandbox']).default('production'),
  rateLevel: z.enum(['basic', 'advanced', 'premium', 'ultimate']).default('basic'),
  /** campaigns per listing page: /campaign/get/ takes page_size 1–1000 */
  pageSize: z.number().int().min(1).max(1000).default(200),
});
export type TiktokAdsSettings = z.infer<typeof tiktokAdsSettingsSchema>;

export function limitsFor(settings: TiktokAdsSettings): { qps: number; qpm: number; qpd: number } {
  return settings.environment === 'sandbox' ? SANDBOX_LIMITS : RATE_LEVELS[settings.rateLevel];
}

/** Advertiser and campaign ids are int64 numbers written as strings in v1.3 (never sent unchecked). */
export function isTiktokId(id: string): boolean {
  return /^\d{1,19}$/.test(id);
}
