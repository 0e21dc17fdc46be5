// The GraphQL documents the adapter sends, one per operation. Field, argument and type names are
// Buffer's (https://developers.buffer.com/reference.html); test/adapters/buffer-spec.test.ts
// validates every document sent against test/specs/buffer/operations.json.

/** What we read of a post: all a re-creation needs, and what tells us when one is impossible. */
export const POST_FIELDS = `fragment PostFields on Post {
  id text status dueAt channelId channelService schedulingType
  assets { __typename type source thumbnail mimeType ... on ImageAsset { image { altText } } ... on DocumentAsset { document { title } } }
  tags { id }
  metadata {
    __typename
    ... on InstagramPostMetadata { type firstComment link shouldShareToFeed }
    ... on FacebookPostMetadata { type firstComment linkAttachment { url title text thumbnail } }
    ... on LinkedInPostMetadata { firstComment linkAttachment { url title text thumbnail } }
    ... on PinterestPostMetadata { title url board { serviceId } }
    ... on TiktokPostMetadata { title isAiGenerated }
    ... on TwitterPostMetadata { threadCount retweet { id } }
    ... on ThreadsPostMetadata { threadCount }
    ... on BlueskyPostMetadata { threadCount }
    ... on MastodonPostMetadata { threadCount spoilerText }
  }
}`;

export const ACCOUNT = 'query Account { account { id organizations { id } } }';

export const CHANNELS = 'query Channels($input: ChannelsInput!) { channels(input: $input) { id isQueuePaused } }';

export const POSTS = `query Posts($input: PostsInput!, $first: Int, $after: String) {
  posts(input: $input, first: $first, after: $after) { edges { node { ...PostFields } } pageInfo { hasNextPage endCursor } }
}
${POST_FIELDS}`;

/** Buffer allows "a maximum of 30 aliases per query" (guides/api-limits). */
export const MAX_ALIASES = 30;

const aliased = (kind: 'query' | 'mutation', name: string, prefix: string, type: string, count: number, field: (alias: string) => string): string => {
  if (count < 1 || count > MAX_ALIASES) throw new Error(`${name}: ${count} aliases (1 to ${MAX_ALIASES})`);
  const aliases = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  return `${kind} ${name}(${aliases.map((a) => `$${a}: ${type}!`).join(', ')}) {\n${aliases.map((a) => `  ${field(a)}`).join('\n')}\n}`;
};

/** `post(input: PostInput!)` once per id, aliased p0, p1, … */
export const readPostsDocument = (count: number): string =>
  `${aliased('query', 'ReadPosts', 'p', 'PostInput', count, (a) => `${a}: post(input: $${a}) { ...PostFields }`)}\n${POST_FIELDS}`;

/** `deletePost(input: DeletePostInput!)` once per id, aliased d0, d1, … */
export const deletePostsDocument = (count: number): string =>
  aliased('mutation', 'DeletePosts', 'd', 'DeletePostInput', count, (a) => `${a}: deletePost(input: $${a}) { __typename ... on DeletePostSuccess { id } ... on MutationError { message } }`);

/** `createPost(input: CreatePostInput!)` once per post, aliased c0, c1, … */
export const createPostsDocument = (count: number): string =>
  aliased('mutation', 'CreatePosts', 'c', 'CreatePostInput', count, (a) => `${a}: createPost(input: $${a}) { __typename ... on PostActionSuccess { post { id status dueAt } } ... on MutationError { message } }`);
