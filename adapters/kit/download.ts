// Downloading a file a platform only gives as a link (a photo's CDN URL), to keep it in a
// snapshot: a plain GET that never carries the connection's credentials (they must not reach
// another host), follows no redirect, is cut off at a size and a time, and fails with a
// non-retryable AdapterError saying why — where it is raised nothing has been changed yet.
import { AdapterError } from './adapter-error.js';
import type { AdapterErrorCode } from '../types.js';

export interface DownloadOptions {
  timeoutMs: number;
  maxBytes: number;
  /** the Accept header, e.g. `image/*` */
  accept: string;
}

export interface Downloaded {
  bytes: Uint8Array;
  /** without parameters: `image/jpeg` */
  contentType: string;
}

/** The file at `url`, whole. */
export async function download(url: string, options: DownloadOptions): Promise<Downloaded> {
  try {
    // The timeout covers the whole download, body included.
    const response = await fetch(url, { redirect: 'error', headers: { accept: options.accept }, signal: AbortSignal.timeout(options.timeoutMs) });
    if (response.status !== 200) throw downloadFailure('not_found', `${hostOf(url)} answered ${response.status} for the file`);
    if (Number(response.headers.get('content-length') ?? 0) > options.maxBytes) {
      void response.body?.cancel().catch(() => undefined); // not awaited: a stalled peer must not hold us
      throw tooLarge(options.maxBytes);
    }
    const bytes = await readCapped(response, options.maxBytes);
    if (bytes.byteLength === 0) throw downloadFailure('unexpected_response', `${hostOf(url)} answered an empty file`);
    return { bytes, contentType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim() };
  } catch (error) {
    if (error instanceof AdapterError) throw error;
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw downloadFailure(timedOut ? 'timeout' : 'network', `the file could not be fetched from ${hostOf(url)} (${timedOut ? 'timed out' : 'unreachable'})`);
  }
}

/** The body, cut off at `max` bytes: a server may say nothing of the size, or less than it sends. */
async function readCapped(response: Response, max: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.byteLength;
    if (size > max) {
      void reader!.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

export const hostOf = (raw: string): string => (URL.canParse(raw) ? new URL(raw).host : 'an invalid URL');

const tooLarge = (max: number): AdapterError => downloadFailure('invalid_request', `the file is larger than ${max / (1024 * 1024)} MB, more than we hold in a snapshot`);

export const downloadFailure = (code: AdapterErrorCode, message: string): AdapterError => new AdapterError({ code, message, retryable: false, ambiguous: false });
