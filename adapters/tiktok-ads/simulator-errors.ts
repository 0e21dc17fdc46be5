// TikTok's answers, in its own envelope: HTTP 200 with {code, message, request_id, data}, errors
// included (code != 0). Codes and words from TikTok's return-code appendix
// (https://business-api.tiktok.com/portal/docs?id=1737172488964097) and the official SDK's list;
// 40104's text is what the live API answers a call without a token.
import type { Context } from 'hono';
import type { Clock } from '../types.js';

let sequence = 0;

/** `request_id`: TikTok's look like a UTC timestamp followed by hex. */
export function requestId(clock: Clock): string {
  const stamp = clock.now().toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${(++sequence).toString(16).toUpperCase().padStart(18, '0')}`;
}

export function envelope(clock: Clock, code: number, message: string, data: unknown = {}, status = 200): Response {
  return new Response(JSON.stringify({ code, message, request_id: requestId(clock), data }), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export const okAnswer = (clock: Clock, data: unknown): Response => envelope(clock, 0, 'OK', data);

export const paramError = (clock: Clock, message: string): Response => envelope(clock, 40002, message);

export const tokenMissing = (clock: Clock): Response => envelope(clock, 40104, 'Access token is null, you should set it in http header with key Access-Token.');

export const tokenInvalid = (clock: Clock): Response => envelope(clock, 40105, 'Access token is incorrect or has been revoked.');

export const noPermission = (clock: Clock, advertiserId: string): Response =>
  envelope(clock, 40001, `No permission to operate advertiser ${advertiserId}. Please check whether the advertiser has authorized your app.`);

/** The app's limit for the endpoint (TikTok's words as quoted by integrators: "App … reaches the QPS limit 10"). */
export const appThrottled = (clock: Clock, per: 'QPS' | 'QPM' | 'QPD', limit: number): Response =>
  envelope(clock, 40100, `App 7000000000000000000 reaches the ${per} limit ${limit}, current ${per} is ${limit + 1}. Please try again later.`);

/** The advertiser's per-path limit (40133, the appendix's example text). */
export const advertiserThrottled = (clock: Clock, advertiserId: string): Response =>
  envelope(clock, 40133, `Advertiser (${advertiserId})'s QPS (6) reaches QPS limit 5 for current path, request is temporarily restricted.`);

export const systemError = (clock: Clock): Response => envelope(clock, 50000, 'System error');

/** A path the gateway does not know (a missing trailing slash is the classic cause): HTTP 404, no envelope. */
export const pageNotFound = (c: Context): Response => c.text('404 page not found', 404);
