// TikTok API for Business (Marketing API v1.3): pauses enabled campaigns by switching their
// operation status ENABLE → DISABLE, and back. Never DELETE. See README.md for the facts this
// rests on.
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusedConnection } from '../kit/refused-connection.js';
import type { PlatformAdapter } from '../types.js';
import { ENVIRONMENTS, isTiktokId, limitsFor, tiktokAdsSettingsSchema, type TiktokAdsSettings } from './adapter-settings.js';
import { BULK, PLATFORM, tiktokAdsOperations } from './operations.js';
import { tiktokSignals } from './signals.js';

export type { TiktokAdsSettings } from './adapter-settings.js';

/**
 * What TikTok allows the app, by its rate-limit level (adapter-settings.ts): per second, per
 * minute, per day. A throttled call (40100…) says how long to stay away; the core waits it out.
 */
export function tiktokVendor(settings: TiktokAdsSettings): VendorDeclaration {
  const { qps, qpm, qpd } = limitsFor(settings);
  const level = settings.environment === 'sandbox' ? 'sandbox' : settings.rateLevel;
  return {
    name: 'TikTok',
    baseUrl: ENVIRONMENTS[settings.environment],
    buckets: {
      perSecond: bucket.perSecond(qps, { jitterMs: 100, reason: `TikTok's ${qps} requests/s per app (${level})`, overriddenBy: 'requestsPerSecond' }),
      perMinute: bucket.requests(qpm, 60_000, { jitterMs: 500, reason: `TikTok's ${qpm} requests/min per app (${level})` }),
      daily: bucket.daily(qpd, { reason: `TikTok's ${qpd.toLocaleString('en')} requests/day per app (${level})` }),
    },
    signals: tiktokSignals,
  };
}

export const tiktokAds: PlatformAdapter<TiktokAdsSettings> = {
  platform: 'tiktok-ads',
  displayName: 'TikTok Ads',
  capabilities: [{ kind: 'ad', method: 'status', objectType: 'campaign' }],
  bulk: BULK,
  concurrency: 2,
  minLeadMs: 0,
  // A long-term advertiser access token (README: how a person gets one).
  credentialKeys: ['accessToken'],
  accountIds: { required: true, label: 'advertiser ids' },
  settingsSchema: tiktokAdsSettingsSchema,
  // Campaigns have no send time: nothing to round.
  normalizeScheduleTime: (at) => new Date(at.getTime()),

  connect(ctx) {
    const token = ctx.credentials.accessToken ?? '';
    const settings = tiktokAdsSettingsSchema.safeParse(ctx.settings ?? {});
    if (token === '') return refusedConnection(PLATFORM, 'unauthorized', 'no accessToken configured');
    if (ctx.accountIds.length === 0 || !ctx.accountIds.every((id) => isTiktokId(id.trim()))) return refusedConnection(PLATFORM, 'invalid_request', 'advertiser ids must be numbers such as 7301234567890123456');
    if (!settings.success) return refusedConnection(PLATFORM, 'invalid_request', 'invalid settings (environment production or sandbox, rateLevel basic…ultimate, pageSize 1..1000)');
    // The token goes in TikTok's own `Access-Token` header, never in a URL.
    const client = createVendorClient(ctx, tiktokVendor(settings.data), { auth: auth.header('Access-Token', token) });
    return tiktokAdsOperations(client, { advertiserIds: ctx.accountIds.map((id) => id.trim()), pageSize: settings.data.pageSize });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createTiktokAdsSimulator,
};
