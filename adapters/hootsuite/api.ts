// Raw Hootsuite REST API v1 calls: one function per endpoint. Each parses the answer with the
// loose schemas and turns vendor errors into AdapterError. Reference: Hootsuite's Swagger file
// (apidocs.hootsuite.com), mirrored in ../../../shared/specs/hootsuite/.
import type { HttpClient, HttpRequest, HttpResponse } from '../kit/http-client.js';
import type { Clock } from '../types.js';
import { hootsuiteError, unexpectedResponse, type ErrorContext } from './errors.js';
import {
  errorsEnvelopeSchema,
  memberEnvelopeSchema,
  messageEnvelopeSchema,
  messagesEnvelopeSchema,
  type CreateMessageBody,
  type SocialProfileMessage,
} from './schemas.js';

export const HOOTSUITE_BASE_URL = 'https://platform.hootsuite.com';

// "POST requests should always set content-type and character encoding to:
// application/json;charset=utf-8" (the swagger's Request Format section).
const JSON_UTF8 = { 'Content-Type': 'application/json;charset=utf-8' };

export interface HootsuiteApi {
  http: HttpClient;
  clock: Clock;
  /** credential values, scrubbed from any error text */
  secrets: readonly string[];
}

export interface MessagesQuery {
  /** ISO-8601 ending in Z; endTime at most 4 weeks after startTime (else error 40020) */
  startTime: string;
  endTime: string;
  state?: string;
  socialProfileIds?: readonly string[];
  /** default 50, max 100 */
  limit?: number;
  cursor?: string;
}

export interface MessagesPage {
  messages: SocialProfileMessage[];
  next: string | null;
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/retrieveMe
export async function retrieveMe(api: HootsuiteApi): Promise<void> {
  const operation = 'GET /v1/me';
  const response = await send(api, { method: 'GET', path: '/v1/me' });
  const context = errorContext(api, operation, false);
  if (!isOk(response)) throw hootsuiteError(response, context);
  if (!memberEnvelopeSchema.safeParse(response.data).success) {
    throw unexpectedResponse(context, response.status, 'no member in data');
  }
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/retrieveMessages
export async function retrieveMessages(api: HootsuiteApi, query: MessagesQuery): Promise<MessagesPage> {
  const operation = 'GET /v1/messages';
  const response = await send(api, {
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
  });
  const context = errorContext(api, operation, false);
  if (!isOk(response)) throw hootsuiteError(response, context);
  const parsed = messagesEnvelopeSchema.safeParse(response.data);
  if (!parsed.success) throw unexpectedResponse(context, response.status, 'not a messages envelope');
  return { messages: parsed.data.data, next: parsed.data.metadata?.cursor?.next ?? null };
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/retrieveMessage
/** The message, or null when Hootsuite does not know it (deleted, never existed). */
export async function retrieveMessage(api: HootsuiteApi, messageId: string): Promise<SocialProfileMessage | null> {
  const operation = 'GET /v1/messages/{messageId}';
  const response = await send(api, { method: 'GET', path: `/v1/messages/${encodeURIComponent(messageId)}` });
  const context = errorContext(api, operation, false);
  if (!isOk(response)) {
    const error = hootsuiteError(response, context);
    if (error.code === 'not_found') return null;
    throw error;
  }
  const parsed = messageEnvelopeSchema.safeParse(response.data);
  if (!parsed.success) throw unexpectedResponse(context, response.status, 'not a message envelope');
  return parsed.data.data;
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/deleteMessage
// Irreversible on Hootsuite's side (invariant 9): the core calls suspend only after the full
// snapshot (every field of the create body) is stored, and restore re-creates from it.
export async function deleteMessage(api: HootsuiteApi, messageId: string): Promise<void> {
  const operation = 'DELETE /v1/messages/{messageId}';
  const response = await send(api, { method: 'DELETE', path: `/v1/messages/${encodeURIComponent(messageId)}` });
  // "Delete requests return a 200 OK with an empty data envelope": nothing to read.
  if (!isOk(response)) throw hootsuiteError(response, errorContext(api, operation, true));
}

// https://apidocs.hootsuite.com/docs/api/index.html#operation/scheduleMessage
/** One new message per social profile in the body; each has a new id. */
export async function scheduleMessage(api: HootsuiteApi, body: CreateMessageBody): Promise<SocialProfileMessage[]> {
  const operation = 'POST /v1/messages';
  const response = await send(api, { method: 'POST', path: '/v1/messages', json: body, headers: JSON_UTF8 });
  const context = errorContext(api, operation, true);
  if (!isOk(response)) throw hootsuiteError(response, context);
  const parsed = messagesEnvelopeSchema.safeParse(response.data);
  if (parsed.success && parsed.data.data.length > 0) return parsed.data.data;
  // "Responses that partially fail will return both a data and errors object": with one
  // profile per create, an answer with errors and no message is that profile's failure.
  if (errorsEnvelopeSchema.safeParse(response.data).success) throw hootsuiteError(response, context);
  throw unexpectedResponse(context, response.status, 'no message in data');
}

function send(api: HootsuiteApi, request: HttpRequest): Promise<HttpResponse> {
  return api.http.send(request);
}

function isOk(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function errorContext(api: HootsuiteApi, operation: string, write: boolean): ErrorContext {
  return { operation, write, now: api.clock.now(), secrets: api.secrets };
}
