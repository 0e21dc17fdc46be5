// Hootsuite: scheduled social posts ("messages") across the brand's social profiles.
// Hootsuite's API has no pause, unschedule or edit for messages (only create, get, delete,
// approve, reject, history), so a message is suspended by deleting it after its full snapshot is
// stored, and restored by re-creating it: the `delete` method, new id on restore.
import { z } from 'zod';
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import type { PlatformAdapter } from '../types.js';
import { hasVideo, LEAD_MS, snapshotSchema, VIDEO_LEAD_MS } from './mappers.js';
import { BULK, hootsuiteOperations } from './operations.js';
import { hootsuiteSignals } from './signals.js';

export const hootsuiteSettingsSchema = z.object({
  /** how far ahead to look for scheduled messages; listed in 4-week windows */
  lookaheadWeeks: z.number().int().min(1).max(104).default(52),
  /** messages per page of `GET /v1/messages` (its `limit`: max 100) */
  pageSize: z.number().int().min(1).max(100).default(100),
});
export type HootsuiteSettings = z.infer<typeof hootsuiteSettingsSchema>;

/**
 * "Limits are set to 20 requests / second to a maximum daily quota of 100,000 calls per day";
 * over either, HTTP 429 with code 1003 and no Retry-After; "the rate limit allowance is divided
 * equally across all the nodes in the cluster" (developer.hootsuite.com/docs/api-rate-limits).
 */
export const HOOTSUITE: VendorDeclaration = {
  name: 'Hootsuite',
  baseUrl: 'https://platform.hootsuite.com',
  buckets: {
    // 100 ms of margin: requests leave paced but reach Hootsuite with network jitter and our own
    // event-loop stalls after the grant (with 50 ms the loaded 10k benchmark still saw 21–24
    // arrive within one second). About 18 requests/s sustained.
    perSecond: bucket.perSecond(20, { jitterMs: 100, reason: "Hootsuite's 20 requests/s per account", overriddenBy: 'requestsPerSecond' }),
    // Spread over the second rather than in one burst of 20: the allowance is split across
    // Hootsuite's nodes, and a burst could land on one of them.
    spread: bucket.requests(3, 150, { reason: "Hootsuite's 20 requests/s, spread over the second", overriddenBy: 'requestsPerSecond' }),
    daily: bucket.daily(100_000, { reason: "Hootsuite's 100,000 requests/day per account" }),
  },
  signals: hootsuiteSignals,
};

export const hootsuite: PlatformAdapter<HootsuiteSettings> = {
  platform: 'hootsuite',
  displayName: 'Hootsuite',
  capabilities: [{ kind: 'post', method: 'delete', objectType: 'message' }],
  // No bulk endpoint: one DELETE, POST or GET per message.
  bulk: BULK,
  concurrency: 4,
  // Hootsuite only schedules in the future; how far ahead it insists on is not documented.
  // Five minutes is our own margin so a restore is never refused for being a few seconds late.
  minLeadMs: LEAD_MS,
  // A video needs 15 minutes (see mappers.ts, VIDEO_LEAD_MS).
  leadTimeMs(item) {
    const snapshot = snapshotSchema.safeParse(item.snapshot);
    return snapshot.success && hasVideo(snapshot.data.body) ? VIDEO_LEAD_MS : LEAD_MS;
  },
  // An OAuth2 access token (`Authorization: Bearer`); refreshing it is outside this adapter.
  credentialKeys: ['accessToken'],
  // Empty: every social profile the token can see; otherwise sent as repeated socialProfileIds.
  accountIds: { required: false, label: 'social profile ids' },
  settingsSchema: hootsuiteSettingsSchema,

  /** Whole minutes, rounded up: what Hootsuite's composer offers and what we re-create at. */
  normalizeScheduleTime(at: Date): Date {
    return new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
  },

  connect(ctx) {
    // Without a token no header is sent: Hootsuite answers 401 code 1000, `unauthorized`.
    const api = createVendorClient(ctx, HOOTSUITE, { auth: auth.bearer(ctx.credentials.accessToken ?? '') });
    const settings = hootsuiteSettingsSchema.parse(ctx.settings ?? {});
    return hootsuiteOperations(api, { lookaheadWeeks: settings.lookaheadWeeks, pageSize: settings.pageSize, profileIds: ctx.accountIds });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createHootsuiteSimulator,
};
