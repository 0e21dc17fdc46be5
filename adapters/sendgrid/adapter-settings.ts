// A connection's settings, and where its requests go. SendGrid has two API hosts: the global
// `https://api.sendgrid.com`, and `https://api.eu.sendgrid.com` for EU regional subusers
// (https://www.twilio.com/docs/sendgrid/api-reference/api-keys/create-api-keys: "Base url ... for
// EU regional subusers"). A setting that cannot work never throws out of `connect`: each call
// the connection makes fails with the reason instead, and nothing reaches SendGrid.
import { z } from 'zod';
import { AdapterError } from '../kit/adapter-error.js';
import { configurationProblem } from '../kit/refused-connection.js';

export const BASE_URLS = { global: 'https://api.sendgrid.com', eu: 'https://api.eu.sendgrid.com' } as const;

export const sendgridSettingsSchema = z.object({
  /** `eu` for an EU regional subuser's key; its requests go to api.eu.sendgrid.com */
  region: z.enum(['global', 'eu']).default('global'),
  /**
   * Single Sends per search page. SendGrid's description gives `page_size` no bound or default;
   * we assume 100 at most (README, "unconfirmed") and the simulator refuses more, so a larger
   * setting is refused here rather than by SendGrid in the middle of a crisis.
   */
  pageSize: z.number().int().min(1).max(100).default(100),
});
export type SendGridSettings = z.infer<typeof sendgridSettingsSchema>;

export type Target = { baseUrl: string; settings: SendGridSettings } | { problem: AdapterError };

/** Where a connection's requests go, or why none can go anywhere. Messages never repeat the key. */
export function targetOf(apiKey: string, rawSettings: unknown, sandboxUrl: string | undefined): Target {
  if (!apiKey) return refuse('unauthorized', 'SendGrid: no API key configured (credential "apiKey")');
  const parsed = sendgridSettingsSchema.safeParse(rawSettings ?? {});
  if (!parsed.success) return refuse('invalid_request', `SendGrid: unusable settings (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return { baseUrl: sandboxUrl ?? BASE_URLS[parsed.data.region], settings: parsed.data };
}


function refuse(code: 'unauthorized' | 'invalid_request', message: string): Target {
  return { problem: configurationProblem(code, message) };
}
