// Raw Buffer GraphQL API calls: one function per operation, each with its vendor doc above it.
// Every call is `POST https://api.buffer.com` with `{query, variables, operationName}` and the
// personal API key as `Authorization: Bearer` (guides/authentication); sending, pacing and error
// reading are the kit's. Writes of several posts go as one document of aliased mutations.
import type { z } from 'zod';
import type { VendorClient } from '../kit/vendor-client.js';
import { ACCOUNT, CHANNELS, createPostsDocument, deletePostsDocument, POSTS, readPostsDocument } from './api-documents.js';
import { accountAnswerSchema, channelsAnswerSchema, graphqlBodySchema, payloadSchema, postSchema, postsAnswerSchema, type BufferPost, type CreateInput, type Payload } from './schemas.js';
import { isFieldNotFound } from './signals.js';

export type BufferApi = VendorClient;

function graphql<T>(api: BufferApi, name: string, query: string, variables: Record<string, unknown>, schema: z.ZodType<T>, write = false): Promise<T> {
  // The operation name, never the variables, goes into messages.
  return api.json({ method: 'POST', path: '/', json: { query, variables, operationName: name }, operation: `POST / ${name}`, write }, schema);
}

// https://developers.buffer.com/reference.html (Query.account) — "Retrieves the authenticated user's account information"
export async function readAccount(api: BufferApi): Promise<string[]> {
  const body = await graphql(api, 'Account', ACCOUNT, {}, accountAnswerSchema);
  return (body.data.account.organizations ?? []).map((o) => o.id);
}

// https://developers.buffer.com/reference.html (Query.channels) — the organization's channels; we read which queues people paused
export async function readChannels(api: BufferApi, organizationId: string): Promise<Array<{ id: string; isQueuePaused: boolean }>> {
  const body = await graphql(api, 'Channels', CHANNELS, { input: { organizationId } }, channelsAnswerSchema);
  return body.data.channels;
}

export interface PostsQuery {
  organizationId: string;
  status?: readonly string[];
  channelIds?: readonly string[];
  dueAt?: { start: string; end: string };
  first: number;
  after?: string | null;
}

// https://developers.buffer.com/reference.html (Query.posts) — Relay pagination: `first`/`after` beside `input`, `pageInfo.endCursor`
export async function readPosts(api: BufferApi, q: PostsQuery): Promise<{ posts: BufferPost[]; next: string | null }> {
  const filter = {
    ...(q.status && { status: q.status }),
    ...(q.channelIds?.length && { channelIds: q.channelIds }),
    ...(q.dueAt && { dueAt: q.dueAt }),
  };
  const input = { organizationId: q.organizationId, filter, sort: [{ field: 'dueAt', direction: 'asc' }] };
  const body = await graphql(api, 'Posts', POSTS, { input, first: q.first, ...(q.after && { after: q.after }) }, postsAnswerSchema);
  const { edges, pageInfo } = body.data.posts;
  return { posts: (edges ?? []).map((e) => e.node), next: pageInfo.hasNextPage ? (pageInfo.endCursor ?? null) : null };
}

// https://developers.buffer.com/reference.html (Query.post) — one `post(input:{id})` per id, aliased. A deleted post is a
// NOT_FOUND error on its alias; `post` is non-null, so the whole `data` is then null and the others are asked again.
export async function readPostsById(api: BufferApi, ids: readonly string[]): Promise<Map<string, BufferPost | null>> {
  const found = new Map<string, BufferPost | null>();
  let remaining = [...ids];
  while (remaining.length > 0) {
    const variables = Object.fromEntries(remaining.map((id, i) => [`p${i}`, { id }]));
    const body = await graphql(api, 'ReadPosts', readPostsDocument(remaining.length), variables, graphqlBodySchema);
    if (body.data) {
      remaining.forEach((id, i) => {
        const parsed = postSchema.nullable().safeParse(body.data?.[`p${i}`] ?? null);
        if (!parsed.success) throw api.unexpected({ operation: 'POST / ReadPosts', method: 'POST', write: false }, 200, `p${i}: not a post`);
        found.set(id, parsed.data);
      });
      return found;
    }
    const missing = new Set((body.errors ?? []).filter(isFieldNotFound).map((e) => String(e.path![0])));
    if (missing.size === 0) throw api.unexpected({ operation: 'POST / ReadPosts', method: 'POST', write: false }, 200, 'no data and no per-post error');
    remaining.forEach((id, i) => missing.has(`p${i}`) && found.set(id, null));
    remaining = remaining.filter((_, i) => !missing.has(`p${i}`));
  }
  return found;
}

// https://developers.buffer.com/reference.html (Mutation.deletePost) — "Delete a post by id"; answers the union
// DeletePostPayload (DeletePostSuccess | VoidMutationError). Irreversible (invariant 9): called only with a full snapshot stored.
export async function deletePosts(api: BufferApi, ids: readonly string[]): Promise<Payload[]> {
  const variables = Object.fromEntries(ids.map((id, i) => [`d${i}`, { id }]));
  const body = await graphql(api, 'DeletePosts', deletePostsDocument(ids.length), variables, graphqlBodySchema, true);
  return payloads(api, 'DeletePosts', 'd', ids.length, body.data);
}

// https://developers.buffer.com/guides/posts-and-scheduling.html (Mutation.createPost, mode customScheduled + dueAt) —
// answers the union PostActionPayload: PostActionSuccess {post} or an error type implementing MutationError {message}.
export async function createPosts(api: BufferApi, inputs: ReadonlyArray<CreateInput & { mode: 'customScheduled'; dueAt: string }>): Promise<Payload[]> {
  const variables = Object.fromEntries(inputs.map((input, i) => [`c${i}`, input]));
  const body = await graphql(api, 'CreatePosts', createPostsDocument(inputs.length), variables, graphqlBodySchema, true);
  return payloads(api, 'CreatePosts', 'c', inputs.length, body.data);
}

function payloads(api: BufferApi, name: string, prefix: string, count: number, data: Record<string, unknown> | null | undefined): Payload[] {
  return Array.from({ length: count }, (_, i) => {
    const parsed = payloadSchema.safeParse(data?.[`${prefix}${i}`]);
    if (!parsed.success) throw api.unexpected({ operation: `POST / ${name}`, method: 'POST', write: true }, 200, `${prefix}${i}: no payload`);
    return parsed.data;
  });
}
