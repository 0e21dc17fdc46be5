// A photo post's image, fetched while the post is listed so that its bytes are in the snapshot
// the core stores before any delete (invariant 2): the Photo node's largest stored size, then
// its bytes from the CDN. A photo we cannot fetch, or too large to hold, makes an item the
// suspend refuses (nothing deleted); a Graph failure fails the listing page, which the core retries.
import { AdapterError } from '../kit/adapter-error.js';
import { fetchImage } from './api-cdn.js';
import { readPhoto } from './api-photos.js';
import type { GraphApi } from './api.js';
import { imageDigest, photoIdOf, type ImageFetch } from './mappers.js';
import type { Post } from './schemas.js';

export async function imageOfPost(api: GraphApi, post: Post): Promise<ImageFetch> {
  const photoId = photoIdOf(post);
  if (photoId === null) return { ok: false, reason: 'Graph names no photo for this photo post' };
  const url = await largestImage(api, photoId);
  if (url === null) return { ok: false, reason: `photo ${photoId} has no image Graph will show` };
  try {
    const { bytes, contentType } = await fetchImage(api.cdn, url);
    return { ok: true, image: { contentType, size: bytes.byteLength, digest: imageDigest(bytes), base64: Buffer.from(bytes).toString('base64') } };
  } catch (error) {
    if (error instanceof AdapterError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The digest of a photo post's image as it is now (drift), or null when it cannot be read. */
export async function digestOfPost(api: GraphApi, post: Post): Promise<string | null> {
  const fetched = await imageOfPost(api, post).catch(() => null);
  return fetched?.ok ? fetched.image.digest : null;
}

/** The URL of the photo's largest stored size; null when the photo is gone or shows none. */
async function largestImage(api: GraphApi, photoId: string): Promise<string | null> {
  try {
    const photo = await readPhoto(api, photoId);
    const sizes = [...(photo.images ?? [])].sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0));
    return sizes[0]?.source ?? null;
  } catch (error) {
    if (error instanceof AdapterError && error.code === 'not_found') return null;
    throw error;
  }
}
