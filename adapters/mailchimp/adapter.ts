// Mailchimp Marketing API v3.0: scheduled campaigns (unschedule → draft, schedule again later),
// RSS campaigns and classic automations (true pause / resume, same ids). See README.md.
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusingClient } from '../kit/refused-connection.js';
import type { PlatformAdapter } from '../types.js';
import { mailchimpSettingsSchema, targetOf, type MailchimpSettings } from './adapter-settings.js';
import { CAPABILITIES, leadTimeMs } from './mappers.js';
import { MIN_LEAD_MS, nextQuarterHour } from './mappers-time.js';
import { BULK, mailchimpOperations } from './operations.js';
import { mailchimpSignals } from './signals.js';

export type { MailchimpSettings } from './adapter-settings.js';

/**
 * Mailchimp allows 10 simultaneous connections per account and answers a 429 beyond them; it
 * sets no request-rate limit (https://mailchimp.com/developer/marketing/docs/fundamentals/#api-limits).
 */
export const MAILCHIMP: VendorDeclaration = {
  name: 'Mailchimp',
  // Each account has its own data center: `connect` always supplies https://<dc>.api.mailchimp.com.
  baseUrl: 'https://us1.api.mailchimp.com',
  buckets: {
    connections: bucket.inFlight(10, { reason: "Mailchimp's 10 simultaneous connections per account", overriddenBy: 'maxInFlight' }),
  },
  signals: mailchimpSignals,
};

export const mailchimp: PlatformAdapter<MailchimpSettings> = {
  platform: 'mailchimp',
  displayName: 'Mailchimp',
  capabilities: [CAPABILITIES.campaign, CAPABILITIES.rss, CAPABILITIES.automation],
  bulk: BULK,
  // Ten lanes for Mailchimp's 10 simultaneous connections: a suspend or restore of a campaign is
  // one request. Where a lane sends more at once (an automation's workflow and emails, an
  // inspect's pages) the in-flight bucket still holds the connection at 10.
  concurrency: 10,
  minLeadMs: MIN_LEAD_MS,
  // Timewarp campaigns: 24 hours (mappers-time.ts).
  leadTimeMs,
  credentialKeys: ['apiKey'],
  accountIds: { required: false, label: 'audience (list) ids' },
  settingsSchema: mailchimpSettingsSchema,
  normalizeScheduleTime: nextQuarterHour,

  // Never throws: a missing key or an unusable data center fails each call instead (the core
  // reports a connection whose calls fail, and a crisis pause goes on on the other platforms).
  connect(ctx) {
    const apiKey = ctx.credentials.apiKey ?? '';
    const target = targetOf(apiKey, ctx.settings, ctx.baseUrl);
    // HTTP Basic, any user name, the key as password (the SDK's `request.auth('user', apiKey)`).
    const client = createVendorClient({ ...ctx, baseUrl: 'baseUrl' in target ? target.baseUrl : MAILCHIMP.baseUrl }, MAILCHIMP, { auth: auth.basic('crisis-pause', apiKey) });
    if ('problem' in target) return mailchimpOperations(refusingClient(client, target.problem), { pageSize: 1, listIds: ctx.accountIds });
    return mailchimpOperations(client, { pageSize: target.settings.pageSize, listIds: ctx.accountIds });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createMailchimpSimulator,
};
