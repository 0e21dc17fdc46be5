// LinkedIn Marketing API (sponsored content and other LinkedIn ads): pauses live campaigns by
// flipping their status ACTIVE → PAUSED with Rest.li BATCH_PARTIAL_UPDATE, and back. Same id.
// See README.md for the facts this rests on.
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusedConnection } from '../kit/refused-connection.js';
import type { BulkSizes, PlatformAdapter } from '../types.js';
import { linkedInAdsSettingsSchema, normalizeAccountId, type LinkedInAdsSettings } from './adapter-settings.js';
import { MAX_BATCH } from './api.js';
import { linkedInAdsOperations, PLATFORM } from './operations.js';
import { linkedInSignals } from './signals.js';

export type { LinkedInAdsSettings } from './adapter-settings.js';

const BULK: BulkSizes = { suspend: MAX_BATCH, restore: MAX_BATCH, inspect: MAX_BATCH };

/**
 * LinkedIn publishes no per-second limit, only daily limits per application and per member per
 * endpoint, unpublished (each app reads its own in the Developer Portal, Analytics tab) and reset
 * at 00:00 UTC. We keep to a gentle 10 requests/s and 4 in flight of our own, so a pause never
 * bursts into LinkedIn's infrastructure protection; the daily limits are LinkedIn's to say (429).
 */
export function linkedInVendor(apiVersion: string, now: () => Date): VendorDeclaration {
  return {
    name: 'LinkedIn',
    baseUrl: 'https://api.linkedin.com',
    buckets: {
      perSecond: bucket.perSecond(10, { jitterMs: 50, reason: 'our own 10 requests/s to LinkedIn (it publishes none)', overriddenBy: 'requestsPerSecond' }),
      inFlight: bucket.inFlight(4, { reason: '4 requests in flight to LinkedIn', overriddenBy: 'maxInFlight' }),
    },
    signals: linkedInSignals(now),
    // Every versioned Marketing API call carries both: without the version LinkedIn answers 426.
    headers: { 'LinkedIn-Version': apiVersion, 'X-Restli-Protocol-Version': '2.0.0' },
  };
}

export const linkedInAds: PlatformAdapter<LinkedInAdsSettings> = {
  platform: 'linkedin-ads',
  displayName: 'LinkedIn Ads',
  capabilities: [{ kind: 'ad', method: 'status', objectType: 'campaign' }],
  bulk: BULK,
  concurrency: 2,
  minLeadMs: 0,
  // A member's OAuth 2.0 access token (3-legged, scope rw_ads) whose member holds a campaign
  // manager role (or higher) on every ad account of the connection.
  credentialKeys: ['accessToken'],
  accountIds: { required: true, label: 'ad account ids' },
  settingsSchema: linkedInAdsSettingsSchema,
  // Campaigns have no send time: nothing to round.
  normalizeScheduleTime: (at) => new Date(at.getTime()),

  connect(ctx) {
    const token = ctx.credentials.accessToken ?? '';
    const settings = linkedInAdsSettingsSchema.safeParse(ctx.settings ?? {});
    const accountIds = ctx.accountIds.map(normalizeAccountId);
    if (token === '') return refusedConnection(PLATFORM, 'unauthorized', 'no accessToken configured');
    if (accountIds.length === 0 || accountIds.some((a) => a === null)) return refusedConnection(PLATFORM, 'invalid_request', 'ad account ids must look like 512345678 or urn:li:sponsoredAccount:512345678');
    if (!settings.success) return refusedConnection(PLATFORM, 'invalid_request', 'invalid settings (apiVersion YYYYMM newer than 202406, pageSize 1..1000)');
    const client = createVendorClient(ctx, linkedInVendor(settings.data.apiVersion, () => ctx.clock.now()), { auth: auth.bearer(token) });
    return linkedInAdsOperations({ client }, { accountIds: [...new Set(accountIds as string[])], pageSize: settings.data.pageSize, bulk: BULK });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createLinkedInAdsSimulator,
};
