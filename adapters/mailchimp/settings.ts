// Connection settings and where a connection's requests go.
// https://mailchimp.com/developer/marketing/docs/fundamentals/ — every account lives in one data
// center (`us14`, …); its API key ends in `-<dc>` and requests go to `https://<dc>.api.mailchimp.com/3.0`.
import { z } from 'zod';
import { AdapterError } from '../kit/adapter-error.js';

export const mailchimpSettingsSchema = z.object({
  /** the account's data center; overrides the key's `-us14` suffix (OAuth tokens carry none) */
  dc: z
    .string()
    .regex(/^[a-z]+\d+$/, 'a data center looks like "us14"')
    .optional(),
  /** campaigns and automations per list request; Mailchimp's `count` allows 1..1000 */
  pageSize: z.number().int().min(1).max(1000).default(1000),
});

export type MailchimpSettings = z.infer<typeof mailchimpSettingsSchema>;

const DC = /^[a-z]+\d+$/;

/** The data center from the key's suffix after its last `-`, or null when it has none. */
export function dcFromKey(apiKey: string): string | null {
  const at = apiKey.lastIndexOf('-');
  if (at < 0) return null;
  const suffix = apiKey.slice(at + 1);
  return DC.test(suffix) ? suffix : null;
}

/**
 * The base URL a connection talks to. `settings.dc` wins over the key's suffix; a sandbox
 * `baseUrl` needs neither. The error never repeats the key.
 */
export function resolveBaseUrl(apiKey: string, settings: MailchimpSettings, baseUrl: string | undefined): string {
  if (baseUrl) return baseUrl.replace(/\/+$/, '');
  const dc = settings.dc ?? dcFromKey(apiKey);
  if (!dc) {
    throw new AdapterError({
      code: 'invalid_request',
      message:
        'Mailchimp: cannot tell the data center: the API key has no "-<dc>" suffix (e.g. "-us14") and settings.dc is not set',
      retryable: false,
      ambiguous: false,
    });
  }
  return `https://${dc}.api.mailchimp.com`;
}

/** HTTP Basic with any user name and the key as password, as Mailchimp's docs describe. */
export function basicAuthHeader(apiKey: string): string {
  return `Basic ${Buffer.from(`crisis-pause:${apiKey}`).toString('base64')}`;
}
