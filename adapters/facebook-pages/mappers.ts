// Vendor ⇄ domain for scheduled Page posts, and THE fingerprint projection shared with the
// simulator.
import { createHash } from 'node:crypto';
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
  'attachments{type,unshimmed_url,target}',
] as const;

/** Our names for a post's state (Meta's `unpublished_content_type` words). */
export type PostStatus = 'SCHEDULED' | 'PUBLISHED' | 'DRAFT';

/** Attachment types a create can make again: none or a link (`/feed`), one photo (`/photos`, its bytes stored). */
const RECREATABLE_ATTACHMENTS = new Set([null, 'share', 'photo']);

/** The photo of a single-photo post: its Photo node, whose `images` give the full-size file. */
export const photoIdOf = (post: Post): string | null => {
  const attachment = post.attachments?.data[0];
  return attachment?.type === 'photo' ? (attachment.target?.id ?? null) : null;
};

/** What names an image's bytes in the fingerprint: a person swapping the photo changes it. */
export const imageDigest = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

const object = (value: unknown): JsonValue => (value && typeof value === 'object' ? (JSON.parse(canonicalJson(value as JsonValue)) as JsonValue) : null);

/**
 * What a restore must preserve: text, link, call to action, audience, place, what media it
 * carries and, for a photo, the digest of its image's bytes (`image`; absent, not null, for
 * other posts, so their fingerprints stay what they were). Never the id, the time or any status.
 * The simulator hashes the same projection.
 */
export function contentOf(post: Post, image: string | null = null): JsonObject {
  const attachment = post.attachments?.data[0];
  const mediaType = attachment?.type ?? null;
  return {
    ...(mediaType === 'photo' && { image }),
    message: post.message ?? null,
    link: mediaType === 'share' ? (attachment?.unshimmed_url ?? attachment?.url ?? null) : null,
    mediaType: mediaType === 'share' ? null : mediaType,
    callToAction: object(post.call_to_action),
    feedTargeting: object(post.feed_targeting),
    targeting: object(post.targeting),
    placeId: post.place?.id ?? null,
  };
}

export const postFingerprint = (post: Post, image: string | null = null): string => fingerprint(contentOf(post, image));

/**
 * What finds the post an unclear create made: the content without the image's digest. Meta
 * resizes and re-encodes what is uploaded, so the bytes its CDN serves back need not be ours.
 */
export const matchKey = (content: Record<string, unknown>): string => fingerprint({ ...content, image: undefined });

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
  /** false for video or album posts (a read does not give back media we could post again), or a photo we could not fetch */
  recreatable: z.boolean(),
  /** why not, for the refusal a person reads */
  refusal: z.string().optional(),
  content: z.record(z.string(), z.unknown()),
  /** a photo post's image, fetched and stored before the delete (invariant 2): re-uploaded on restore */
  image: z.object({ contentType: z.string(), size: z.number().int(), digest: z.string(), base64: z.string() }).optional(),
});
export type PostSnapshot = z.infer<typeof snapshotSchema>;

export type PostImage = NonNullable<PostSnapshot['image']>;
/** A photo post's image as the listing fetched it, or why it could not. */
export type ImageFetch = { ok: true; image: PostImage } | { ok: false; reason: string };

export function toLiveItem(post: Post, pageId: string, now: Date, photo?: ImageFetch): LiveItem {
  const content = contentOf(post, photo?.ok ? photo.image.digest : null);
  const attachment = (post.attachments?.data[0]?.type ?? null) as string | null;
  // /photos takes no call to action: such a photo post could not be made again as it was.
  const refusal = attachment !== 'photo' ? undefined : photo?.ok !== true ? (photo?.reason ?? 'its image was not fetched') : post.call_to_action ? 'a photo post with a call to action' : undefined;
  const snapshot: PostSnapshot = {
    schema: 'facebook-pages/post@1',
    pageId,
    scheduledAt: scheduledAtOf(post),
    recreatable: RECREATABLE_ATTACHMENTS.has(attachment) && refusal === undefined,
    ...(refusal !== undefined && { refusal }),
    content,
    ...(photo?.ok && refusal === undefined && { image: photo.image }),
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

/** `image`: a photo's digest; null when it could not be read (then no fingerprint: unknown content is never "the same"). */
export function toObservation(post: Post, now: Date, image: string | null = null): Observation {
  const status = statusOf(post, now);
  const unknown = photoIdOf(post) !== null && image === null;
  return { externalId: post.id, found: true, live: status === 'SCHEDULED', status, fingerprint: unknown ? null : postFingerprint(post, image), scheduledAt: scheduledAtOf(post) };
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

/**
 * The `/photos` parameters besides the file (`source`): `caption`, "the description of the
 * photo", carries the post's text (the spec also lists `message`; its role there is undocumented);
 * unpublished with `scheduled_publish_time` (unix seconds) as on `/feed`. No link, no CTA there.
 * https://developers.facebook.com/docs/graph-api/reference/page/photos/#Creating
 */
export function photoParams(content: Record<string, unknown>, at: Date): Record<string, string> {
  const { message, published, scheduled_publish_time, ...rest } = createParams({ ...content, link: undefined, callToAction: undefined }, at);
  return { ...(message !== undefined && { caption: message }), ...rest, published: published!, scheduled_publish_time: scheduled_publish_time! };
}
