// From a `createPost` input to what Buffer shows of the post: its assets (interface Asset) and
// its network options (union PostMetadata), as Buffer fills them in.
import type { JsonValue } from '../types.js';
import type { AssetInput, MetadataInput } from './schemas.js';

type Json = Record<string, JsonValue>;

export function assetsOf(inputs: readonly AssetInput[]): Json[] {
  return inputs.map((a): Json => {
    if ('image' in a) {
      const { url, thumbnailUrl, metadata } = a.image;
      return { __typename: 'ImageAsset', id: null, type: 'image', mimeType: url.endsWith('.png') ? 'image/png' : 'image/jpeg', source: url, thumbnail: thumbnailUrl ?? url, image: { altText: metadata?.altText ?? '', width: 1080, height: 1080, isAnimated: false } };
    }
    if ('video' in a) {
      const { url, thumbnailUrl } = a.video;
      return { __typename: 'VideoAsset', id: null, type: 'video', mimeType: 'video/mp4', source: url, thumbnail: thumbnailUrl ?? url, video: { durationMs: 30_000, width: 1080, height: 1920, isTranscodingRequired: false, isVideoProcessing: false } };
    }
    const { url, title, thumbnailUrl } = a.document;
    return { __typename: 'DocumentAsset', id: null, type: 'document', mimeType: 'application/pdf', source: url, thumbnail: thumbnailUrl, document: { title, numPages: 1, thumbnails: [thumbnailUrl] } };
  });
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function linkOf(l: NonNullable<NonNullable<MetadataInput['facebook']>['linkAttachment']> | undefined): Json | null {
  if (!l) return null;
  return { url: l.url, expandedUrl: l.url, title: l.title ?? '', text: l.description ?? '', thumbnail: orNull(l.thumbnail?.url), thumbnails: l.thumbnail ? [l.thumbnail.url] : [] };
}

/** PostMetadata for a channel's network: what the input set, Buffer's defaults for the rest. */
export function metadataOf(service: string, m: MetadataInput | undefined): Json | null {
  switch (service) {
    case 'instagram':
      return { __typename: 'InstagramPostMetadata', type: m?.instagram?.type ?? 'post', firstComment: orNull(m?.instagram?.firstComment), link: orNull(m?.instagram?.link), shouldShareToFeed: m?.instagram?.shouldShareToFeed ?? true, isAiGenerated: false };
    case 'facebook':
      return { __typename: 'FacebookPostMetadata', type: m?.facebook?.type ?? 'post', firstComment: orNull(m?.facebook?.firstComment), linkAttachment: linkOf(m?.facebook?.linkAttachment), title: null };
    case 'linkedin':
      return { __typename: 'LinkedInPostMetadata', type: 'post', firstComment: orNull(m?.linkedin?.firstComment), linkAttachment: linkOf(m?.linkedin?.linkAttachment) };
    case 'pinterest': {
      const board = m?.pinterest?.boardServiceId;
      return { __typename: 'PinterestPostMetadata', type: 'post', title: orNull(m?.pinterest?.title), url: orNull(m?.pinterest?.url), board: board ? { id: board, serviceId: board, name: 'Board', url: `https://www.pinterest.com/board/${board}` } : null };
    }
    case 'tiktok':
      return { __typename: 'TiktokPostMetadata', type: 'post', title: orNull(m?.tiktok?.title), isAiGenerated: m?.tiktok?.isAiGenerated ?? false };
    case 'twitter':
      return { __typename: 'TwitterPostMetadata', type: 'post', threadCount: 0, retweet: null, isAiGenerated: false };
    case 'threads':
      return { __typename: 'ThreadsPostMetadata', type: 'post', threadCount: 0, topic: null };
    case 'bluesky':
      return { __typename: 'BlueskyPostMetadata', type: 'post', threadCount: 0 };
    case 'mastodon':
      return { __typename: 'MastodonPostMetadata', type: 'post', threadCount: 0, spoilerText: orNull(m?.mastodon?.spoilerText) };
    default:
      return null;
  }
}
