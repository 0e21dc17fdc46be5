// Buffer ⇄ domain. The one place that turns a Buffer post into a LiveItem, an Observation, a
// snapshot and a `createPost` input, and THE fingerprint projection shared with the simulator.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { JsonObject, LiveItem, Observation } from '../types.js';
import { createInputSchema, type Asset, type AssetInput, type BufferPost, type CreateInput, type MetadataInput, type PostMetadata } from './schemas.js';

export const OBJECT_TYPE = 'post';
/** The one status in which Buffer publishes a post by itself (enum PostStatus). */
export const LIVE_STATUS = 'scheduled';
/** Our word for a post we deleted: Buffer keeps no trace of it. */
export const DELETED_STATUS = 'deleted';
const TITLE_LENGTH = 60;

export interface Projection {
  /** the `createPost` input that re-creates the post, without mode and dueAt */
  input: CreateInput;
  /** why the input would not put the post back exactly (a thread, a repost…), or null */
  unsupported: string | null;
}

/** THE projection: what a restore must preserve (channel, text, media, tags, network options), never id nor time. */
export function projectionOf(post: BufferPost): Projection {
  const reasons: string[] = [];
  const assets = post.assets.map((a) => assetInputOf(a, reasons));
  const input: CreateInput = {
    channelId: post.channelId,
    text: post.text,
    schedulingType: post.schedulingType === 'notification' ? 'notification' : 'automatic',
    assets: assets.filter((a): a is AssetInput => a !== null),
  };
  if (post.tags.length > 0) input.tagIds = post.tags.map((t) => t.id).sort();
  const metadata = post.metadata ? metadataInputOf(post.metadata, reasons) : undefined;
  if (metadata && Object.keys(metadata).length > 0) input.metadata = metadata;
  return { input, unsupported: reasons.length > 0 ? reasons.join('; ') : null };
}

export const fingerprintOf = (post: BufferPost): string => fingerprint(projectionOf(post).input);
export const fingerprintOfInput = (input: CreateInput): string => fingerprint(input);

function assetInputOf(asset: Asset, reasons: string[]): AssetInput | null {
  const thumbnail = asset.thumbnail ? { thumbnailUrl: asset.thumbnail } : {};
  switch (asset.type) {
    case 'image':
      return { image: { url: asset.source, ...thumbnail, ...(asset.image?.altText ? { metadata: { altText: asset.image.altText } } : {}) } };
    case 'video':
      return { video: { url: asset.source, ...thumbnail } };
    case 'document':
      return { document: { url: asset.source, title: asset.document?.title ?? '', thumbnailUrl: asset.thumbnail ?? '' } };
    default:
      reasons.push(`an asset of type ${asset.type}`);
      return null;
  }
}

const defined = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

function linkInputOf(m: PostMetadata) {
  const l = m.linkAttachment;
  return l ? defined({ url: l.url, title: l.title ?? undefined, description: l.text ?? undefined, thumbnail: l.thumbnail ? { url: l.thumbnail } : undefined }) : undefined;
}

function metadataInputOf(m: PostMetadata, reasons: string[]): MetadataInput | undefined {
  const str = (v: string | null | undefined) => v ?? undefined;
  if ((m.threadCount ?? 0) > 1) reasons.push(`a thread of ${m.threadCount} posts`);
  switch (m.__typename) {
    case 'InstagramPostMetadata':
      return { instagram: defined({ type: m.type ?? 'post', shouldShareToFeed: m.shouldShareToFeed ?? true, firstComment: str(m.firstComment), link: str(m.link) }) };
    case 'FacebookPostMetadata':
      return { facebook: defined({ type: m.type ?? 'post', firstComment: str(m.firstComment), linkAttachment: linkInputOf(m) }) };
    case 'LinkedInPostMetadata': {
      const linkedin = defined({ firstComment: str(m.firstComment), linkAttachment: linkInputOf(m) });
      return Object.keys(linkedin).length > 0 ? { linkedin } : undefined;
    }
    case 'PinterestPostMetadata':
      return { pinterest: defined({ boardServiceId: m.board?.serviceId, title: str(m.title), url: str(m.url) }) };
    case 'TiktokPostMetadata':
      return { tiktok: defined({ title: str(m.title), isAiGenerated: m.isAiGenerated ?? undefined }) };
    case 'MastodonPostMetadata':
      return m.spoilerText ? { mastodon: { spoilerText: m.spoilerText } } : undefined;
    case 'TwitterPostMetadata':
      if (m.retweet) reasons.push('a repost');
      return undefined;
    case 'ThreadsPostMetadata':
    case 'BlueskyPostMetadata':
      return undefined;
    default:
      reasons.push(`${m.__typename} options (not re-creatable through this adapter)`);
      return undefined;
  }
}

/** What we store to put a deleted post back: its id, organization and the whole create input. */
export const snapshotSchema = z.object({
  postId: z.string(),
  organizationId: z.string(),
  service: z.string(),
  input: createInputSchema,
  /** set when the input cannot put the post back exactly: suspend then refuses to delete it */
  unsupported: z.string().nullable(),
});
export type BufferSnapshot = z.infer<typeof snapshotSchema>;

export function snapshotOf(post: BufferPost, organizationId: string): JsonObject {
  const { input, unsupported } = projectionOf(post);
  const snapshot: BufferSnapshot = { postId: post.id, organizationId, service: post.channelService, input, unsupported };
  return JSON.parse(JSON.stringify(snapshot)) as JsonObject;
}

/** Buffer times (ISO 8601 UTC, e.g. 2026-03-10T15:00:00.000Z) → the contract's canonical form. */
export function canonicalTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

export function titleOf(post: BufferPost): string {
  const text = post.text.replace(/\s+/g, ' ').trim();
  if (!text) return `Post ${post.id} (media only)`;
  return text.length <= TITLE_LENGTH ? text : `${text.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}

export function toLiveItem(post: BufferPost, organizationId: string): LiveItem {
  return {
    externalId: post.id,
    kind: 'post',
    method: 'delete',
    objectType: OBJECT_TYPE,
    title: titleOf(post),
    status: post.status,
    scheduledAt: canonicalTime(post.dueAt),
    fingerprint: fingerprintOf(post),
    snapshot: snapshotOf(post, organizationId),
  };
}

export function toObservation(post: BufferPost): Observation {
  return { externalId: post.id, found: true, live: post.status === LIVE_STATUS, status: post.status, fingerprint: fingerprintOf(post), scheduledAt: canonicalTime(post.dueAt) };
}

export const notFoundObservation = (externalId: string): Observation => ({ externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null });

/** Our margin: Buffer schedules only in the future and documents no minimum lead. */
export const LEAD_MS = 5 * 60_000;
