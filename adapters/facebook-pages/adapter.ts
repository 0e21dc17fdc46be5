// Facebook Pages (Graph API): suspends a Page's scheduled posts by deleting them after their
// full snapshot is stored, and re-creates them scheduled on restore (new ids). Meta offers no
// pause for a scheduled post. See README.md for the facts this rests on.
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusedConnection } from '../kit/refused-connection.js';
import type { PlatformAdapter } from '../types.js';
import { MAX_IMAGE_BYTES } from './api-cdn.js';
import { facebookPagesSettingsSchema, isPageId, type FacebookPagesSettings } from './adapter-settings.js';
import { BULK, facebookPagesOperations, PLATFORM } from './operations.js';
import { facebookPagesSignals } from './signals.js';

export type { FacebookPagesSettings } from './adapter-settings.js';

/**
 * "scheduled_publish_time must be at least 10 minutes in the future" (Meta's error, platforms.md
 * §1.5). Five minutes of margin: the core checks the lead time before the batch leaves, and a
 * batch may wait behind others and Meta's throttles.
 */
export const META_MIN_LEAD_MS = 10 * 60_000;
export const LEAD_MS = META_MIN_LEAD_MS + 5 * 60_000;

/**
 * Pages calls are counted against the Page's Business Use Case budget (4,800 × engaged users
 * per 24 h) which we cannot know ahead: nothing to pace to. Meta says when it is spent (code 32
 * or 80001, with the regain time in its usage headers), and the core waits it out.
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting#pages
 */
export const FACEBOOK_PAGES: VendorDeclaration = {
  name: 'Meta',
  baseUrl: 'https://graph.facebook.com',
  buckets: {
    inFlight: bucket.inFlight(4, { reason: '4 requests in flight to Meta', overriddenBy: 'maxInFlight' }),
  },
  signals: facebookPagesSignals,
};

export const facebookPages: PlatformAdapter<FacebookPagesSettings> = {
  platform: 'facebook-pages',
  displayName: 'Facebook Pages (scheduled posts)',
  capabilities: [{ kind: 'post', method: 'delete', objectType: 'page post' }],
  bulk: BULK,
  concurrency: 2,
  minLeadMs: LEAD_MS,
  // A Page access token (one Page per connection: each Page has its own token); the app secret
  // when the app has "Require App Secret" on.
  credentialKeys: ['accessToken'],
  optionalCredentialKeys: ['appSecret'],
  accountIds: { required: true, label: 'Facebook Page id (one per connection)' },
  settingsSchema: facebookPagesSettingsSchema,
  // scheduled_publish_time is in whole unix seconds: round up, never earlier than asked.
  normalizeScheduleTime: (at) => new Date(Math.ceil(at.getTime() / 1000) * 1000),

  connect(ctx) {
    const token = ctx.credentials.accessToken ?? '';
    const settings = facebookPagesSettingsSchema.safeParse(ctx.settings ?? {});
    const pageIds = ctx.accountIds.map((id) => id.trim());
    if (token === '') return refusedConnection(PLATFORM, 'unauthorized', 'no accessToken configured');
    if (pageIds.length !== 1) return refusedConnection(PLATFORM, 'invalid_request', `one Facebook Page id per connection (a Page access token covers one Page), got ${pageIds.length}`);
    if (!isPageId(pageIds[0]!)) return refusedConnection(PLATFORM, 'invalid_request', 'a Facebook Page id is numeric, like 104180000000001');
    if (!settings.success) return refusedConnection(PLATFORM, 'invalid_request', 'invalid settings (apiVersion like v25.0, pageSize 1..100)');
    // The token (and appsecret_proof) in the batch's form body, never in a URL; reads carry it
    // as a Bearer header and the proof in the query (auth.formToken).
    const client = createVendorClient(ctx, FACEBOOK_PAGES, { auth: auth.formToken(token, { appSecret: ctx.credentials.appSecret || undefined }) });
    const cdn = { graphBase: ctx.baseUrl ?? FACEBOOK_PAGES.baseUrl, timeoutMs: ctx.timeoutMs, maxBytes: MAX_IMAGE_BYTES };
    return facebookPagesOperations({ client, version: settings.data.apiVersion, cdn }, { pageId: pageIds[0]!, pageSize: settings.data.pageSize });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createFacebookPagesSimulator,
};
