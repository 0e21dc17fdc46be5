// Mailchimp Marketing API v3.0: scheduled campaigns (unschedule → draft, schedule again later),
// RSS campaigns and classic automations (true pause / resume, same ids). See README.md.
import type { PlatformAdapter } from '../types.js';
import { connectMailchimp } from './client.js';
import { CAPABILITIES } from './mappers.js';
import { MIN_LEAD_MS, nextQuarterHour, TIMEWARP_LEAD_MS } from './schedule-time.js';
import { mailchimpSettingsSchema, type MailchimpSettings } from './settings.js';

export type { MailchimpSettings } from './settings.js';

export const mailchimp: PlatformAdapter<MailchimpSettings> = {
  platform: 'mailchimp',
  displayName: 'Mailchimp',
  capabilities: [CAPABILITIES.campaign, CAPABILITIES.rss, CAPABILITIES.automation],
  // One object per call: /3.0/batches exists but runs asynchronously (poll, then fetch a tar.gz
  // of results), which cannot give per-item outcomes within one call.
  bulk: { suspend: 1, restore: 1, inspect: 1 },
  // Each lane has one request in flight; the client caps the connection at 10 (its limit).
  concurrency: 8,
  minLeadMs: MIN_LEAD_MS,
  leadTimeMs: (item) => (item.snapshot.timewarp === true ? TIMEWARP_LEAD_MS : MIN_LEAD_MS),
  credentialKeys: ['apiKey'],
  accountIds: { required: false, label: 'audience (list) ids' },
  settingsSchema: mailchimpSettingsSchema,
  normalizeScheduleTime: nextQuarterHour,
  connect: connectMailchimp,
  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => {
    const { MailchimpSimulator } = await import('./simulator.js');
    return (options) => new MailchimpSimulator(options);
  },
};
