// Loose zod schemas of the Buffer GraphQL API answers we read, after Buffer's reference
// (https://developers.buffer.com/reference.html; the subset we use is described in
// test/specs/buffer/operations.json). Every object is `looseObject`: Buffer "only adds to the
// schema" (guides/api-standards) and we must never fail on a new field. Enum-typed fields are
// kept as strings: a value newer than this file is simply not live.
import { z } from 'zod';

/** Enum `PostStatus`. Only `scheduled` is live (will go out by itself). */
export const POST_STATUSES = ['draft', 'error', 'needs_approval', 'scheduled', 'sending', 'sent'] as const;
/** Enum `SchedulingType`: `notification` posts are published by a person after a reminder. */
export const SCHEDULING_TYPES = ['automatic', 'notification'] as const;

const linkAttachment = z.looseObject({ url: z.string(), title: z.string().nullish(), text: z.string().nullish(), thumbnail: z.string().nullish() });

/** Union `PostMetadata`, the members and fields we select (the rest show only `__typename`). */
export const postMetadataSchema = z.looseObject({
  __typename: z.string(),
  type: z.string().nullish(),
  firstComment: z.string().nullish(),
  link: z.string().nullish(),
  shouldShareToFeed: z.boolean().nullish(),
  linkAttachment: linkAttachment.nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
  board: z.looseObject({ serviceId: z.string() }).nullish(),
  isAiGenerated: z.boolean().nullish(),
  threadCount: z.number().nullish(),
  spoilerText: z.string().nullish(),
  retweet: z.looseObject({ id: z.string() }).nullish(),
});
export type PostMetadata = z.infer<typeof postMetadataSchema>;

/** Interface `Asset` and its members ImageAsset / VideoAsset / DocumentAsset. */
export const assetSchema = z.looseObject({
  __typename: z.string().nullish(),
  type: z.string(),
  source: z.string(),
  thumbnail: z.string().nullish(),
  mimeType: z.string().nullish(),
  image: z.looseObject({ altText: z.string().nullish() }).nullish(),
  document: z.looseObject({ title: z.string().nullish() }).nullish(),
});
export type Asset = z.infer<typeof assetSchema>;

/** Type `Post`, the fields we select. */
export const postSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  status: z.string(),
  dueAt: z.string().nullish(),
  channelId: z.string(),
  channelService: z.string(),
  schedulingType: z.string().nullish(),
  assets: z.array(assetSchema),
  tags: z.array(z.looseObject({ id: z.string() })),
  metadata: postMetadataSchema.nullish(),
});
export type BufferPost = z.infer<typeof postSchema>;

/** Type `PostsResults` (Relay connection): edges and pageInfo. */
export const postsResultsSchema = z.looseObject({
  edges: z.array(z.looseObject({ node: postSchema })).nullish(),
  pageInfo: z.looseObject({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
});

export const postsAnswerSchema = z.looseObject({ data: z.looseObject({ posts: postsResultsSchema }) });
export const accountAnswerSchema = z.looseObject({
  data: z.looseObject({ account: z.looseObject({ id: z.string(), organizations: z.array(z.looseObject({ id: z.string() })).nullish() }) }),
});
export const channelsAnswerSchema = z.looseObject({
  data: z.looseObject({ channels: z.array(z.looseObject({ id: z.string(), isQueuePaused: z.boolean() })) }),
});

/** A GraphQL error: `{message, path?, extensions: {code, retryAfter?, …}}`. */
export const graphqlErrorSchema = z.looseObject({
  message: z.string().nullish(),
  path: z.array(z.union([z.string(), z.number()])).nullish(),
  extensions: z.looseObject({ code: z.string().nullish(), retryAfter: z.number().nullish(), limitType: z.string().nullish() }).nullish(),
});
export type GraphqlError = z.infer<typeof graphqlErrorSchema>;
export const graphqlBodySchema = z.looseObject({
  data: z.record(z.string(), z.unknown()).nullish(),
  errors: z.array(graphqlErrorSchema).nullish(),
});

/** A mutation payload member: `DeletePostSuccess {id}`, `PostActionSuccess {post}` or an error type `{message}`. */
export const payloadSchema = z.looseObject({
  __typename: z.string(),
  id: z.string().nullish(),
  post: z.looseObject({ id: z.string(), status: z.string(), dueAt: z.string().nullish() }).nullish(),
  message: z.string().nullish(),
});
export type Payload = z.infer<typeof payloadSchema>;

// ---- inputs: the body of `createPost` as we snapshot it (input CreatePostInput) ----

const imageInput = z.object({ url: z.string(), thumbnailUrl: z.string().optional(), metadata: z.object({ altText: z.string() }).optional() });
const videoInput = z.object({ url: z.string(), thumbnailUrl: z.string().optional() });
const documentInput = z.object({ url: z.string(), title: z.string(), thumbnailUrl: z.string() });
/** Input `AssetInput` (@oneOf: exactly one of image, video, document). */
export const assetInputSchema = z.union([
  z.object({ image: imageInput }).strict(),
  z.object({ video: videoInput }).strict(),
  z.object({ document: documentInput }).strict(),
]);
export type AssetInput = z.infer<typeof assetInputSchema>;

const linkAttachmentInput = z.object({ url: z.string(), title: z.string().optional(), description: z.string().optional(), thumbnail: z.object({ url: z.string() }).optional() });
/** Input `PostInputMetaData`, the networks whose metadata we can put back exactly. */
export const metadataInputSchema = z.object({
  instagram: z.object({ type: z.string(), shouldShareToFeed: z.boolean(), firstComment: z.string().optional(), link: z.string().optional() }).optional(),
  facebook: z.object({ type: z.string(), firstComment: z.string().optional(), linkAttachment: linkAttachmentInput.optional() }).optional(),
  linkedin: z.object({ firstComment: z.string().optional(), linkAttachment: linkAttachmentInput.optional() }).optional(),
  pinterest: z.object({ boardServiceId: z.string().optional(), title: z.string().optional(), url: z.string().optional() }).optional(),
  tiktok: z.object({ title: z.string().optional(), isAiGenerated: z.boolean().optional() }).optional(),
  mastodon: z.object({ spoilerText: z.string().optional() }).optional(),
});
export type MetadataInput = z.infer<typeof metadataInputSchema>;

/** Input `CreatePostInput` without `mode` and `dueAt` (set at restore). */
export const createInputSchema = z.object({
  channelId: z.string(),
  text: z.string(),
  schedulingType: z.enum(SCHEDULING_TYPES),
  assets: z.array(assetInputSchema),
  tagIds: z.array(z.string()).optional(),
  metadata: metadataInputSchema.optional(),
});
export type CreateInput = z.infer<typeof createInputSchema>;
