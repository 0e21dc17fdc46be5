// The one way our Mailchimp calls reach the network: send, map vendor errors, parse the body.
import type { z } from 'zod';
import type { HttpClient, HttpRequest } from '../kit/http-client.js';
import { mailchimpError, unexpectedResponse } from './errors.js';
import { pingSchema } from './schemas.js';

export interface MailchimpApi {
  http: HttpClient;
  now: () => Date;
}

/** Sends a request whose answer carries a JSON body, and parses it. */
export async function getJson<T>(api: MailchimpApi, request: HttpRequest, schema: z.ZodType<T>): Promise<T> {
  const response = await send(api, request);
  const parsed = schema.safeParse(response.data);
  if (!parsed.success) throw unexpectedResponse(request, parsed.error.issues[0]?.message ?? 'invalid body');
  return parsed.data;
}

/** Sends an action whose success is `204 No Content`. */
export async function act(api: MailchimpApi, request: HttpRequest): Promise<void> {
  await send(api, request);
}

async function send(api: MailchimpApi, request: HttpRequest) {
  const response = await api.http.send(request);
  if (response.status < 200 || response.status >= 300) throw mailchimpError(response, request, api.now());
  return response;
}

// https://mailchimp.com/developer/marketing/api/ping/ — `{"health_status": "Everything's Chimpy!"}`
export async function ping(api: MailchimpApi): Promise<string> {
  const body = await getJson(api, { method: 'GET', path: '/3.0/ping' }, pingSchema);
  return body.health_status;
}
