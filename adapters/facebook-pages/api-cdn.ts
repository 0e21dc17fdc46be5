// The image bytes of a photo post, from the CDN URL Graph hands out (`scontent…fbcdn.net`, not
// graph.facebook.com): a plain GET with no credential (the Page token must never reach another
// host), a size cap, no redirects (the kit's `download`), and only from Meta's CDN — or, in the
// sandbox, from under the Graph base URL the connection uses (the simulator serves its images there).
import { download, downloadFailure, hostOf, type Downloaded } from '../kit/download.js';

/** Meta recommends photos under 4 MB (graph-api/photo-uploads); above 8 MB we refuse to hold one. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export interface CdnAccess {
  /** the Graph base URL in use (the sandbox's, in the sandbox) */
  graphBase: string;
  timeoutMs: number;
  maxBytes: number;
}

export type FetchedBytes = Downloaded;

// https://developers.facebook.com/docs/graph-api/reference/photo/ (`images`: the stored sizes, each a CDN `source`)
/** Fetches the image whole, or throws a non-retryable AdapterError that says why (nothing is deleted then). */
export async function fetchImage(cdn: CdnAccess, url: string): Promise<FetchedBytes> {
  if (!isAllowed(cdn, url)) throw downloadFailure('invalid_request', `the image URL is not on Meta's CDN: ${hostOf(url)}`);
  const file = await download(url, { timeoutMs: cdn.timeoutMs, maxBytes: cdn.maxBytes, accept: 'image/*' });
  if (!file.contentType.startsWith('image/')) throw downloadFailure('unexpected_response', `the CDN answered ${file.contentType || 'no content type'}, not an image`);
  return file;
}

function isAllowed(cdn: CdnAccess, raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' && (url.hostname === 'fbcdn.net' || url.hostname.endsWith('.fbcdn.net'))) return true;
    return raw.startsWith(`${cdn.graphBase.replace(/\/+$/, '')}/`);
  } catch {
    return false;
  }
}
