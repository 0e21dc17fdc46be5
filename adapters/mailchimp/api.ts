// Raw Mailchimp Marketing API v3.0 calls: one function per endpoint, each with its vendor doc
// above it (campaigns in api-campaigns.ts, classic automations in api-automations.ts). Sending,
// pacing, auth and error reading are the kit's (vendor-client.ts, signals.ts); these say only what
// to send and which loose schema the answer must fit. Operation names follow the paths of
// Mailchimp's own SDK (test/specs/mailchimp/operations.json), so messages name the endpoint.
import type { VendorClient } from '../kit/vendor-client.js';
import { pingSchema } from './schemas.js';

export type MailchimpApi = VendorClient;

/** A path segment: ids are Mailchimp's own, but never trusted raw into a URL. */
export const segment = encodeURIComponent;

// https://mailchimp.com/developer/marketing/api/ping/ — `{"health_status": "Everything's Chimpy!"}`
export async function ping(api: MailchimpApi): Promise<void> {
  await api.json({ method: 'GET', path: '/3.0/ping' }, pingSchema);
}
