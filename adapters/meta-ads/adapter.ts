// Meta Marketing API (Facebook / Instagram ads): pauses live campaigns by flipping their own
// status ACTIVE → PAUSED, and back. See README.md for the facts this rests on.
import type { PlatformAdapter } from '../types.js';
import { createMetaAdsClient } from './client.js';
import { metaAdsSettingsSchema, type MetaAdsSettings } from './settings.js';

export type { MetaAdsSettings } from './settings.js';

export const metaAds: PlatformAdapter<MetaAdsSettings> = {
  platform: 'meta-ads',
  displayName: 'Meta Ads (Facebook & Instagram)',
  capabilities: [{ kind: 'ad', method: 'status', objectType: 'campaign' }],
  // Graph batch requests take at most 50 sub-requests.
  bulk: { suspend: 50, restore: 50, inspect: 50 },
  concurrency: 2,
  minLeadMs: 0,
  credentialKeys: ['accessToken'],
  accountIds: { required: true, label: 'ad account ids' },
  settingsSchema: metaAdsSettingsSchema,
  // Campaigns have no send time: nothing to round.
  normalizeScheduleTime: (at) => new Date(at.getTime()),
  connect: (ctx) => createMetaAdsClient(ctx),
  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => {
    const { MetaAdsSimulator } = await import('./simulator.js');
    return (options) => new MetaAdsSimulator(options);
  },
};
