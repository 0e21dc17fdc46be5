// Mailchimp only schedules campaigns on the quarter hour (:00, :15, :30, :45), in the future.
// https://mailchimp.com/developer/marketing/api/campaigns/schedule-campaign/
const QUARTER_HOUR_MS = 15 * 60_000;

/** Timewarp sends by each recipient's time zone, so Mailchimp wants it scheduled 24 hours ahead. */
export const TIMEWARP_LEAD_MS = 24 * 3_600_000;

/** Any other schedule only needs a future quarter hour; 5 minutes is our margin for the call. */
export const MIN_LEAD_MS = 5 * 60_000;

/** The earliest quarter hour at or after `at` (seconds and milliseconds zero). */
export function nextQuarterHour(at: Date): Date {
  const ms = at.getTime();
  return new Date(Math.ceil(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
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
