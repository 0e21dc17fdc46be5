// Meta Marketing API (Facebook / Instagram ads): pauses live campaigns by flipping their own
// status ACTIVE → PAUSED, and back. See README.md for the facts this rests on.
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { wallTime, type PacerTime } from '../kit/pacer.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusedConnection } from '../kit/refused-connection.js';
import type { Clock, PlatformAdapter } from '../types.js';
import { ACCESS_TIERS, metaAdsSettingsSchema, normalizeAccountId, type AccessTier, type MetaAdsSettings } from './adapter-settings.js';
import { metaAdsOperations, PLATFORM } from './operations.js';
import { metaSignals } from './signals.js';

export type { MetaAdsSettings } from './adapter-settings.js';

/**
 * What Meta allows one connection, by the app's access tier: the real-time points limit of each
 * ad account (reads 1, writes 3), and a few requests in flight. The hourly Business Use Case
 * budget is not paced: Meta says when it is spent (80004 and the regain time in its headers).
 */
export function metaVendor(tier: AccessTier): VendorDeclaration {
  const limits = ACCESS_TIERS[tier];
  return {
    name: 'Meta',
    baseUrl: 'https://graph.facebook.com',
    buckets: {
      // Keyed by ad account (each request names its account in its charge). Two seconds of
      // margin on a 300-second window: what leaves in time may still arrive a little late.
      points: bucket.points(limits.points, limits.windowMs, {
        jitterMs: 2_000,
        reason: `Meta's ad account points limit (${limits.points.toLocaleString('en')} per ${limits.windowMs / 1000} s, ${limits.label} tier)`,
      }),
      inFlight: bucket.inFlight(4, { reason: '4 requests in flight to Meta', overriddenBy: 'maxInFlight' }),
    },
    signals: metaSignals,
    // Meta's windows last minutes: a call never sits in the pacer, it fails `rate_limited` with
    // the wait, and the core waits it out (recording it on each waiting item) and calls again.
    maxWaitMs: 0,
  };
}

/**
 * Pacing on the connection's clock, the one the core sleeps on between attempts: both agree on
 * when a window has passed (in tests, a clock moved by hand). Never sleeps (maxWaitMs 0).
 */
const onClock = (clock: Clock): PacerTime => ({ now: () => clock.now().getTime(), sleep: wallTime.sleep });

export const metaAds: PlatformAdapter<MetaAdsSettings> = {
  platform: 'meta-ads',
  displayName: 'Meta Ads (Facebook & Instagram)',
  capabilities: [{ kind: 'ad', method: 'status', objectType: 'campaign' }],
  bulk: ACCESS_TIERS.standard.bulk,
  // A development-tier app cannot afford a batch of 50 writes (150 points in a 60-point window).
  bulkFor: (settings) => ACCESS_TIERS[settings?.accessTier ?? 'standard'].bulk,
  concurrency: 2,
  minLeadMs: 0,
  // A system user's access token; the app secret when the app has "Require App Secret" on.
  credentialKeys: ['accessToken'],
  optionalCredentialKeys: ['appSecret'],
  accountIds: { required: true, label: 'ad account ids' },
  settingsSchema: metaAdsSettingsSchema,
  // Campaigns have no send time: nothing to round.
  normalizeScheduleTime: (at) => new Date(at.getTime()),

  connect(ctx) {
    const token = ctx.credentials.accessToken ?? '';
    const settings = metaAdsSettingsSchema.safeParse(ctx.settings ?? {});
    const accountIds = ctx.accountIds.map(normalizeAccountId);
    if (token === '') return refusedConnection(PLATFORM, 'unauthorized', 'no accessToken configured');
    if (accountIds.length === 0 || accountIds.some((a) => a === null)) return refusedConnection(PLATFORM, 'invalid_request', 'ad account ids must look like act_123 or 123');
    if (!settings.success) return refusedConnection(PLATFORM, 'invalid_request', 'invalid settings (apiVersion like v25.0, pageSize 1..500, accessTier development or standard)');
    const { apiVersion, pageSize, accessTier } = settings.data;
    // The token (and appsecret_proof) in the batch's form body, never in a URL; reads carry it
    // as a Bearer header and the proof in the query (auth.formToken).
    const client = createVendorClient(ctx, metaVendor(accessTier), {
      auth: auth.formToken(token, { appSecret: ctx.credentials.appSecret || undefined }),
      time: onClock(ctx.clock),
    });
    return metaAdsOperations({ client, version: apiVersion }, { accountIds: accountIds as string[], pageSize, bulk: ACCESS_TIERS[accessTier].bulk });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createMetaAdsSimulator,
};
