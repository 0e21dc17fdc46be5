// `POST /{page-id}/photos` (a photo post, the file uploaded as multipart `source`), the Photo
// node read, and the simulated CDN that serves the bytes at the URLs the reads hand out. Checked
// as Graph checks an upload: a file is required (a `url` is not fetched here), an image type, a
// size limit, the same scheduling rules as `/feed`; targeting, feed_targeting and place.
// https://developers.facebook.com/docs/graph-api/reference/page/photos/#Creating
// https://developers.facebook.com/docs/graph-api/photo-uploads (formats; "under 4MB" recommended)
import type { Clock } from '../types.js';
import type { Files, Params } from './simulator-auth.js';
import { graphErrorResponse, invalidParam } from './simulator-errors.js';
import { parseBool, parseShared, type NewPostFields } from './simulator-feed.js';
import { photoIdOfCdnPath, photoOf, type NewPost } from './simulator-world-data.js';
import type { FacebookPagesWorld } from './simulator-world.js';

/** Assumed: Meta documents no hard limit for Page photos, only "under 4MB" as advice. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff']);

export async function parsePhotoPost(params: Params, files: Files, clock: Clock): Promise<NewPost | Response> {
  const file = files['source'];
  // Graph's own answer to an upload without a file (code 324).
  if (!file) return graphErrorResponse({ status: 400, code: 324, message: '(#324) Requires upload file' });
  if (!TYPES.has(file.type)) return invalidParam('Param source must be an image file (JPEG, PNG, GIF, BMP or TIFF)');
  if (file.size === 0) return graphErrorResponse({ status: 400, code: 324, message: '(#324) Requires upload file' });
  if (file.size > MAX_UPLOAD_BYTES) return invalidParam('File size too large');
  const published = parseBool(params['published'], true);
  if (published === null) return invalidParam('Param published must be a boolean');
  const caption = params['caption'] ?? params['message'];
  const fields = parseShared<NewPostFields>(params, { published, media: 'photo', ...(caption && { message: caption }) }, ['feed_targeting', 'targeting'], clock);
  if (fields instanceof Response) return fields;
  return { ...fields, photo: photoOf({ bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type }) };
}

/** `GET <root>/__cdn/v/t39.30808-6/<photo>_…_n.jpg`: the bytes, no credential needed, as a CDN. */
export function serveCdn(world: FacebookPagesWorld, path: string): Response {
  const id = photoIdOfCdnPath(path);
  const found = id === null ? undefined : world.photo(id);
  if (!found) return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } });
  const bytes = Buffer.from(found.photo.data, 'base64');
  return new Response(bytes, { status: 200, headers: { 'content-type': found.photo.content_type, 'content-length': String(bytes.byteLength), 'cache-control': 'max-age=1209600' } });
}
