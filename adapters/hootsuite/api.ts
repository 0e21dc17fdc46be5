// Raw Hootsuite REST API v1 calls: one function per endpoint, each with its vendor doc above it.
// Sending, pacing, auth and error reading are the kit's (vendor-client.ts, signals.ts); these
// say only what to send and which loose schema the answer must fit. Reference: Hootsuite's
// swagger file (apidocs.hootsuite.com), copied in test/specs/hootsuite/.
import { AdapterError } from '../kit/adapter-error.js';
import type { VendorClient } from '../kit/vendor-client.js';
import {
  memberEnvelopeSchema,
  messageEnvelopeSchema,
  messagesEnvelopeSchema,
  type CreateMessageBody,
  type SocialProfileMessage,
} from './schemas.js';

export type HootsuiteApi = VendorClient;

// "POST requests should always set content-type and character encoding to:
// application/json;charset=utf-8" (the swagger's Request Format section).
const JSON_UTF8 = { 'Content-Type': 'application/json;charset=utf-8' };

export interface MessagesQuery {
  /** ISO-8601 ending in Z; endTime at most 4 weeks after startTime (else error 40020) */
  startTime: string;
  endTime: string;
  state?: string;
  socialProfileIds?: readonly string[];
  /** default 50, max 100 */
  limit?: number;
  cursor?: string | undefined;
}

export interface MessagesPage {
  messages: SocialProfileMessage[];
  next: string | null;
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/retrieveMe
export async function retrieveMe(api: HootsuiteApi): Promise<void> {
  await api.json({ method: 'GET', path: '/v1/me' }, memberEnvelopeSchema);
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/retrieveMessages
export async function retrieveMessages(api: HootsuiteApi, query: MessagesQuery): Promise<MessagesPage> {
  const body = await api.json(
    {
      method: 'GET',
      path: '/v1/messages',
      query: {
        startTime: query.startTime,
        endTime: query.endTime,
        state: query.state,
        // repeated key: ?socialProfileIds=1&socialProfileIds=2 (the endpoint's description)
        socialProfileIds: query.socialProfileIds?.length ? query.socialProfileIds : undefined,
        limit: query.limit,
        cursor: query.cursor,
      },
    },
    messagesEnvelopeSchema,
  );
  return { messages: body.data, next: body.metadata?.cursor?.next ?? null };
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/retrieveMessage
/** The message, or null when Hootsuite does not know it (deleted, never existed). */
export async function retrieveMessage(api: HootsuiteApi, messageId: string): Promise<SocialProfileMessage | null> {
  const request = { method: 'GET', path: `/v1/messages/${encodeURIComponent(messageId)}`, operation: 'GET /v1/messages/{messageId}' } as const;
  try {
    return (await api.json(request, messageEnvelopeSchema)).data;
  } catch (error) {
    if (error instanceof AdapterError && error.code === 'not_found') return null;
    throw error;
  }
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/deleteMessage
// Irreversible on Hootsuite's side (invariant 9): the core calls suspend only after the full
// snapshot (every field of the create body) is stored, and restore re-creates from it.
export async function deleteMessage(api: HootsuiteApi, messageId: string): Promise<void> {
  // "Delete requests return a 200 OK with an empty data envelope": nothing to read.
  await api.send({ method: 'DELETE', path: `/v1/messages/${encodeURIComponent(messageId)}`, operation: 'DELETE /v1/messages/{messageId}' });
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/scheduleMessage
/** One new message per social profile in the body; each has a new id. */
export async function scheduleMessage(api: HootsuiteApi, body: CreateMessageBody): Promise<SocialProfileMessage[]> {
  const request = { method: 'POST', path: '/v1/messages', json: body, headers: JSON_UTF8 } as const;
  const created = await api.json(request, messagesEnvelopeSchema);
  if (created.data.length === 0) throw api.unexpected({ operation: 'POST /v1/messages', method: 'POST', write: true }, 200, 'no message in data');
  return created.data;
}
