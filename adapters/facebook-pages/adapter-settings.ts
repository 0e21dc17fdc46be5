// A Facebook Pages connection's settings, and how Page and post ids are written.
import { z } from 'zod';
import { AdapterError } from '../kit/adapter-error.js';

/**
 * The Graph API version is pinned, the same as adapters/meta-ads: Meta ships a version about
 * every quarter and retires each about two years later
 * (https://developers.facebook.com/docs/graph-api/changelog). The default follows the vendor
 * spec the tests check against (`test/specs/meta/version.txt`).
 */
export const DEFAULT_API_VERSION = 'v25.0';

export const facebookPagesSettingsSchema = z.object({
  apiVersion: z
    .string()
    .regex(/^v\d+\.0$/, 'a Graph API version such as v25.0')
    .default(DEFAULT_API_VERSION),
  /** scheduled posts per listing page (Graph `limit`; Graph caps edges at 100) */
  pageSize: z.number().int().min(1).max(100).default(25),
});

export type FacebookPagesSettings = z.infer<typeof facebookPagesSettingsSchema>;

/** Page ids are numeric (`104180000000001`); anything else never reaches a Graph path. */
export function isPageId(id: string): boolean {
  return /^\d{1,20}$/.test(id);
}

/** Page post ids are `{page-id}_{post-id}`: both halves numeric. */
export function isPostId(id: string): boolean {
  return /^\d{1,20}_\d{1,20}$/.test(id);
}

/** The Page a post id belongs to (its first half). */
export function pageOfPost(id: string): string {
  return id.split('_')[0]!;
}

/** Ids go into paths and batch relative_urls: only well-formed Graph ids may pass. */
export function assertIds(ids: readonly string[], max: number, valid: (id: string) => boolean): void {
  if (ids.length > max) throw invalid(`at most ${max} ids per call, got ${ids.length}`);
  for (const id of ids) if (!valid(id)) throw invalid(`not a Graph id: ${JSON.stringify(id)}`);
}

function invalid(message: string): AdapterError {
  return new AdapterError({ code: 'invalid_request', message, retryable: false, ambiguous: false });
}
