// Loose schemas of the Graph API answers we read for Page posts. Extra fields Meta adds never
// fail a parse; only what the adapter relies on is required.
import { z } from 'zod';

// Graph's error body is read by the kit (adapters/kit/graph-errors.ts).

/**
 * A StoryAttachment, read through `attachments{type,unshimmed_url,target}` (a link post:
 * `share`; a single-photo post: `photo`, whose `target` is the Photo node).
 */
export const attachmentSchema = z.looseObject({
  type: z.string().optional(),
  unshimmed_url: z.string().optional(),
  url: z.string().optional(),
  target: z.looseObject({ id: z.string().optional(), url: z.string().optional() }).optional(),
});

/** The PagePost node (specs/meta/PagePost.json): only the fields we request. */
export const postSchema = z.looseObject({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string().optional(),
  updated_time: z.string().optional(),
  /** unix seconds (the spec types it `float`) */
  scheduled_publish_time: z.coerce.number().optional(),
  is_published: z.boolean().optional(),
  call_to_action: z.record(z.string(), z.unknown()).optional(),
  feed_targeting: z.record(z.string(), z.unknown()).optional(),
  targeting: z.record(z.string(), z.unknown()).optional(),
  place: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  attachments: z.looseObject({ data: z.array(attachmentSchema) }).optional(),
});
export type Post = z.infer<typeof postSchema>;

/** Cursor paging: https://developers.facebook.com/docs/graph-api/results */
export const postPageSchema = z.looseObject({
  data: z.array(postSchema),
  paging: z
    .looseObject({
      cursors: z.looseObject({ before: z.string().optional(), after: z.string().optional() }).optional(),
      next: z.string().optional(),
    })
    .optional(),
});
export type PostPage = z.infer<typeof postPageSchema>;

/** The Photo node (specs/meta/Photo.json): `images` are its stored sizes, each a CDN URL (`source`). */
export const photoSchema = z.looseObject({
  id: z.string(),
  images: z.array(z.looseObject({ source: z.string(), width: z.coerce.number().optional(), height: z.coerce.number().optional() })).optional(),
  page_story_id: z.string().optional(),
});
export type Photo = z.infer<typeof photoSchema>;

/** `POST /{page-id}/photos` answers the photo's id, and the post's (`post_id`) when it made one. */
export const photoCreatedSchema = z.looseObject({ id: z.string(), post_id: z.string().optional() });

export const pageSchema = z.looseObject({ id: z.string(), name: z.string().optional() });

/** A create answers `{"id":"{page-id}_{post-id}"}` (a delete: the kit's successSchema). */
export const createdSchema = z.looseObject({ id: z.string() });

/**
 * Usage headers (https://developers.facebook.com/docs/graph-api/overview/rate-limiting):
 * `X-App-Usage` / `X-Page-Usage` are percentages ({call_count, total_cputime, total_time}, the
 * Page one may carry `estimated_time_to_regain_access` in minutes); `X-Business-Use-Case-Usage`
 * is keyed by Page id, each entry with `type: "pages"` and the regain time in minutes.
 */
export const usageSchema = z.looseObject({
  call_count: z.coerce.number().optional(),
  estimated_time_to_regain_access: z.coerce.number().optional(),
});
export const businessUseCaseUsageSchema = z.record(z.string(), z.array(usageSchema));
