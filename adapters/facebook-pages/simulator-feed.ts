// `POST /{page-id}/feed`: a new Page post, checked as Graph checks it — a message or a link,
// `published` a boolean, a `scheduled_publish_time` only on an unpublished post and within
// Meta's window (10 minutes to 6 months ahead), JSON objects where Graph takes objects.
// https://developers.facebook.com/docs/graph-api/reference/page/feed/#publish
// https://developers.facebook.com/docs/pages-api/posts
import type { Clock } from '../types.js';
import { invalidParam } from './simulator-errors.js';
import type { Params } from './simulator-auth.js';
import type { SimPost } from './simulator-world-data.js';

export const MIN_LEAD_S = 10 * 60;
/** Meta's 2012 announcement: up to six months ahead (the current window is unconfirmed). */
export const MAX_AHEAD_S = 183 * 24 * 3600;

export type NewPostFields = Omit<SimPost, 'id' | 'page_id' | 'created_time' | 'updated_time'>;

export function parseFeedPost(params: Params, clock: Clock): NewPostFields | Response {
  const message = params['message'];
  const link = params['link'];
  if (!message && !link) return invalidParam('Missing message or attachment');
  if (link !== undefined && !/^https?:\/\/[^\s]+$/i.test(link)) return invalidParam('Param link must be a valid URL');
  const published = parseBool(params['published'], true);
  if (published === null) return invalidParam('Param published must be a boolean');
  const fields: NewPostFields = { published, ...(message && { message }), ...(link && { link }) };
  return parseShared(params, fields, ['call_to_action', 'feed_targeting', 'targeting'], clock);
}

/** What `/feed` and `/photos` check alike: JSON objects, a place id, the schedule window. */
export function parseShared<F extends NewPostFields>(params: Params, fields: F, objects: ReadonlyArray<'call_to_action' | 'feed_targeting' | 'targeting'>, clock: Clock): F | Response {
  for (const key of objects) {
    if (params[key] === undefined) continue;
    const value = parseObject(params[key]);
    if (!value) return invalidParam(`Param ${key} must be a JSON object`);
    if (key === 'call_to_action' && typeof value['type'] !== 'string') return invalidParam('Param call_to_action[type] is required');
    fields[key] = value;
  }
  if (params['place'] !== undefined) {
    if (!/^\d+$/.test(params['place'])) return invalidParam('Param place must be a valid place ID');
    fields.place_id = params['place'];
  }
  const rawTime = params['scheduled_publish_time'];
  if (rawTime !== undefined) {
    if (fields.published) return invalidParam('You cannot specify a scheduled publish time on a published post');
    const at = parseTime(rawTime);
    if (at === null) return invalidParam('Param scheduled_publish_time must be a UNIX timestamp or an ISO 8601 date');
    const now = Math.floor(clock.now().getTime() / 1000);
    if (at < now + MIN_LEAD_S) return invalidParam('scheduled_publish_time must be at least 10 minutes in the future');
    if (at > now + MAX_AHEAD_S) return invalidParam('The specified scheduled publish time is invalid.');
    fields.scheduled_publish_time = at;
  }
  return fields;
}

export function parseBool(raw: string | undefined, fallback: boolean): boolean | null {
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return null;
}

function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Unix seconds, or an ISO 8601 date (Meta takes both). */
function parseTime(raw: string): number | null {
  if (/^\d{9,11}$/.test(raw)) return Number(raw);
  const ms = Date.parse(raw);
  return /^\d{4}-\d{2}-\d{2}T/.test(raw) && !Number.isNaN(ms) ? Math.floor(ms / 1000) : null;
}
