// Meta's usage headers: how long until a throttled or blocked ad account may call again.
// https://developers.facebook.com/docs/graph-api/overview/rate-limiting#headers
import { readUsageHeader } from '../kit/graph-errors.js';
import { adAccountUsageSchema, businessUseCaseUsageSchema } from './schemas.js';

/** The longest wait any usage header announces, in ms; undefined when none announces one. */
export function throttleRetryAfterMs(headers: Readonly<Record<string, string>>): number | undefined {
  const waits = [
    // estimated_time_to_regain_access is in minutes
    ...Object.values(readUsageHeader(headers['x-business-use-case-usage'], businessUseCaseUsageSchema) ?? {})
      .flat()
      .map((entry) => (entry.estimated_time_to_regain_access ?? 0) * 60_000),
    // reset_time_duration is in seconds
    (readUsageHeader(headers['x-ad-account-usage'], adAccountUsageSchema)?.reset_time_duration ?? 0) * 1000,
  ].filter((ms) => Number.isFinite(ms) && ms > 0);
  return waits.length > 0 ? Math.max(...waits) : undefined;
}
