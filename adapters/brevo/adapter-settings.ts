// A connection's settings and what they make of it: the page size, the account's rate-limit tier
// (Brevo's limits on `/v3/emailCampaigns` depend on the plan), and the contact lists it covers.
// A setting that cannot work never throws out of `connect`: each call the connection makes fails
// with the reason instead, before anything reaches Brevo.
import { z } from 'zod';
import { AdapterError } from '../kit/adapter-error.js';
import { configurationProblem } from '../kit/refused-connection.js';
import { bucket, type Buckets } from '../kit/buckets.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Requests per hour on every endpoint that is not `/v3/smtp`, `/v3/contacts`, `/v3/events`…:
 * "All other endpoints" of https://developers.brevo.com/docs/api-limits — General (every plan)
 * 100, Advanced (Professional, Enterprise) 200, Extended (Enterprise) 600.
 */
export const REQUESTS_PER_HOUR = { general: 100, advanced: 200, extended: 600 } as const;
export type RateLimitTier = keyof typeof REQUESTS_PER_HOUR;

export const brevoSettingsSchema = z.object({
  /** campaigns per list request: Brevo's `limit`, at most 100 (default 50) */
  pageSize: z.number().int().min(1).max(100).default(50),
  /** the account's rate-limit tier: which hourly limit our pacing keeps to */
  rateLimitTier: z.enum(['general', 'advanced', 'extended']).default('general'),
});
export type BrevoSettings = z.infer<typeof brevoSettingsSchema>;

export function bucketsFor(tier: RateLimitTier): Buckets {
  const perHour = REQUESTS_PER_HOUR[tier];
  return {
    // A sliding hour is stricter than Brevo's window (whose phase we cannot know): never more
    // than the limit in any hour. Waits longer than the client's maxWaitMs go to the core.
    hourly: bucket.requests(perHour, HOUR_MS, { reason: `Brevo's ${perHour} requests per hour on email campaigns (${tier} rate limits)` }),
    // A little spacing so a pause does not spend the hour in its first second.
    perSecond: bucket.perSecond(5, { reason: 'a spread of at most 5 requests/s to Brevo', overriddenBy: 'requestsPerSecond' }),
  };
}

export type Target = { settings: BrevoSettings; listIds: number[] } | { problem: AdapterError };

/** What a connection can do, or why it can do nothing. Messages never repeat the key. */
export function targetOf(apiKey: string, rawSettings: unknown, accountIds: readonly string[]): Target {
  if (!apiKey) return refuse('unauthorized', 'Brevo: no API key configured (credential "apiKey")');
  const parsed = brevoSettingsSchema.safeParse(rawSettings ?? {});
  if (!parsed.success) return refuse('invalid_request', `Brevo: unusable settings (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  const listIds = accountIds.map(Number);
  const bad = accountIds.filter((id, i) => !/^[1-9]\d*$/.test(id) || !Number.isSafeInteger(listIds[i]));
  if (bad.length) return refuse('invalid_request', `Brevo: account ids are contact list ids (positive integers); not: ${bad.join(', ')}`);
  return { settings: parsed.data, listIds };
}


function refuse(code: 'unauthorized' | 'invalid_request', message: string): Target {
  return { problem: configurationProblem(code, message) };
}
