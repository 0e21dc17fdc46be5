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
export const SIM_ATTACHMENT_FIELDS = ['type', 'unshimmed_url', 'url', 'media_type', 'title'] as const;
export const SIM_PAGE_FIELDS = ['id', 'name', 'link', 'category'] as const;

const jsonObject = z.record(z.string(), z.unknown());

export const simPostSchema = z.object({
  /** {page-id}_{post-id} */
  id: z.string().regex(/^\d+_\d+$/),
  page_id: z.string().regex(/^\d+$/),
  message: z.string().optional(),
  /** a link post: its `share` attachment's URL */
  link: z.string().optional(),
  /** a media post made outside `/feed` (photo, video_inline, album): no way to post it again */
  media: z.enum(['photo', 'video_inline', 'album']).optional(),
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

/** The post as Graph answers it (the shape the adapter's schemas read), every modelled field. */
export function postAsGraph(post: SimPost, now: Date): Post & Record<string, unknown> {
  const published = isPublished(post, now);
  const [pageId, postId] = post.id.split('_');
  const attachment = post.link
    ? { type: 'share', unshimmed_url: post.link, url: `https://l.facebook.com/l.php?u=${encodeURIComponent(post.link)}`, title: post.link }
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
    ...(post.media && { full_picture: `https://scontent.xx.fbcdn.net/v/t39.30808-6/${postId}_n.jpg` }),
    ...(attachment && { attachments: { data: [attachment] } }),
  };
}
