// The quota forecast (AdapterClient.quota): Buffer's limits are tiny (100 requests per 15
// minutes; 100 to 500 per day by plan), so a pause's dry run says whether the pause fits in what
// is left now, and when its last request could go if not. Counted at the bulk sizes, listing
// included; from what this client already sent (the kit's pacer), not from other clients.
import type { QuotaForecast, QuotaNeed } from '../types.js';
import { limitsInWords, type Plan } from './adapter-settings.js';
import type { BufferApi } from './api.js';

export interface QuotaScope {
  plan: Plan;
  organizationIds: readonly string[];
  pageSize: number;
  bulk: { suspend: number; restore: number };
}

/** Requests an operation on `items` posts costs: listing (account, channels, pages) and the writes. */
export function requestsFor(need: QuotaNeed, scope: QuotaScope): number {
  const writes = Math.ceil(need.items / scope.bulk[need.operation]);
  if (need.operation === 'restore') return writes;
  const orgs = Math.max(1, scope.organizationIds.length);
  const account = scope.organizationIds.length === 0 ? 1 : 0;
  // Each organization: its channels, and at least one page of posts.
  const listing = account + orgs + Math.max(orgs, Math.ceil(need.items / scope.pageSize));
  return listing + writes;
}

export function forecastQuota(api: BufferApi, scope: QuotaScope, need: QuotaNeed): QuotaForecast {
  const requests = requestsFor(need, scope);
  const { allowedNow, finishesAt } = api.forecast(requests);
  return { requests, allowedNow, fitsNow: requests <= allowedNow, finishesAt, limits: limitsInWords(scope.plan) };
}
