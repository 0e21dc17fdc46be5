// The part of Buffer's GraphQL schema the simulator serves, in SDL, with Buffer's own names
// (https://developers.buffer.com/reference.html; the same subset as test/specs/buffer/
// operations.json, which buffer-spec.test.ts checks this against). graphql-js parses, validates
// and executes every document against it, so a document Buffer would refuse is refused here too:
// unknown fields, wrong argument or input types, enum values, missing required input fields.
export const BUFFER_SDL = /* GraphQL */ `
scalar DateTime
scalar OrganizationId
scalar ChannelId
scalar PostId
scalar TagId

type Query {
  account: Account!
  channels(input: ChannelsInput!): [Channel!]!
  post(input: PostInput!): Post!
  posts(input: PostsInput!, first: Int, after: String): PostsResults!
}

type Mutation {
  createPost(input: CreatePostInput!): PostActionPayload!
  deletePost(input: DeletePostInput!): DeletePostPayload!
}

type Account { id: ID! email: String! name: String timezone: String organizations: [Organization!]! }
type Organization { id: OrganizationId! name: String! ownerEmail: String! channelCount: Int! }

enum Service { bluesky facebook googlebusiness instagram linkedin mastodon pinterest startPage substack threads tiktok twitter whatsapp youtube }
enum ChannelType { account business channel group page profile }
enum Product { analyze buffer comments engage publish startPage }
type Channel {
  id: ChannelId! name: String! displayName: String service: Service! type: ChannelType! organizationId: OrganizationId!
  timezone: String! isDisconnected: Boolean! isLocked: Boolean! isQueuePaused: Boolean!
}
input ChannelsFiltersInput { isLocked: Boolean product: Product }
input ChannelsInput { organizationId: OrganizationId! filter: ChannelsFiltersInput }

enum PostStatus { draft error needs_approval scheduled sending sent }
enum PostVia { api buffer network }
enum SchedulingType { automatic notification }
enum ShareMode { addToQueue customScheduled shareNext shareNow }
enum PostType { carousel event ghost_post offer post reel short story thread whats_new }
enum PostTypeFacebook { post reel story }
enum AssetType { document image video }
enum PostSortableKey { dueAt createdAt }
enum SortDirection { asc desc }
enum DateTimePresence { absent present }

interface Asset { id: ID type: AssetType! mimeType: String! source: String! thumbnail: String! }
type ImageMetadata { altText: String! width: Int! height: Int! isAnimated: Boolean! }
type ImageAsset implements Asset { id: ID type: AssetType! mimeType: String! source: String! thumbnail: String! image: ImageMetadata! }
type VideoMetadata { durationMs: Int! width: Int! height: Int! isTranscodingRequired: Boolean! isVideoProcessing: Boolean! }
type VideoAsset implements Asset { id: ID type: AssetType! mimeType: String! source: String! thumbnail: String! video: VideoMetadata! }
type DocumentMetadata { title: String numPages: Int! thumbnails: [String!]! }
type DocumentAsset implements Asset { id: ID type: AssetType! mimeType: String! source: String! thumbnail: String! document: DocumentMetadata! }

type Tag { id: TagId! color: String! name: String! isLocked: Boolean! }
type PostPublishingError { message: String! supportUrl: String rawError: String }
type LinkAttachment { url: String! expandedUrl: String text: String! thumbnails: [String!]! thumbnail: String title: String! }
type PinterestBoard { id: String! serviceId: String! name: String! url: String! }
type RetweetMetadata { id: String! url: String! text: String! }

type InstagramPostMetadata { type: PostType! firstComment: String link: String shouldShareToFeed: Boolean! isAiGenerated: Boolean! }
type FacebookPostMetadata { type: PostType! firstComment: String linkAttachment: LinkAttachment title: String }
type LinkedInPostMetadata { type: PostType! firstComment: String linkAttachment: LinkAttachment }
type PinterestPostMetadata { type: PostType! title: String url: String board: PinterestBoard }
type TiktokPostMetadata { type: PostType! title: String isAiGenerated: Boolean! }
type TwitterPostMetadata { type: PostType! threadCount: Int! retweet: RetweetMetadata isAiGenerated: Boolean! }
type ThreadsPostMetadata { type: PostType! threadCount: Int! topic: String }
type BlueskyPostMetadata { type: PostType! threadCount: Int! }
type MastodonPostMetadata { type: PostType! threadCount: Int! spoilerText: String }
type YoutubePostMetadata { type: PostType! title: String }
type GoogleBusinessPostMetadata { type: PostType! title: String }
union PostMetadata = InstagramPostMetadata | FacebookPostMetadata | LinkedInPostMetadata | TwitterPostMetadata | PinterestPostMetadata | GoogleBusinessPostMetadata | YoutubePostMetadata | MastodonPostMetadata | TiktokPostMetadata | ThreadsPostMetadata | BlueskyPostMetadata

type Post {
  id: PostId! text: String! status: PostStatus! via: PostVia! schedulingType: SchedulingType isCustomScheduled: Boolean!
  shareMode: ShareMode! sharedNow: Boolean! dueAt: DateTime sentAt: DateTime createdAt: DateTime! updatedAt: DateTime!
  channelId: ChannelId! channelService: Service! externalLink: String assets: [Asset!]! tags: [Tag!]!
  metadata: PostMetadata error: PostPublishingError
}
type PostsEdge { node: Post! cursor: String! }
type PaginationPageInfo { startCursor: String endCursor: String hasPreviousPage: Boolean! hasNextPage: Boolean! }
type PostsResults { edges: [PostsEdge!] pageInfo: PaginationPageInfo! }

input PostInput { id: PostId! }
input DateTimeComparator { start: DateTime end: DateTime }
input PostsFiltersInput { channelIds: [ChannelId!] dueAt: DateTimeComparator dueAtPresence: DateTimePresence status: [PostStatus!] createdAt: DateTimeComparator }
input PostSortInput { field: PostSortableKey! direction: SortDirection! }
input PostsInput { organizationId: OrganizationId! filter: PostsFiltersInput sort: [PostSortInput!] }

input ImageMetadataInput { altText: String! }
input ImageAssetInput { url: String! thumbnailUrl: String metadata: ImageMetadataInput }
input VideoAssetInput { url: String! thumbnailUrl: String }
input DocumentAssetInput { url: String! title: String! thumbnailUrl: String! }
input AssetInput { image: ImageAssetInput video: VideoAssetInput document: DocumentAssetInput }
input LinkAttachmentThumbnailInput { url: String! }
input LinkAttachmentInput { url: String! title: String description: String thumbnail: LinkAttachmentThumbnailInput }
input InstagramPostMetadataInput { type: PostType! shouldShareToFeed: Boolean! firstComment: String link: String }
input FacebookPostMetadataInput { type: PostTypeFacebook! firstComment: String linkAttachment: LinkAttachmentInput }
input LinkedInPostMetadataInput { firstComment: String linkAttachment: LinkAttachmentInput }
input PinterestPostMetadataInput { boardServiceId: String title: String url: String }
input TikTokPostMetadataInput { title: String isAiGenerated: Boolean }
input MastodonPostMetadataInput { spoilerText: String }
input PostInputMetaData {
  instagram: InstagramPostMetadataInput facebook: FacebookPostMetadataInput linkedin: LinkedInPostMetadataInput
  pinterest: PinterestPostMetadataInput tiktok: TikTokPostMetadataInput mastodon: MastodonPostMetadataInput
}
input CreatePostInput {
  channelId: ChannelId! text: String schedulingType: SchedulingType! mode: ShareMode! dueAt: DateTime
  assets: [AssetInput!]! = [] tagIds: [TagId!] metadata: PostInputMetaData needsApproval: Boolean! = false saveToDraft: Boolean
}
input DeletePostInput { id: PostId! }

interface MutationError { message: String! }
type PostActionSuccess { post: Post! }
type InvalidInputError implements MutationError { message: String! }
type LimitReachedError implements MutationError { message: String! }
type NotFoundError implements MutationError { message: String! }
type UnauthorizedError implements MutationError { message: String! }
type UnexpectedError implements MutationError { message: String! }
type RestProxyError implements MutationError { message: String! code: Int link: String }
union PostActionPayload = PostActionSuccess | InvalidInputError | LimitReachedError | NotFoundError | UnauthorizedError | UnexpectedError | RestProxyError
type DeletePostSuccess { id: PostId! }
type VoidMutationError implements MutationError { message: String! }
union DeletePostPayload = DeletePostSuccess | VoidMutationError
`;
