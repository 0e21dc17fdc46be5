// Mailchimp's times: campaigns are scheduled on the quarter hour (:00, :15, :30, :45), in UTC, in
// the future (https://mailchimp.com/developer/marketing/api/campaigns/schedule-campaign/), and a
// Timewarp campaign goes out at `schedule_time` in each recipient's own time zone.
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;

/** Timewarp sends by each recipient's time zone, so Mailchimp wants it scheduled 24 hours ahead. */
export const TIMEWARP_LEAD_MS = 24 * HOUR_MS;

/**
 * How long before `schedule_time` a Timewarp campaign starts sending: at that wall-clock time in
 * the earliest zone, UTC+14 (platforms.md §0). From then on Mailchimp shows it `sending`.
 */
export const TIMEWARP_START_BEFORE_MS = 14 * HOUR_MS;

/** …and how long after it the last zone, UTC−12, gets it. */
export const TIMEWARP_END_AFTER_MS = 12 * HOUR_MS;

/** Any other schedule only needs a future quarter hour; 5 minutes is our margin for the call. */
export const MIN_LEAD_MS = 5 * MINUTE_MS;

/** The earliest quarter hour at or after `at` (seconds and milliseconds zero). */
export function nextQuarterHour(at: Date): Date {
  return new Date(Math.ceil(at.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
}

export function isOnQuarterHour(at: Date): boolean {
  return at.getTime() % QUARTER_HOUR_MS === 0;
}

/** `schedule_time` as Mailchimp's own examples write it: UTC, whole seconds, `Z`. */
export function toScheduleTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Mailchimp writes times as `2026-11-21T10:15:00+00:00`, and `""` for none. */
export function canonicalTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
