// Buffer: scheduled social posts, through Buffer's GraphQL API and a personal API key. Buffer has
// no pause, unschedule or edit for posts in its documented API (createPost, deletePost), so a
// post is suspended by deleting it after its full snapshot is stored, and restored by creating it
// again: the `delete` method, new id on restore. See README.md for the facts this rests on.
import { auth } from '../kit/auth.js';
import { bucket } from '../kit/buckets.js';
import { wallTime, type PacerTime } from '../kit/pacer.js';
import { createVendorClient, type VendorDeclaration } from '../kit/vendor-client.js';
import { refusedConnection } from '../kit/refused-connection.js';
import type { Clock, PlatformAdapter } from '../types.js';
import { bufferSettingsSchema, MONTH_MS, OBJECT_ID, PLANS, WINDOW_MS, type BufferSettings, type Plan } from './adapter-settings.js';
import { LEAD_MS } from './mappers.js';
import { bufferOperations, BULK, PLATFORM } from './operations.js';
import { bufferSignals } from './signals.js';

export type { BufferSettings } from './adapter-settings.js';

/**
 * Buffer's rolling windows for the plan (guides/api-limits): every request counts 1 in each.
 * They last minutes to days, so a call never sits in the pacer (`maxWaitMs: 0`): it fails
 * `rate_limited` with the wait, and the core waits it out, recording it on each waiting item.
 */
export function bufferVendor(plan: Plan): VendorDeclaration {
  const p = PLANS[plan];
  return {
    name: 'Buffer',
    baseUrl: 'https://api.buffer.com',
    buckets: {
      // No jitter margin on the 15-minute window: its waits must stay within the core's 15-minute
      // maxRetryWaitMs; a request that still arrives early meets Buffer's 429 and its retryAfter.
      window: bucket.requests(p.perWindow, WINDOW_MS, { reason: `Buffer's ${p.perWindow} requests per 15 minutes` }),
      daily: bucket.daily(p.perDay, { jitterMs: 2_000, reason: `Buffer's ${p.perDay} requests per 24 hours (${p.label} plan)` }),
      monthly: bucket.requests(p.perMonth, MONTH_MS, { jitterMs: 2_000, reason: `Buffer's ${p.perMonth.toLocaleString('en')} requests per 30 days (${p.label} plan)` }),
      inFlight: bucket.inFlight(2, { reason: '2 requests in flight to Buffer', overriddenBy: 'maxInFlight' }),
    },
    signals: bufferSignals,
    maxWaitMs: 0,
  };
}

/** Pacing on the connection's clock, the one the core sleeps on between attempts (as Meta's). */
const onClock = (clock: Clock): PacerTime => ({ now: () => clock.now().getTime(), sleep: wallTime.sleep });

export const buffer: PlatformAdapter<BufferSettings> = {
  platform: 'buffer',
  displayName: 'Buffer',
  capabilities: [{ kind: 'post', method: 'delete', objectType: 'post' }],
  // 25 posts a request (aliased fields; Buffer allows 30 aliases): requests are what its quotas count.
  bulk: BULK,
  concurrency: 2,
  // Buffer schedules only in the future and documents no minimum: five minutes is our margin.
  minLeadMs: LEAD_MS,
  // A personal API key (Settings → API in Buffer), sent as `Authorization: Bearer`.
  credentialKeys: ['apiKey'],
  // Buffer organization ids (24 hex digits); empty: every organization the key can see.
  accountIds: { required: false, label: 'organization ids' },
  settingsSchema: bufferSettingsSchema,

  /**
   * As asked: Buffer's `dueAt` is a DateTime to the millisecond (its docs send
   * "2026-03-10T15:00:00.000Z"); posts made in its composer sit on whole minutes and come back so.
   */
  normalizeScheduleTime: (at) => new Date(at.getTime()),

  connect(ctx) {
    const key = ctx.credentials.apiKey ?? '';
    const settings = bufferSettingsSchema.safeParse(ctx.settings ?? {});
    if (key === '') return refusedConnection(PLATFORM, 'unauthorized', 'no apiKey configured');
    if (!settings.success) return refusedConnection(PLATFORM, 'invalid_request', 'invalid settings (plan free|essentials|team, pageSize 1..100, channelIds of 24 hex digits)');
    if (ctx.accountIds.some((id) => !OBJECT_ID.test(id))) return refusedConnection(PLATFORM, 'invalid_request', 'organization ids must be Buffer ids (24 hex digits)');
    const { plan, pageSize, channelIds } = settings.data;
    const api = createVendorClient(ctx, bufferVendor(plan), { auth: auth.bearer(key), time: onClock(ctx.clock) });
    return bufferOperations(api, { organizationIds: ctx.accountIds, channelIds, pageSize, plan, bulk: BULK });
  },

  // Loaded on demand: production code that runs no sandbox never imports the simulator.
  loadSimulator: async () => (await import('./simulator.js')).createBufferSimulator,
};
