// A connection's settings, and where its requests go. Every Mailchimp account lives in one data
// center (`us14`, …): its API key ends in `-<dc>` and requests go to `https://<dc>.api.mailchimp.com`
// (https://mailchimp.com/developer/marketing/docs/fundamentals/). A setting that cannot work
// never throws out of `connect`: each call the connection makes fails with the reason instead.
import { z } from 'zod';
import { AdapterError } from '../kit/adapter-error.js';
import { configurationProblem } from '../kit/refused-connection.js';

const DC = /^[a-z]+\d+$/;

export const mailchimpSettingsSchema = z.object({
  /** the account's data center; overrides the key's `-us14` suffix (OAuth tokens carry none) */
  dc: z.string().regex(DC, 'a data center looks like "us14"').optional(),
  /**
   * Campaigns and automations per list request; Mailchimp's `count` allows 1..1000. 100, not
   * 1000: each page is mapped and claimed in one go, and 1,000 campaigns at once held the event
   * loop for ~100 ms (measured), while a page of 100 costs one more round trip per 100.
   */
  pageSize: z.number().int().min(1).max(1000).default(100),
});
export type MailchimpSettings = z.infer<typeof mailchimpSettingsSchema>;

/** The data center from the key's suffix after its last `-`, or null when it has none. */
export function dcFromKey(apiKey: string): string | null {
  const at = apiKey.lastIndexOf('-');
  const suffix = at < 0 ? '' : apiKey.slice(at + 1);
  return DC.test(suffix) ? suffix : null;
}

export type Target = { baseUrl: string; settings: MailchimpSettings } | { problem: AdapterError };

/**
 * Where a connection's requests go: `settings.dc` wins over the key's suffix; a sandbox `baseUrl`
 * needs neither. Or the reason no request can go anywhere. Messages never repeat the key.
 */
export function targetOf(apiKey: string, rawSettings: unknown, baseUrl: string | undefined): Target {
  if (!apiKey) return refuse('unauthorized', 'Mailchimp: no API key configured (credential "apiKey")');
  const parsed = mailchimpSettingsSchema.safeParse(rawSettings ?? {});
  if (!parsed.success) return refuse('invalid_request', `Mailchimp: unusable settings (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  if (baseUrl) return { baseUrl, settings: parsed.data };
  const dc = parsed.data.dc ?? dcFromKey(apiKey);
  if (!dc) return refuse('invalid_request', 'Mailchimp: cannot tell the data center: the API key has no "-<dc>" suffix (e.g. "-us14") and settings.dc is not set');
  return { baseUrl: `https://${dc}.api.mailchimp.com`, settings: parsed.data };
}


function refuse(code: 'unauthorized' | 'invalid_request', message: string): Target {
  return { problem: configurationProblem(code, message) };
}
