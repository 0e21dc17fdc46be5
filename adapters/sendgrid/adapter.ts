// Twilio SendGrid v3 Marketing Campaigns: scheduled Single Sends. Suspending deletes the schedule
// (the Single Send goes back to draft, same id; we keep its send_at), restoring schedules it again
// at that time. Never the Mail Send batch `cancel` nor a delete (invariant 9). See README.md.
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusingClient } from '../kit/refused-connection.js';
import type { Clock, PlatformAdapter } from '../types.js';
import { sendgridSettingsSchema, targetOf, type SendGridSettings } from './adapter-settings.js';
import { CAPABILITY, MIN_LEAD_MS } from './mappers.js';
import { BULK, sendgridOperations } from './operations.js';
import { sendgridSignals } from './signals.js';

export type { SendGridSettings } from './adapter-settings.js';

/**
 * SendGrid limits each v3 endpoint to "a specific number of allowed requests per refresh period",
 * says how many in `X-RateLimit-Limit` and answers 429 beyond it
 * (https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits).
 * The number is not published per endpoint; 600 a minute is the v3 default seen on its answers
 * (README, "facts settled"). We pace below it, spread over the minute, and honour the 429's
 * `X-RateLimit-Reset` (signals.ts) should an endpoint be stricter.
 */
export function sendgridVendor(clock: Clock): VendorDeclaration {
  return {
    name: 'SendGrid',
    baseUrl: 'https://api.sendgrid.com',
    buckets: {
      perMinute: bucket.requests(600, 60_000, { jitterMs: 1_000, reason: "SendGrid's 600 requests per minute", overriddenBy: 'requestsPerSecond' }),
      perSecond: bucket.perSecond(10, { jitterMs: 100, reason: "SendGrid's 600 requests per minute, spread over the minute", overriddenBy: 'requestsPerSecond' }),
    },
    signals: sendgridSignals(clock),
  };
}

export const sendgrid: PlatformAdapter<SendGridSettings> = {
  platform: 'sendgrid',
  displayName: 'SendGrid',
  capabilities: [CAPABILITY],
  // No bulk schedule endpoint: one DELETE or PUT per Single Send.
  bulk: BULK,
  concurrency: 4,
  minLeadMs: MIN_LEAD_MS,
  credentialKeys: ['apiKey'],
  // One API key is one SendGrid account (or subuser); a brand sharing it is told by its lists.
  accountIds: { required: false, label: 'contact list ids (empty: every Single Send of the account)' },
  settingsSchema: sendgridSettingsSchema,
  // SendGrid takes any ISO 8601 time (its example has milliseconds): the time is kept as it is,
  // so a Single Send goes back to exactly the send_at it had.
  normalizeScheduleTime: (at) => new Date(at.getTime()),

  // Never throws: a missing key or unusable settings fail each call instead.
  connect(ctx) {
    const apiKey = ctx.credentials.apiKey ?? '';
    const target = targetOf(apiKey, ctx.settings, ctx.baseUrl);
    const vendor = sendgridVendor(ctx.clock);
    const baseUrl = 'baseUrl' in target ? target.baseUrl : vendor.baseUrl;
    // "The API key must be sent as a bearer token in the Authorization header" (securitySchemes.BearerAuth).
    const client = createVendorClient({ ...ctx, baseUrl }, vendor, { auth: auth.bearer(apiKey) });
    if ('problem' in target) return sendgridOperations(refusingClient(client, target.problem), { pageSize: 1, listIds: [] });
    return sendgridOperations(client, { pageSize: target.settings.pageSize, listIds: ctx.accountIds });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createSendGridSimulator,
};
