// The simulator world's data, as zod schemas: the one description of what a world holds (Pages
// and their posts in Graph's own shapes, and the simulated app's settings), what `exportData`
// writes and what `load` accepts back; and how a post is shown for a `fields=` selection.
import { z } from 'zod';
import type { Post } from './schemas.js';

/** PagePost fields the simulator answers (all in specs/meta/PagePost.json), plus the attachments edge. */
export const SIM_POST_FIELDS = [
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
  'permalink_url',
  'status_type',
  'full_picture',
] as const;
/** StoryAttachment fields answered under `attachments{…}` (Meta's attachment reference). */
export const SIM_ATTACHMENT_FIELDS = ['type', 'unshimmed_url', 'url', 'media_type', 'title', 'target', 'media'] as const;
/** Photo fields the simulator answers (all in specs/meta/Photo.json). */
export const SIM_PHOTO_FIELDS = ['id', 'images', 'width', 'height', 'page_story_id', 'created_time'] as const;
export const SIM_PAGE_FIELDS = ['id', 'name', 'link', 'category'] as const;

const jsonObject = z.record(z.string(), z.unknown());

/** The photo of a single-photo post: its bytes (base64) as uploaded, served back by the simulated CDN. */
export const simPhotoSchema = z.object({
  id: z.string().regex(/^\d+$/),
  content_type: z.string(),
  data: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type SimPhoto = z.infer<typeof simPhotoSchema>;

export const simPostSchema = z.object({
  /** {page-id}_{post-id} */
  id: z.string().regex(/^\d+_\d+$/),
  page_id: z.string().regex(/^\d+$/),
  message: z.string().optional(),
  /** a link post: its `share` attachment's URL */
  link: z.string().optional(),
  /** a media post made outside `/feed` (photo, video_inline, album); a photo one holds its `photo` */
  media: z.enum(['photo', 'video_inline', 'album']).optional(),
  photo: simPhotoSchema.optional(),
  call_to_action: jsonObject.optional(),
  feed_targeting: jsonObject.optional(),
  targeting: jsonObject.optional(),
  /** a place's Page id (Graph answers `place` as {id, name}) */
  place_id: z.string().regex(/^\d+$/).optional(),
  /** unix seconds; absent for a draft (unpublished, no schedule) */
  scheduled_publish_time: z.number().int().optional(),
  /** published by hand or at once; a scheduled post counts as published once its time passed */
  published: z.boolean(),
  created_time: z.string(),
  updated_time: z.string(),
});
export type SimPost = z.infer<typeof simPostSchema>;

export const simPageSchema = z.object({ id: z.string().regex(/^\d+$/), name: z.string(), category: z.string() });
export type SimPage = z.infer<typeof simPageSchema>;

export const appSettingsSchema = z.object({ requireAppSecret: z.boolean() });
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const worldDataSchema = z.object({
  pages: z.array(simPageSchema),
  posts: z.array(simPostSchema),
  nextId: z.string().regex(/^\d+$/),
  app: appSettingsSchema,
});

/** Names of the places seeds use (a place is a Page: any numeric id is accepted). */
export const PLACES: Readonly<Record<string, string>> = {
  '110843418940484': 'Vancouver, British Columbia',
  '108424279189115': 'New York, New York',
  '106078429431815': 'London, United Kingdom',
};

/** Graph's time format: 2026-11-21T09:00:00+0000. */
export function graphTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** Published: by hand, or Meta published it when its scheduled time came. */
export function isPublished(post: SimPost, now: Date): boolean {
  return post.published || (post.scheduled_publish_time !== undefined && post.scheduled_publish_time * 1000 <= now.getTime());
}

/** Meta's CDN; the routes hand out their own root instead (`<base>/__cdn`), which they serve. */
export const DEFAULT_CDN_ROOT = 'https://scontent.xx.fbcdn.net';

/** A CDN URL of Meta's shape: `/v/t39.30808-6/<photo>_<n>_n.jpg?…&oh=…&oe=<expiry, hex>`. */
export function cdnUrl(root: string, photo: SimPhoto): string {
  const extension = photo.content_type === 'image/png' ? 'png' : 'jpg';
  const mark = Buffer.from(photo.id).toString('hex').slice(-12);
  return `${root}/v/t39.30808-6/${photo.id}_${mark}_n.${extension}?_nc_cat=104&_nc_sid=127cfc&_nc_ht=scontent.xx&oh=00_AY${mark}&oe=6F3A1B2C`;
}

/** The photo id a simulated CDN path names, or null. */
export function photoIdOfCdnPath(path: string): string | null {
  return /\/v\/t39\.30808-6\/(\d+)_[0-9a-f]+_n\.(?:jpg|png)$/.exec(path)?.[1] ?? null;
}

const displaySize = ({ width, height }: SimPhoto) => {
  const scale = Math.min(1, 720 / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
};

/** A stand-in JPEG of `size` bytes (SOI, a JFIF header, noise from `seed`, EOI): deterministic. */
export function fakeJpeg(seed: number, size = 24 * 1024): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01]);
  let x = seed >>> 0 || 1;
  for (let i = 13; i < size - 2; i++) bytes[i] = (x = (x * 1_103_515_245 + 12_345) >>> 0) >>> 24;
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

/** The Photo node as Graph answers it: its one stored size here (the full one). */
export function photoAsGraph(post: SimPost, photo: SimPhoto, cdnRoot: string): Record<string, unknown> {
  return { id: photo.id, images: [{ height: photo.height, width: photo.width, source: cdnUrl(cdnRoot, photo) }], width: photo.width, height: photo.height, page_story_id: post.id, created_time: post.created_time };
}

/** The post as Graph answers it (the shape the adapter's schemas read), every modelled field. */
export function postAsGraph(post: SimPost, now: Date, cdnRoot = DEFAULT_CDN_ROOT): Post & Record<string, unknown> {
  const published = isPublished(post, now);
  const [pageId, postId] = post.id.split('_');
  const photo = post.media === 'photo' ? post.photo : undefined;
  const attachment = post.link
    ? { type: 'share', unshimmed_url: post.link, url: `https://l.facebook.com/l.php?u=${encodeURIComponent(post.link)}`, title: post.link }
    : photo
      ? {
          type: 'photo',
          media_type: 'photo',
          url: `https://www.facebook.com/photo.php?fbid=${photo.id}`,
          target: { id: photo.id, url: `https://www.facebook.com/photo.php?fbid=${photo.id}` },
          // A display size (reported as 720 px at most, unconfirmed): the Photo node has the full one.
          media: { image: { ...displaySize(photo), src: cdnUrl(cdnRoot, photo) } },
        }
      : post.media
        ? { type: post.media, media_type: post.media === 'video_inline' ? 'video' : post.media, url: `https://www.facebook.com/${pageId}/posts/${postId}` }
        : undefined;
  return {
    id: post.id,
    ...(post.message !== undefined && { message: post.message }),
    created_time: post.created_time,
    updated_time: post.updated_time,
    ...(post.scheduled_publish_time !== undefined && { scheduled_publish_time: post.scheduled_publish_time }),
    is_published: published,
    ...(post.call_to_action && { call_to_action: post.call_to_action }),
    ...(post.feed_targeting && { feed_targeting: post.feed_targeting }),
    ...(post.targeting && { targeting: post.targeting }),
    ...(post.place_id && { place: { id: post.place_id, name: PLACES[post.place_id] ?? `Place ${post.place_id}` } }),
    permalink_url: `https://www.facebook.com/${pageId}/posts/${postId}`,
    status_type: post.media ? 'added_photos' : post.link ? 'shared_story' : 'mobile_status_update',
    ...(post.media && { full_picture: photo ? cdnUrl(cdnRoot, photo) : `${DEFAULT_CDN_ROOT}/v/t39.30808-6/${postId}_n.jpg` }),
    ...(attachment && { attachments: { data: [attachment] } }),
  };
}

/** A post as a person made it in Meta Business Suite. */
export interface PostInput {
  page?: string;
  message?: string;
  link?: string;
  media?: SimPost['media'];
  /** a photo post's image (default: a stand-in JPEG) */
  image?: { bytes: Uint8Array; contentType?: string; width?: number; height?: number };
  call_to_action?: Record<string, unknown>;
  feed_targeting?: Record<string, unknown>;
  targeting?: Record<string, unknown>;
  place_id?: string;
  /** when it goes out; null/absent with `published: false` = a draft */
  scheduledAt?: Date | null;
  published?: boolean;
}

export type PostEdit = Partial<Pick<SimPost, 'message' | 'link' | 'call_to_action' | 'feed_targeting' | 'targeting' | 'place_id' | 'scheduled_publish_time'>>;

/** A new post's fields (checked by the route); a photo gets its id from the world. */
export type NewPost = Omit<SimPost, 'id' | 'page_id' | 'created_time' | 'updated_time' | 'photo'> & { photo?: Omit<SimPhoto, 'id'> };

/** A photo as a person uploads it: 2048 × 1365 unless told. */
export function photoOf(image: NonNullable<PostInput['image']>): Omit<SimPhoto, 'id'> {
  return { content_type: image.contentType ?? 'image/jpeg', data: Buffer.from(image.bytes).toString('base64'), width: image.width ?? 2048, height: image.height ?? 1365 };
}
