// Meta's usage headers on Pages calls: how long until a throttled Page or app may call again.
// https://developers.facebook.com/docs/graph-api/overview/rate-limiting#headers
import type { z } from 'zod';
import { businessUseCaseUsageSchema, usageSchema } from './schemas.js';

/** The longest wait any usage header announces, in ms; undefined when none announces one. */
export function throttleRetryAfterMs(headers: Readonly<Record<string, string>>): number | undefined {
  const minutes = [
    ...Object.values(readHeader(headers['x-business-use-case-usage'], businessUseCaseUsageSchema) ?? {}).flat(),
    readHeader(headers['x-page-usage'], usageSchema),
  ].map((entry) => entry?.estimated_time_to_regain_access ?? 0);
  const waits = minutes.map((m) => m * 60_000).filter((ms) => Number.isFinite(ms) && ms > 0);
  return waits.length > 0 ? Math.max(...waits) : undefined;
}

/** Batch elements carry headers as `[{name, value}]`; lower-case them as the kit does. */
export function headerMap(headers: ReadonlyArray<{ name: string; value: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of headers ?? []) out[name.toLowerCase()] = value;
  return out;
}

function readHeader<T>(text: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!text) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
