// Hootsuite: scheduled social posts ("messages") across the brand's social profiles.
// Hootsuite's API has no pause, unschedule or edit for messages (only create, get, delete,
// approve, reject, history), so a message is suspended by deleting it after its full snapshot is
// stored, and restored by re-creating it: the `delete` method, new id on restore.
import { z } from 'zod';
import { createHttpClient } from '../kit/http-client.js';
import type { Simulator, SimulatorOptions } from '../kit/simulator-kit.js';
import type { AdapterContext, PlatformAdapter } from '../types.js';
import { HOOTSUITE_BASE_URL, type HootsuiteApi } from './api.js';
import { createHootsuiteClient } from './client.js';
import { HootsuiteSimulator } from './simulator.js';

export const hootsuiteSettingsSchema = z.object({
  /** how far ahead to look for scheduled messages; listed in 4-week windows */
  lookaheadWeeks: z.number().int().min(1).max(104).default(52),
  /** messages per page of `GET /v1/messages` (its `limit`: max 100) */
  pageSize: z.number().int().min(1).max(100).default(100),
});
export type HootsuiteSettings = z.infer<typeof hootsuiteSettingsSchema>;

const MINUTE_MS = 60_000;

// "20 requests / second to a maximum daily quota of 100,000 calls per day"
// (developer.hootsuite.com/docs/api-rate-limits). No documented cap on requests in flight.
// We send 19: requests leave the limiter evenly spaced but reach Hootsuite with network
// jitter, and the benchmark saw 21 arrive within one sliding second at a spacing of 1/20 s.
const REQUESTS_PER_SECOND = 19;

export const hootsuite: PlatformAdapter<HootsuiteSettings> = {
  platform: 'hootsuite',
  displayName: 'Hootsuite',
  capabilities: [{ kind: 'post', method: 'delete', objectType: 'message' }],
  // No bulk endpoint: one DELETE or POST per message.
  bulk: { suspend: 1, restore: 1, inspect: 1 },
  concurrency: 4,
  // Hootsuite only schedules in the future; how far ahead it insists on is not documented.
  // Five minutes is our own margin so a restore is never refused for being a few seconds late.
  minLeadMs: 5 * MINUTE_MS,
  // An OAuth2 access token (`Authorization: Bearer`); refreshing it is outside this adapter.
  credentialKeys: ['accessToken'],
  // Empty: every social profile the token can see; otherwise sent as repeated socialProfileIds.
  accountIds: { required: false, label: 'social profile ids' },
  settingsSchema: hootsuiteSettingsSchema,

  /** Whole minutes, rounded up: what Hootsuite's composer offers and what we re-create at. */
  normalizeScheduleTime(at: Date): Date {
    return new Date(Math.ceil(at.getTime() / MINUTE_MS) * MINUTE_MS);
  },

  connect(ctx: AdapterContext<HootsuiteSettings>) {
    const token = ctx.credentials.accessToken ?? '';
    const http = createHttpClient({
      baseUrl: ctx.baseUrl ?? HOOTSUITE_BASE_URL,
      timeoutMs: ctx.timeoutMs,
      // Without a token Hootsuite answers 401 code 1000, which maps to `unauthorized`.
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      limits: {
        requestsPerSecond: ctx.limits?.requestsPerSecond ?? REQUESTS_PER_SECOND,
        maxInFlight: ctx.limits?.maxInFlight ?? null,
      },
    });
    const api: HootsuiteApi = { http, clock: ctx.clock, secrets: token ? [token] : [] };
    const settings = hootsuiteSettingsSchema.parse(ctx.settings ?? {});
    return createHootsuiteClient(api, {
      lookaheadWeeks: settings.lookaheadWeeks,
      pageSize: settings.pageSize,
      profileIds: ctx.accountIds,
    });
  },

  createSimulator(options: SimulatorOptions): Simulator {
    return new HootsuiteSimulator(options);
  },
};
