// Klaviyo REST API (JSON:API, revision 2026-07-15): scheduled email campaigns (revert the send
// job → Draft, same id; later set the send time again and create a send job) and live flows
// (live ⇄ manual, same id). See README.md.
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusingClient } from '../kit/refused-connection.js';
import type { PlatformAdapter } from '../types.js';
import { klaviyoSettingsSchema, targetOf, type KlaviyoSettings } from './adapter-settings.js';
import { JSON_API, REVISION, type KlaviyoApi, type Tier } from './api.js';
import { CAPABILITIES, leadTimeMs, MIN_LEAD_MS } from './mappers.js';
import { BULK, klaviyoOperations } from './operations.js';
import { klaviyoSignals } from './signals.js';

export type { KlaviyoSettings } from './adapter-settings.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Per account, fixed windows: burst (1 s) and steady (1 min) per endpoint tier
 * (https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling; each endpoint's
 * `x-klaviyo-ratelimit` in the description). Campaign endpoints are M (10/s, 150/m), flow
 * endpoints S (3/s, 60/m). Point buckets, so each request counts in its own tier only.
 */
export const KLAVIYO: VendorDeclaration = {
  name: 'Klaviyo',
  baseUrl: 'https://a.klaviyo.com',
  buckets: {
    campaignsBurst: bucket.points(10, SECOND, { jitterMs: 100, reason: "Klaviyo's campaign endpoints: 10 requests/s" }),
    campaignsSteady: bucket.points(150, MINUTE, { reason: "Klaviyo's campaign endpoints: 150 requests/min" }),
    flowsBurst: bucket.points(3, SECOND, { jitterMs: 100, reason: "Klaviyo's flow endpoints: 3 requests/s" }),
    flowsSteady: bucket.points(60, MINUTE, { reason: "Klaviyo's flow endpoints: 60 requests/min" }),
  },
  signals: klaviyoSignals,
  headers: { Accept: JSON_API },
};

const CHARGES = {
  campaigns: { campaignsBurst: 1, campaignsSteady: 1 },
  flows: { flowsBurst: 1, flowsSteady: 1 },
} as const satisfies Record<Tier, Record<string, number>>;

export const klaviyo: PlatformAdapter<KlaviyoSettings> = {
  platform: 'klaviyo',
  displayName: 'Klaviyo',
  capabilities: [CAPABILITIES.campaign, CAPABILITIES.flow],
  bulk: BULK,
  // Three lanes: the flow tier allows 3 requests a second; campaign writes pace at 10/s anyway.
  concurrency: 3,
  minLeadMs: MIN_LEAD_MS,
  // Local-time sends: 14 hours more (mappers.ts).
  leadTimeMs,
  credentialKeys: ['apiKey'],
  accountIds: { required: false, label: 'Klaviyo account (public API key / site id), for the sandbox seed only' },
  settingsSchema: klaviyoSettingsSchema,
  // Whole minutes, as Klaviyo's scheduler shows them.
  normalizeScheduleTime: (at) => new Date(Math.ceil(at.getTime() / MINUTE) * MINUTE),

  // Never throws: a missing key or unusable settings fail each call instead.
  connect(ctx) {
    const apiKey = ctx.credentials.apiKey ?? '';
    const target = targetOf(apiKey, ctx.settings);
    const client = createVendorClient(ctx, KLAVIYO, { auth: auth.header('Authorization', `Klaviyo-API-Key ${apiKey}`, apiKey) });
    // A configured rate replaces the tiers (tests, a slower account): requests then cost nothing in them.
    const charge = (tier: Tier) => (ctx.limits?.requestsPerSecond === undefined ? CHARGES[tier] : undefined);
    if ('problem' in target) return klaviyoOperations({ client: refusingClient(client, target.problem), revision: REVISION, charge }, { pageSize: 1 });
    const api: KlaviyoApi = { client, revision: target.settings.revision, charge };
    return klaviyoOperations(api, { pageSize: target.settings.pageSize });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createKlaviyoSimulator,
};
