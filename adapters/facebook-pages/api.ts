// Raw Graph API reads for Page posts: one function per endpoint, each with its vendor doc above
// it. Sending, pacing, auth and error reading are the kit's; these say what to send and which
// loose schema the answer must fit. The batch writes are in api-batch.ts.
import type { VendorClient } from '../kit/vendor-client.js';
import type { CdnAccess } from './api-cdn.js';
import { assertIds, isPageId, isPostId } from './adapter-settings.js';
import { POST_FIELDS } from './mappers.js';
import { pageSchema, postPageSchema, postSchema, type Post, type PostPage } from './schemas.js';

export interface GraphApi {
  client: VendorClient;
  /** `v25.0` */
  version: string;
  /** where photo posts' images may be fetched from, and how much of one we hold */
  cdn: CdnAccess;
}

// https://developers.facebook.com/docs/graph-api/reference/page/
// A cheap read with the Page token: it proves the token works for this Page.
export async function getPage(api: GraphApi, pageId: string): Promise<void> {
  assertIds([pageId], 1, isPageId);
  await api.client.json(
    { method: 'GET', path: `/${api.version}/${pageId}`, query: { fields: 'id,name' }, operation: `GET /${api.version}/{page-id}` },
    pageSchema,
  );
}

// https://developers.facebook.com/docs/graph-api/reference/page/scheduled_posts/
// "All posts scheduled to a future date by a page"; no parameters of its own, Graph's cursor
// paging (`limit`, `after`; https://developers.facebook.com/docs/graph-api/results).
export async function listScheduledPosts(api: GraphApi, pageId: string, page: { limit: number; after?: string | undefined }): Promise<PostPage> {
  assertIds([pageId], 1, isPageId);
  return api.client.json(
    {
      method: 'GET',
      path: `/${api.version}/${pageId}/scheduled_posts`,
      query: { fields: POST_FIELDS.join(','), limit: page.limit, after: page.after },
      operation: `GET /${api.version}/{page-id}/scheduled_posts`,
    },
    postPageSchema,
  );
}

// https://developers.facebook.com/docs/graph-api/reference/page-post/#Reading
export async function readPost(api: GraphApi, id: string): Promise<Post> {
  assertIds([id], 1, isPostId);
  return api.client.json(
    { method: 'GET', path: `/${api.version}/${id}`, query: { fields: POST_FIELDS.join(',') }, operation: `GET /${api.version}/{post-id}` },
    postSchema,
  );
}
