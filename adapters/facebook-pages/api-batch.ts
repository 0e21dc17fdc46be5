// Graph batch writes for Page posts: deletes (suspend) and `/feed` creates (restore), ≤ 50 per
// batch. The token and appsecret_proof go once, in the batch request's form body (the auth
// strategy puts them there), never in a URL. The answer is an ordered array of
// `{code, headers:[{name,value}], body:"<json>"}`, or `null` for a sub-request that did not
// complete (a timeout: it may or may not have applied).
import type { AdapterError } from '../kit/adapter-error.js';
import { batchResponseSchema, headerMap, successSchema, type BatchElement } from '../kit/graph-batch.js';
import type { CallInfo } from '../kit/signals.js';
import { assertIds, isPageId, isPostId } from './adapter-settings.js';
import type { GraphApi } from './api.js';
import { POST_FIELDS } from './mappers.js';
import { createdSchema, postSchema, type Post } from './schemas.js';

/** Graph's own batch limit: https://developers.facebook.com/docs/graph-api/batch-requests#limits */
export const MAX_BATCH = 50;

export type DeleteResult = { ok: true } | { ok: false; error: AdapterError };
export type ReadResult = { ok: true; post: Post } | { ok: false; error: AdapterError };
export type CreateResult = { ok: true; id: string } | { ok: false; error: AdapterError };

export interface NewPost {
  pageId: string;
  /** the `/feed` parameters (mappers.createParams) */
  params: Record<string, string>;
}

// ONE batch of `DELETE /{post-id}` (a scheduled post is deleted like any Page post; Meta offers
// no pause). https://developers.facebook.com/docs/graph-api/reference/page-post/#deleting
// https://developers.facebook.com/docs/graph-api/batch-requests
export async function deletePosts(api: GraphApi, ids: readonly string[]): Promise<DeleteResult[]> {
  assertIds(ids, MAX_BATCH, isPostId);
  const batch = ids.map((id) => ({ method: 'DELETE', relative_url: `${api.version}/${id}` }));
  const call: CallInfo = { operation: `DELETE /${api.version}/{post-id} (in a batch)`, method: 'DELETE', write: true };
  const elements = await sendBatch(api, batch);
  return elements.map((e) => {
    const read = readElement(api, e.element, e.headers, call);
    if (!read.ok) return read;
    return successSchema.safeParse(read.body).data?.success === true ? { ok: true } : { ok: false, error: api.client.unexpected(call, 200, 'no {"success":true} in the element') };
  });
}

// ONE batch of `POST /{page-id}/feed` with published=false and scheduled_publish_time: each
// answers `{"id":"{page-id}_{post-id}"}`, the new post.
// https://developers.facebook.com/docs/graph-api/reference/page/feed/#publish
// https://developers.facebook.com/docs/pages-api/posts
export async function createPosts(api: GraphApi, posts: readonly NewPost[]): Promise<CreateResult[]> {
  assertIds(
    posts.map((p) => p.pageId),
    MAX_BATCH,
    isPageId,
  );
  const batch = posts.map((p) => ({ method: 'POST', relative_url: `${api.version}/${p.pageId}/feed`, body: new URLSearchParams(p.params).toString() }));
  const call: CallInfo = { operation: `POST /${api.version}/{page-id}/feed (in a batch)`, method: 'POST', write: true };
  const elements = await sendBatch(api, batch);
  return elements.map((e) => {
    const read = readElement(api, e.element, e.headers, call);
    if (!read.ok) return read;
    const created = createdSchema.safeParse(read.body);
    return created.success && isPostId(created.data.id) ? { ok: true, id: created.data.id } : { ok: false, error: api.client.unexpected(call, 200, 'no post id in the element') };
  });
}

// ONE batch of `GET /{post-id}?fields=…`: each id answered on its own, so a post we deleted
// (gone by design) does not fail the others' reads as a multiple-id read would.
// https://developers.facebook.com/docs/graph-api/reference/page-post/#Reading
export async function readPostsBatch(api: GraphApi, ids: readonly string[]): Promise<ReadResult[]> {
  assertIds(ids, MAX_BATCH, isPostId);
  const fields = encodeURIComponent(POST_FIELDS.join(','));
  const batch = ids.map((id) => ({ method: 'GET', relative_url: `${api.version}/${id}?fields=${fields}` }));
  const call: CallInfo = { operation: `GET /${api.version}/{post-id} (in a batch)`, method: 'GET', write: false };
  const elements = await sendBatch(api, batch);
  return elements.map((e) => {
    const read = readElement(api, e.element, e.headers, call);
    if (!read.ok) return read;
    const post = postSchema.safeParse(read.body);
    return post.success ? { ok: true, post: post.data } : { ok: false, error: api.client.unexpected(call, 200, 'not a post') };
  });
}

async function sendBatch(api: GraphApi, batch: ReadonlyArray<Record<string, string>>): Promise<Array<{ element: BatchElement; headers: Record<string, string> }>> {
  const request = {
    method: 'POST',
    path: `/${api.version}/`,
    // Headers stay included (the default): a throttled element carries its own usage headers.
    form: { batch: JSON.stringify(batch) },
    operation: `POST /${api.version}/ (batch)`,
  } as const;
  const response = await api.client.send(request);
  const elements = batchResponseSchema.safeParse(response.data);
  if (!elements.success || elements.data.length !== batch.length) {
    throw api.client.unexpected({ operation: request.operation, method: 'POST', write: true }, response.status, 'not one answer per request of the batch');
  }
  return elements.data.map((element) => ({ element, headers: response.headers }));
}

type Read = { ok: true; body: unknown } | { ok: false; error: AdapterError };

function readElement(api: GraphApi, element: BatchElement, outer: Record<string, string>, call: CallInfo): Read {
  // A sub-request that did not complete may have applied: ambiguous, as a timeout is.
  if (element === null) return { ok: false, error: api.client.unexpected(call, 0, 'the batch element did not complete (null)') };
  const body = parseBody(element.body);
  const failure = api.client.failureOf({ status: element.code, headers: { ...outer, ...headerMap(element.headers) }, data: body }, call);
  return failure ? { ok: false, error: failure } : { ok: true, body };
}

function parseBody(body: string | null | undefined): unknown {
  try {
    return body ? JSON.parse(body) : null;
  } catch {
    return null;
  }
}
