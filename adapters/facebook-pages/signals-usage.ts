// Meta's usage headers on Pages calls: how long until a throttled Page or app may call again.
// https://developers.facebook.com/docs/graph-api/overview/rate-limiting#headers
import { readUsageHeader } from '../kit/graph-errors.js';
import { businessUseCaseUsageSchema, usageSchema } from './schemas.js';

/** The longest wait any usage header announces, in ms; undefined when none announces one. */
export function throttleRetryAfterMs(headers: Readonly<Record<string, string>>): number | undefined {
  const minutes = [
    ...Object.values(readUsageHeader(headers['x-business-use-case-usage'], businessUseCaseUsageSchema) ?? {}).flat(),
    readUsageHeader(headers['x-page-usage'], usageSchema),
  ].map((entry) => entry?.estimated_time_to_regain_access ?? 0);
  const waits = minutes.map((m) => m * 60_000).filter((ms) => Number.isFinite(ms) && ms > 0);
  return waits.length > 0 ? Math.max(...waits) : undefined;
}
