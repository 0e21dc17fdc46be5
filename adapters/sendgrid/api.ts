// Raw Twilio SendGrid v3 Marketing Single Sends calls: one function per endpoint, each with its
// vendor doc above it. Sending, pacing, auth and error reading are the kit's (vendor-client.ts,
// signals.ts); these say only what to send and which loose schema the answer must fit.
// Deliberately absent (invariant 9, irreversible): DELETE /v3/marketing/singlesends/{id} and the
// bulk DELETE /v3/marketing/singlesends (delete Single Sends), and the Mail Send batch `cancel`
// (POST /v3/user/scheduled_sends with status "cancel"), which discards mail for good.
import type { VendorClient } from '../kit/vendor-client.js';
import { scheduleSchema, singleSendPageSchema, singleSendSchema, type ScheduleBody, type SingleSend, type SingleSendShort } from './schemas.js';

export type SendGridApi = VendorClient;

/** A path segment: ids are SendGrid's own UUIDs, but never trusted raw into a URL. */
const segment = encodeURIComponent;

export interface SingleSendPage {
  singleSends: SingleSendShort[];
  /** the `page_token` of the next page, read from `_metadata.next`; null on the last page */
  nextToken: string | null;
}

// https://www.twilio.com/docs/sendgrid/api-reference/single-sends/get-all-single-sends
// `page_size`, `page_token`; `{result: [singlesend_response_short], _metadata: {self, next, prev, count}}`.
// Every status: used only as the cheapest authenticated call (one Single Send).
export async function listSingleSends(api: SendGridApi, query: { pageSize: number; pageToken?: string }): Promise<SingleSendPage> {
  const body = await api.json({ method: 'GET', path: '/v3/marketing/singlesends', query: { page_size: query.pageSize, page_token: query.pageToken } }, singleSendPageSchema);
  return { singleSends: body.result, nextToken: tokenOf(body._metadata?.next) };
}

// https://www.twilio.com/docs/sendgrid/api-reference/single-sends/get-single-sends-search
// POST with a `singlesend_search` body (`status` ∈ draft | scheduled | triggered, any of them),
// `page_size` and `page_token` in the query, the same page shape as the list.
export async function searchSingleSends(api: SendGridApi, query: { statuses: readonly string[]; pageSize: number; pageToken?: string | undefined }): Promise<SingleSendPage> {
  const request = {
    method: 'POST',
    path: '/v3/marketing/singlesends/search',
    query: { page_size: query.pageSize, page_token: query.pageToken },
    json: { status: [...query.statuses] },
    // A search changes nothing: a lost answer cannot have applied anything.
    write: false,
  } as const;
  const body = await api.json(request, singleSendPageSchema);
  return { singleSends: body.result, nextToken: tokenOf(body._metadata?.next) };
}

// https://www.twilio.com/docs/sendgrid/api-reference/single-sends/get-single-send-by-id
// The whole Single Send: status, send_at, send_to, email_config (the content we fingerprint).
export function getSingleSend(api: SendGridApi, id: string): Promise<SingleSend> {
  return api.json({ method: 'GET', path: `/v3/marketing/singlesends/${segment(id)}`, operation: 'GET /v3/marketing/singlesends/{id}' }, singleSendSchema);
}

// https://www.twilio.com/docs/sendgrid/api-reference/single-sends/delete-single-send-schedule
// "will cancel the scheduled sending of a Single Send. The request will not delete the Single Send
// itself": 200 `{send_at, status}`, the Single Send a draft again with the same id.
export async function deleteSchedule(api: SendGridApi, id: string): Promise<{ status: string | undefined }> {
  const path = `/v3/marketing/singlesends/${segment(id)}/schedule`;
  const body = await api.json({ method: 'DELETE', path, operation: 'DELETE /v3/marketing/singlesends/{id}/schedule' }, scheduleSchema);
  return { status: body.status };
}

// https://www.twilio.com/docs/sendgrid/api-reference/single-sends/schedule-single-send
// `{"send_at": "<ISO 8601, in the future>" | "now"}` → 201 `{send_at, status: "scheduled"}`. A PUT:
// sending the same time twice leaves it scheduled at that time. We never send "now".
export async function scheduleSingleSend(api: SendGridApi, id: string, body: ScheduleBody): Promise<{ status: string | undefined }> {
  const path = `/v3/marketing/singlesends/${segment(id)}/schedule`;
  const answer = await api.json({ method: 'PUT', path, json: body, operation: 'PUT /v3/marketing/singlesends/{id}/schedule' }, scheduleSchema);
  return { status: answer.status };
}

// https://www.twilio.com/docs/sendgrid/api-reference/single-sends/get-all-single-sends (`_metadata.next`)
/** The `page_token` of a `_metadata.next` URL; null when there is no next page. */
export function tokenOf(next: string | null | undefined): string | null {
  if (!next) return null;
  try {
    return new URL(next, 'https://api.sendgrid.com').searchParams.get('page_token');
  } catch {
    return null;
  }
}
