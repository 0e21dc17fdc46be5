// The image bytes of a photo post, from the CDN URL Graph hands out (`scontent…fbcdn.net`, not
// graph.facebook.com): a plain GET with no credential (the Page token must never reach another
// host), a size cap, no redirects, and only from Meta's CDN — or, in the sandbox, from under the
// Graph base URL the connection uses (the simulator serves its images there).
import { AdapterError } from '../kit/adapter-error.js';
import type { AdapterErrorCode } from '../types.js';

/** Meta recommends photos under 4 MB (graph-api/photo-uploads); above 8 MB we refuse to hold one. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

export interface CdnAccess {
  /** the Graph base URL in use (the sandbox's, in the sandbox) */
  graphBase: string;
  timeoutMs: number;
  maxBytes: number;
}

export interface FetchedBytes {
  bytes: Uint8Array;
  contentType: string;
}

/** Fetches the image whole, or throws a non-retryable AdapterError that says why. */
export async function fetchImage(cdn: CdnAccess, url: string): Promise<FetchedBytes> {
  if (!isAllowed(cdn, url)) throw fail('invalid_request', `the image URL is not on Meta's CDN: ${hostOf(url)}`);
  try {
    // The timeout covers the whole download, body included.
    const response = await fetch(url, { redirect: 'error', headers: { accept: 'image/*' }, signal: AbortSignal.timeout(cdn.timeoutMs) });
    const contentType = response.headers.get('content-type') ?? '';
    if (response.status !== 200) throw fail('not_found', `the CDN answered ${response.status} for the image`);
    if (!contentType.startsWith('image/')) throw fail('unexpected_response', `the CDN answered ${contentType || 'no content type'}, not an image`);
    if (Number(response.headers.get('content-length') ?? 0) > cdn.maxBytes) {
      void response.body?.cancel().catch(() => undefined); // not awaited: a stalled peer must not hold us
      throw tooLarge(cdn);
    }
    const bytes = await readCapped(response, cdn.maxBytes);
    if (bytes.byteLength === 0) throw fail('unexpected_response', 'the CDN answered an empty image');
    return { bytes, contentType: contentType.split(';')[0]!.trim() };
  } catch (error) {
    if (error instanceof AdapterError) throw error;
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw fail(timedOut ? 'timeout' : 'network', `the image could not be fetched from ${hostOf(url)} (${timedOut ? 'timed out' : 'unreachable'})`);
  }
}

/** The body, cut off at `max` bytes: a CDN may say nothing of the size, or less than it sends. */
async function readCapped(response: Response, max: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.byteLength;
    if (size > max) {
      void reader!.cancel().catch(() => undefined);
      throw tooLarge({ maxBytes: max });
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
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

const hostOf = (raw: string): string => URL.canParse(raw) ? new URL(raw).host : 'an invalid URL';

function tooLarge(cdn: Pick<CdnAccess, 'maxBytes'>): AdapterError {
  return fail('invalid_request', `the image is larger than ${cdn.maxBytes / (1024 * 1024)} MB, more than we hold in a snapshot`);
}

// Never retryable where it is raised: a failed fetch leaves the post scheduled and untouched.
const fail = (code: AdapterErrorCode, message: string): AdapterError => new AdapterError({ code, message, retryable: false, ambiguous: false });
