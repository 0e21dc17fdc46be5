// A connection's settings. A setting that cannot work never throws out of `connect`: each call
// the connection makes fails with the reason instead (the core reports the connection unusable).
import { z } from 'zod';
import { AdapterError } from '../kit/adapter-error.js';
import { configurationProblem } from '../kit/refused-connection.js';
import { REVISION } from './api.js';

export const klaviyoSettingsSchema = z.object({
  /** campaigns per list request; Klaviyo allows 1..100 (flows: at most 50) */
  pageSize: z.number().int().min(1).max(100).default(100),
  /**
   * The `revision` header: Klaviyo's API version, `YYYY-MM-DD[.suffix]`. Pinned to the revision of
   * the description the tests check against; change it only with that description.
   */
  revision: z.string().regex(/^\d{4}-\d{2}-\d{2}(\.[a-z0-9]+)?$/, 'a revision looks like "2026-07-15"').default(REVISION),
});
export type KlaviyoSettings = z.infer<typeof klaviyoSettingsSchema>;

export type Target = { settings: KlaviyoSettings } | { problem: AdapterError };

/** The settings, or the reason no request can go. Messages never repeat the key. */
export function targetOf(apiKey: string, rawSettings: unknown): Target {
  if (!apiKey) return refuse('unauthorized', 'Klaviyo: no private API key configured (credential "apiKey")');
  const parsed = klaviyoSettingsSchema.safeParse(rawSettings ?? {});
  if (!parsed.success) return refuse('invalid_request', `Klaviyo: unusable settings (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return { settings: parsed.data };
}


function refuse(code: 'unauthorized' | 'invalid_request', message: string): Target {
  return { problem: configurationProblem(code, message) };
}
