// Mutations `createPost` and `deletePost` as Buffer answers them: typed payloads (unions of a
// success and error types implementing MutationError {message}), never a thrown error for what a
// person could fix. What Buffer states is enforced (Instagram needs media and a type; required
// fields); what it implies is too, with messages we had to choose (see README, "Unconfirmed").
import type { SimPost } from './simulator-world-data.js';
import { assetsOf, metadataOf } from './simulator-world-input.js';
import type { BufferWorld } from './simulator-world.js';
import type { AssetInput, MetadataInput } from './schemas.js';

export interface CreatePostArgs {
  channelId: string;
  text?: string | null;
  schedulingType: 'automatic' | 'notification';
  mode: 'addToQueue' | 'customScheduled' | 'shareNext' | 'shareNow';
  dueAt?: string | null;
  assets: Array<Record<string, unknown>>;
  tagIds?: string[] | null;
  metadata?: MetadataInput | null;
  needsApproval: boolean;
  saveToDraft?: boolean | null;
}

const error = (__typename: string, message: string) => ({ __typename, message });
const HOUR = 3_600_000;

export function createPost(world: BufferWorld, input: CreatePostArgs) {
  const channel = world.channel(input.channelId);
  if (!channel) return error('NotFoundError', 'Channel not found');
  if (channel.isDisconnected) return error('InvalidInputError', 'Invalid post: the channel is disconnected, reconnect it in Buffer.');
  // AssetInput is @oneOf: exactly one of image, video, document.
  if (input.assets.some((a) => Object.values(a).filter((v) => v !== null && v !== undefined).length !== 1)) return error('InvalidInputError', 'Invalid post: each asset must set exactly one of image, video or document.');
  const assets = input.assets as AssetInput[];
  const problems: string[] = [];
  if (!input.text && assets.length === 0) problems.push('Text is required');
  // Buffer's own answer, seen on its live API: "Invalid post: Instagram posts require at least one image or video., …"
  if (channel.service === 'instagram' && !assets.some((a) => 'image' in a || 'video' in a)) problems.push('Instagram posts require at least one image or video.');
  if (channel.service === 'instagram' && !input.metadata?.instagram?.type) problems.push('Instagram posts require a type (post, story, or reel).');
  if (channel.service === 'pinterest' && !input.metadata?.pinterest?.boardServiceId) problems.push('Pinterest posts require a board.');
  if (problems.length > 0) return error('InvalidInputError', `Invalid post: ${problems.join(', ')}`);

  const now = world.clock.now().getTime();
  let dueAt: number | null = null;
  if (input.mode === 'customScheduled') {
    if (!input.dueAt) return error('InvalidInputError', 'Invalid post: dueAt is required when mode is customScheduled.');
    dueAt = Date.parse(input.dueAt);
    if (dueAt <= now) return error('InvalidInputError', 'Invalid post: dueAt must be in the future.');
  } else if (input.mode === 'addToQueue') dueAt = Math.ceil((now + HOUR) / HOUR) * HOUR;
  else if (input.mode === 'shareNext') dueAt = now + 10 * 60_000;
  else dueAt = now;

  const at = new Date(now).toISOString();
  const draft = input.saveToDraft === true;
  const post: SimPost = {
    id: world.newId(),
    organizationId: channel.organizationId,
    text: input.text ?? '',
    status: draft ? 'draft' : input.needsApproval ? 'needs_approval' : input.mode === 'shareNow' ? 'sending' : 'scheduled',
    via: 'api',
    schedulingType: input.schedulingType,
    isCustomScheduled: input.mode === 'customScheduled',
    shareMode: input.mode,
    sharedNow: input.mode === 'shareNow',
    dueAt: draft ? null : new Date(dueAt).toISOString(),
    sentAt: null,
    createdAt: at,
    updatedAt: at,
    channelId: channel.id,
    channelService: channel.service,
    externalLink: null,
    assets: assetsOf(assets),
    tags: (input.tagIds ?? []).map((id) => ({ id, name: `tag ${id.slice(-4)}`, color: '#2C4BFF', isLocked: false })),
    metadata: metadataOf(channel.service, input.metadata ?? undefined),
    error: null,
  };
  world.insert(post);
  return { __typename: 'PostActionSuccess', post: structuredClone(post) };
}

/** Sent and sending posts are history Buffer keeps: their allowedActions hold no deletePost. */
const UNDELETABLE = new Set(['sending', 'sent']);

export function deletePost(world: BufferWorld, id: string) {
  const post = world.get(id);
  if (!post) return error('VoidMutationError', 'Post not found');
  if (UNDELETABLE.has(post.status)) return error('VoidMutationError', `A ${post.status} post cannot be deleted`);
  world.remove(post);
  return { __typename: 'DeletePostSuccess', id };
}
