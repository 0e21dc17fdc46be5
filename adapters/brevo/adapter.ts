// Brevo (ex-Sendinblue) API v3: scheduled email campaigns. A true pause, same id: the campaign's
// status goes `queued` → `suspended` (PUT /emailCampaigns/{id}/status), and back on schedule by
// giving it its send time again (PUT /emailCampaigns/{id} with scheduledAt). See README.md.
import { auth } from '../kit/auth.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusingClient } from '../kit/refused-connection.js';
import type { PlatformAdapter } from '../types.js';
import { brevoSettingsSchema, bucketsFor, targetOf, type BrevoSettings } from './adapter-settings.js';
import { CAPABILITY, MIN_LEAD_MS } from './mappers.js';
import { BULK, brevoOperations } from './operations.js';
import { brevoSignals } from './signals.js';

export type { BrevoSettings } from './adapter-settings.js';

export const BREVO: VendorDeclaration = {
  name: 'Brevo',
  baseUrl: 'https://api.brevo.com',
  // The General tier (every plan); a connection's `rateLimitTier` replaces it in `connect`.
  buckets: bucketsFor('general'),
  signals: brevoSignals,
};

export const brevo: PlatformAdapter<BrevoSettings> = {
  platform: 'brevo',
  displayName: 'Brevo',
  capabilities: [CAPABILITY],
  // No bulk endpoint: one status change, reschedule or read per campaign.
  bulk: BULK,
  // Two lanes: the hourly limit, not latency, sets the pace (100 requests/hour on most plans).
  concurrency: 2,
  minLeadMs: MIN_LEAD_MS,
  // The API key, sent as the `api-key` header (securityDefinitions.api-key of the swagger).
  credentialKeys: ['apiKey'],
  // Optional: contact list ids; the connection then covers only campaigns sent to them.
  accountIds: { required: false, label: 'contact list ids' },
  settingsSchema: brevoSettingsSchema,
  // Brevo takes any instant (YYYY-MM-DDTHH:mm:ss.SSSZ): a time is kept exactly as it was.
  normalizeScheduleTime: (at) => new Date(at.getTime()),

  // Never throws: a missing key or unusable settings fail each call instead (the core reports a
  // connection whose calls fail, and a crisis pause goes on on the other platforms).
  connect(ctx) {
    const apiKey = ctx.credentials.apiKey ?? '';
    const target = targetOf(apiKey, ctx.settings, ctx.accountIds);
    const tier = 'settings' in target ? target.settings.rateLimitTier : 'general';
    const client = createVendorClient(ctx, { ...BREVO, buckets: bucketsFor(tier) }, { auth: auth.header('api-key', apiKey) });
    if ('problem' in target) return brevoOperations(refusingClient(client, target.problem), { pageSize: 1, listIds: [] }, tier);
    return brevoOperations(client, { pageSize: target.settings.pageSize, listIds: target.listIds }, tier);
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createBrevoSimulator,
};
