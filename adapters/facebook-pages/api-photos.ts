// Graph calls for single-photo posts: the Photo node read (its full-size image), and the
// multipart upload that re-creates the post, unpublished and scheduled. One upload per request:
// a batch would carry the file as an `attached_files` part, which buys little for a handful.
import { assertIds, isPageId, isPostId } from './adapter-settings.js';
import type { GraphApi } from './api.js';
import { photoCreatedSchema, photoSchema, type Photo } from './schemas.js';

/** Photo fields read (specs/meta/Photo.json): its stored sizes, and the post it belongs to. */
export const PHOTO_FIELDS = ['id', 'images', 'page_story_id'] as const;

// https://developers.facebook.com/docs/graph-api/reference/photo/#Reading
// `images`: "The different stored representations of the photo", each {height, width, source}.
export async function readPhoto(api: GraphApi, photoId: string): Promise<Photo> {
  assertIds([photoId], 1, isPageId); // a Photo id is numeric, as a Page's
  return api.client.json(
    { method: 'GET', path: `/${api.version}/${photoId}`, query: { fields: PHOTO_FIELDS.join(',') }, operation: `GET /${api.version}/{photo-id}` },
    photoSchema,
  );
}

export interface NewPhotoPost {
  pageId: string;
  /** mappers.photoParams: caption, published=false, scheduled_publish_time, targeting, place */
  params: Record<string, string>;
  image: { bytes: Uint8Array; contentType: string };
}

// https://developers.facebook.com/docs/graph-api/reference/page/photos/#Creating
// multipart/form-data with the file as `source`; answers {id (the photo), post_id}. Where no
// post_id comes back, the photo's `page_story_id` names the post.
export async function createPhotoPost(api: GraphApi, post: NewPhotoPost): Promise<string> {
  assertIds([post.pageId], 1, isPageId);
  const form = new FormData();
  for (const [name, value] of Object.entries(post.params)) form.append(name, value);
  const extension = post.image.contentType.split('/')[1]?.replace('jpeg', 'jpg') ?? 'jpg';
  form.append('source', new Blob([new Uint8Array(post.image.bytes)], { type: post.image.contentType }), `photo.${extension}`);
  const operation = `POST /${api.version}/{page-id}/photos`;
  const created = await api.client.json({ method: 'POST', path: `/${api.version}/${post.pageId}/photos`, multipart: form, operation }, photoCreatedSchema);
  const postId = created.post_id ?? (await readPhoto(api, created.id)).page_story_id;
  if (postId === undefined || !isPostId(postId)) throw api.client.unexpected({ operation, method: 'POST', write: true }, 200, 'no post id for the uploaded photo');
  return postId;
}
