// Hootsuite ⇄ domain. The one place that turns a vendor message into a LiveItem, an Observation,
// a snapshot and a create body, and THE fingerprint projection shared with the simulator.
import { z } from 'zod';
import { fingerprint } from '../kit/fingerprint.js';
import type { JsonObject, LiveItem, Observation } from '../types.js';
import { createMessageBodySchema, type CreateMessageBody, type SocialProfileMessage } from './schemas.js';

export const OBJECT_TYPE = 'message';
/** A message awaiting a person's approval in Hootsuite: not live, never listed. */
export const APPROVAL_STATE = 'PENDING_APPROVAL';
/** The one state in which Hootsuite will publish a message by itself. */
export const LIVE_STATE = 'SCHEDULED';
/** Our word for a message we deleted; Hootsuite keeps no trace of it. */
export const DELETED_STATUS = 'DELETED';

const TITLE_LENGTH = 60;

/**
 * The body of `POST /v1/messages` that re-creates this message: every field of definition
 * `Message`, for the message's single social profile. Server-made fields (id, state, postId,
 * thumbnails, members, reviewers) are left out: Hootsuite sets them again. Empty values are
 * dropped so that "no tags" reads the same whether Hootsuite sends `[]`, `null` or nothing.
 */
export function createBodyOf(message: SocialProfileMessage): CreateMessageBody {
  const body: CreateMessageBody = { socialProfileIds: [message.socialProfile.id] };
  if (message.text) body.text = message.text;
  if (message.scheduledSendTime) body.scheduledSendTime = message.scheduledSendTime;
  if (message.webhookUrls?.length) body.webhookUrls = [...message.webhookUrls];
  if (message.tags?.length) body.tags = [...message.tags];
  if (message.targeting && Object.keys(message.targeting).length) body.targeting = message.targeting;
  if (message.privacy && Object.keys(message.privacy).length) body.privacy = message.privacy;
  if (message.location) body.location = { latitude: message.location.latitude, longitude: message.location.longitude };
  if (typeof message.emailNotification === 'boolean') body.emailNotification = message.emailNotification;
  if (message.mediaUrls?.length) body.mediaUrls = message.mediaUrls.map((m) => ({ url: m.url }));
  if (message.media?.length) {
    body.media = message.media.map((m) => (m.videoOptions ? { id: m.id, videoOptions: m.videoOptions } : { id: m.id }));
  }
  if (message.extendedInfo?.length) {
    body.extendedInfo = message.extendedInfo.map((e) => ({
      ...(e.socialProfileType ? { socialProfileType: e.socialProfileType } : {}),
      ...(e.socialProfileId ? { socialProfileId: e.socialProfileId } : {}),
      ...(e.data ? { data: e.data } : {}),
    }));
  }
  return body;
}

/** The fingerprint projection of a create body: all of it but the send time (profile included). */
export function contentOfBody(body: CreateMessageBody): CreateMessageBody {
  const { scheduledSendTime: _time, ...content } = body;
  return content;
}

/** THE fingerprint projection of a vendor message, used by the adapter and the simulator alike. */
export function contentOf(message: SocialProfileMessage): CreateMessageBody {
  return contentOfBody(createBodyOf(message));
}

export function fingerprintOf(message: SocialProfileMessage): string {
  return fingerprint(contentOf(message));
}

/** What we store to put a deleted message back: the original id and the whole create body. */
export const snapshotSchema = z.object({
  messageId: z.string(),
  body: createMessageBodySchema,
});
export type HootsuiteSnapshot = z.infer<typeof snapshotSchema>;

export function snapshotOf(message: SocialProfileMessage): JsonObject {
  const snapshot: HootsuiteSnapshot = { messageId: message.id, body: createBodyOf(message) };
  return snapshot as unknown as JsonObject;
}

/** Hootsuite times → the one canonical form of the contract (`toISOString()`), or null. */
export function canonicalTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/**
 * A time as Hootsuite wants it: UTC ending in `Z` ("Missing or different timezones will not be
 * accepted", definition `Message.scheduledSendTime`), without milliseconds when they are zero,
 * like the spec's examples (`2020-01-01T14:00:00Z`).
 */
export function toHootsuiteTime(at: Date | string): string {
  const iso = new Date(at).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

export function titleOf(message: SocialProfileMessage): string {
  const text = (message.text ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return `Message ${message.id} (media only)`;
  return text.length <= TITLE_LENGTH ? text : `${text.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}

export function isLive(message: SocialProfileMessage): boolean {
  return message.state === LIVE_STATE;
}

export function toLiveItem(message: SocialProfileMessage): LiveItem {
  return {
    externalId: message.id,
    kind: 'post',
    method: 'delete',
    objectType: OBJECT_TYPE,
    title: titleOf(message),
    status: message.state,
    scheduledAt: canonicalTime(message.scheduledSendTime),
    fingerprint: fingerprintOf(message),
    snapshot: snapshotOf(message),
  };
}

export function toObservation(message: SocialProfileMessage): Observation {
  return {
    externalId: message.id,
    found: true,
    live: isLive(message),
    status: message.state,
    fingerprint: fingerprintOf(message),
    scheduledAt: canonicalTime(message.scheduledSendTime),
  };
}

export function notFoundObservation(externalId: string): Observation {
  return { externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null };
}

const MINUTE_MS = 60_000;
/** Our own margin for a message without video: Hootsuite documents no minimum for scheduling. */
export const LEAD_MS = 5 * MINUTE_MS;
/**
 * Video needs 15 minutes: an approver must act "at least 5 minutes (videos 15 minutes) before
 * they are scheduled to publish" (help.hootsuite.com/hc/en-us/articles/1260804251650), and the
 * simulator refuses a video scheduled sooner (see README: assumed of the API).
 */
export const VIDEO_LEAD_MS = 15 * MINUTE_MS;

// Hootsuite's upload takes video/mp4, image/gif, image/jpeg, image/jpg, image/png
// (definition MediaUploadUrlRequest); its media ids are the base64 of the uploaded file's URL
// (the swagger's examples end in .mp4). That is not a documented contract: an id we cannot read
// counts as a video, so a restore is held back 15 minutes rather than refused.
const IMAGE_URL = /\.(jpe?g|png|gif)(\?|$)/i;

/** Whether the message carries a video (videoOptions, or a media id that is not an image). */
export function hasVideo(body: Pick<CreateMessageBody, 'media'>): boolean {
  return (body.media ?? []).some((m) => m.videoOptions !== undefined || !IMAGE_URL.test(decodedMediaUrl(m.id)));
}

function decodedMediaUrl(id: string): string {
  const text = Buffer.from(id, 'base64').toString('utf8');
  return /^https?:\/\/\S+$/.test(text) ? text : '';
}

/** What a person must do about a re-created message that Hootsuite put up for approval. */
export function approvalNote(body: CreateMessageBody, sendAt: string): string {
  const minutes = hasVideo(body) ? 15 : 5;
  return `awaits approval in Hootsuite: a person must approve it at least ${minutes} minutes before its send time (${sendAt}), or Hootsuite lets it expire`;
}
