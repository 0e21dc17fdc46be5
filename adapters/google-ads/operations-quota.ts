// The daily operations quota of the developer token's access level, planned for: what a pause or
// a resume of n campaigns costs, whether it fits now, and when it would finish if not.
// https://developers.google.com/google-ads/api/docs/api-policy/access-levels
import type { QuotaForecast, QuotaNeed } from '../types.js';
import type { BucketUsage } from '../kit/pacer.js';
import type { LevelLimits } from './adapter-settings.js';

const DAY = 86_400_000;

export interface QuotaScope {
  level: LevelLimits;
  customers: number;
  /** the `operations` bucket as it stands, null before the first call (nothing counted yet) */
  usage(): BucketUsage | null;
  now(): Date;
}

/**
 * Operations: each campaign paused or enabled is one; a suspend also lists (one query per
 * customer), a resume reads back (one query per customer per 1,000 campaigns, the inspect bulk).
 */
export function operationsNeeded(need: QuotaNeed, scope: Pick<QuotaScope, 'customers' | 'level'>): number {
  if (need.items <= 0) return 0;
  const reads = need.operation === 'suspend' ? scope.customers : Math.ceil(need.items / scope.level.bulk.inspect) * scope.customers;
  return need.items + reads;
}

export function forecast(need: QuotaNeed, scope: QuotaScope): QuotaForecast {
  const now = scope.now();
  const requests = operationsNeeded(need, scope);
  const limit = scope.level.operationsPerDay;
  if (limit === null) {
    return { requests, allowedNow: requests, fitsNow: true, finishesAt: now, limits: `Google Ads ${scope.level.label}: no daily operations limit` };
  }
  const usage = scope.usage();
  const used = usage?.used ?? 0;
  const allowedNow = Math.max(0, limit - used);
  const limits = `Google Ads ${scope.level.label}: ${limit.toLocaleString('en')} operations per 24 hours for the developer token (each campaign paused or enabled is one, each query one)`;
  if (requests <= allowedNow) return { requests, allowedNow, fitsNow: true, finishesAt: now, limits };
  // The first `limit` fit once what is counted now has left the 24-hour window; every further
  // `limit` takes one more day.
  const firstWait = usage ? usage.waitFor(Math.min(requests, limit)) : 0;
  const moreDays = Math.ceil(Math.max(0, requests - limit) / limit);
  return { requests, allowedNow, fitsNow: false, finishesAt: new Date(now.getTime() + firstWait + moreDays * DAY), limits };
}
