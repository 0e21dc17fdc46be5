// Vendor ⇄ domain for scheduled Page posts, and THE fingerprint projection shared with the
// simulator.
import { z } from 'zod';
import { canonicalJson, fingerprint } from '../kit/fingerprint.js';
import type { JsonObject, JsonValue, LiveItem, Observation } from '../types.js';
import type { Post } from './schemas.js';

export const OBJECT_TYPE = 'page post';

/**
 * What every post read asks for: PagePost fields (specs/meta/PagePost.json) and its
 * `attachments` edge, expanded to the two StoryAttachment fields that say what the post carries
 * (field expansion: https://developers.facebook.com/docs/graph-api/field-expansion). Graph
 * dropped the `link` field of Page posts (v3.3): a link post's URL is its `share` attachment's.
 */
export const POST_FIELDS = [
  'id',
  'message',
  'created_time',
  'updated_time',
  'scheduled_publish_time',
  'is_published',
  'call_to_action',
  'feed_targeting',
  'targeting',
  'place',
  'attachments{type,unshimmed_url}',
] as const;

/** Our names for a post's state (Meta's `unpublished_content_type` words). */
export type PostStatus = 'SCHEDULED' | 'PUBLISHED' | 'DRAFT';

/** Attachment types a `/feed` create can make again from what a read shows: none, or a link. */
const RECREATABLE_ATTACHMENTS = new Set([null, 'share']);

const object = (value: unknown): JsonValue => (value && typeof value === 'object' ? (JSON.parse(canonicalJson(value as JsonValue)) as JsonValue) : null);

/**
 * What a restore must preserve: text, link, call to action, audience, place, and what media it
 * carries. Never the id, the time or any status. The simulator hashes the same projection.
 */
export function contentOf(post: Post): JsonObject {
  const attachment = post.attachments?.data[0];
  const mediaType = attachment?.type ?? null;
  return {
    message: post.message ?? null,
    link: mediaType === 'share' ? (attachment?.unshimmed_url ?? attachment?.url ?? null) : null,
    mediaType: mediaType === 'share' ? null : mediaType,
    callToAction: object(post.call_to_action),
    feedTargeting: object(post.feed_targeting),
    targeting: object(post.targeting),
    placeId: post.place?.id ?? null,
  };
}

export const postFingerprint = (post: Post): string => fingerprint(contentOf(post));

/** ISO time of a post's unix-seconds schedule, or null. */
export function scheduledAtOf(post: Pick<Post, 'scheduled_publish_time'>): string | null {
  const seconds = post.scheduled_publish_time;
  return seconds === undefined || !Number.isFinite(seconds) ? null : new Date(seconds * 1000).toISOString();
}

export function statusOf(post: Pick<Post, 'is_published' | 'scheduled_publish_time'>, now: Date): PostStatus {
  if (post.is_published === true) return 'PUBLISHED';
  const at = scheduledAtOf(post);
  if (at === null) return 'DRAFT';
  // Meta publishes it at its time: a scheduled time in the past means it went out.
  return Date.parse(at) > now.getTime() ? 'SCHEDULED' : 'PUBLISHED';
}

/** Opaque to the core; parsed back only here. */
export const snapshotSchema = z.object({
  schema: z.literal('facebook-pages/post@1'),
  pageId: z.string(),
  scheduledAt: z.string().nullable(),
  /** false for photo, video or album posts: a read does not give back media we could post again */
  recreatable: z.boolean(),
  content: z.record(z.string(), z.unknown()),
});
export type PostSnapshot = z.infer<typeof snapshotSchema>;

export function toLiveItem(post: Post, pageId: string, now: Date): LiveItem {
  const content = contentOf(post);
  const snapshot: PostSnapshot = {
    schema: 'facebook-pages/post@1',
    pageId,
    scheduledAt: scheduledAtOf(post),
    recreatable: RECREATABLE_ATTACHMENTS.has((post.attachments?.data[0]?.type ?? null) as string | null),
    content,
  };
  const text = post.message ?? content['link'] ?? `Post ${post.id}`;
  return {
    externalId: post.id,
    kind: 'post',
    method: 'delete',
    objectType: OBJECT_TYPE,
    title: String(text).length > 80 ? `${String(text).slice(0, 77)}…` : String(text),
    status: statusOf(post, now),
    scheduledAt: scheduledAtOf(post),
    fingerprint: fingerprint(content),
    snapshot: snapshot as unknown as JsonObject,
  };
}

export function toObservation(post: Post, now: Date): Observation {
  const status = statusOf(post, now);
  return { externalId: post.id, found: true, live: status === 'SCHEDULED', status, fingerprint: postFingerprint(post), scheduledAt: scheduledAtOf(post) };
}

export function missingObservation(externalId: string): Observation {
  return { externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null };
}

/**
 * The `/feed` parameters that create the post again, unpublished and scheduled: Meta publishes
 * at once unless `published=false` goes with `scheduled_publish_time` (unix seconds).
 * https://developers.facebook.com/docs/pages-api/posts
 */
export function createParams(content: Record<string, unknown>, at: Date): Record<string, string> {
  const params: Record<string, string> = {};
  const text = (key: string) => (typeof content[key] === 'string' ? (content[key] as string) : undefined);
  const json = (key: string) => (content[key] && typeof content[key] === 'object' ? JSON.stringify(content[key]) : undefined);
  const set = (name: string, value: string | undefined) => value !== undefined && (params[name] = value);
  set('message', text('message'));
  set('link', text('link'));
  set('call_to_action', json('callToAction'));
  set('feed_targeting', json('feedTargeting'));
  set('targeting', json('targeting'));
  set('place', text('placeId'));
  params['published'] = 'false';
  params['scheduled_publish_time'] = String(Math.ceil(at.getTime() / 1000));
  return params;
}
