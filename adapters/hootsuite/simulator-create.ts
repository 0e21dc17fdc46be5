// `POST /v1/messages` as Hootsuite answers it: one new message per social profile requested,
// returned as an array. Checks what the spec states (UTC time ending in Z, known profiles,
// Pinterest not bundled) and what it implies (a scheduled time in the future; see README for the
// codes we had to assume).
import { z } from 'zod';
import { createMessageBodySchema } from './schemas.js';
import { ERRORS, unknownProfile, validationError, type SimError } from './simulator-errors.js';
import { MEMBER_ID, type SimMessage, type SimulatorStore } from './simulator-store.js';

// Definition `Message`, checked strictly enough to refuse what Hootsuite would refuse: the
// location bounds are the spec's ("between -90 to 90", "-180 to 180").
const createBody = createMessageBodySchema.extend({
  location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
});

// "Dates must end with 'Z' to be accepted" (definition Message, scheduledSendTime).
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function createMessages(store: SimulatorStore, raw: unknown, now: Date): { data: SimMessage[] } | SimError {
  const parsed = createBody.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return validationError(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  const body = parsed.data;
  for (const id of body.socialProfileIds) if (!store.profiles.has(id)) return unknownProfile(id);
  const profiles = body.socialProfileIds.map((id) => store.profiles.get(id)!);
  if (profiles.some((p) => p.type === 'PINTEREST') && profiles.length > 1) {
    return validationError('scheduling a message to Pinterest can not be bundled with any other social profiles');
  }
  if (!body.text && !body.media?.length && !body.mediaUrls?.length) return validationError('text or media is required');

  let sendAt: string | null = null;
  if (body.scheduledSendTime !== undefined) {
    if (!UTC_TIME.test(body.scheduledSendTime) || Number.isNaN(Date.parse(body.scheduledSendTime))) {
      return validationError("scheduledSendTime must be an ISO-8601 UTC time ending in 'Z'");
    }
    // Undocumented: Hootsuite schedules only in the future; refusing a past time is assumed.
    if (Date.parse(body.scheduledSendTime) <= now.getTime()) return validationError('scheduledSendTime must be in the future');
    sendAt = body.scheduledSendTime.replace(/\.000Z$/, 'Z');
  }
  if (sendAt !== null && store.scheduledCount() + profiles.length > store.scheduledLimit) return ERRORS.scheduledLimit;

  const created = profiles.map((profile) => {
    const message: SimMessage = {
      id: store.newMessageId(),
      // Without a time the message is sent now ("Send Now"), which this simulator does at once.
      state: sendAt === null ? 'SENT' : 'SCHEDULED',
      socialProfile: { id: profile.id, externalURL: profile.externalURL },
      scheduledSendTime: sendAt ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      createdByMember: { id: MEMBER_ID },
      lastUpdatedByMember: { id: MEMBER_ID },
      sequenceNumber: null,
    };
    if (body.text !== undefined) message.text = body.text;
    if (body.webhookUrls) message.webhookUrls = body.webhookUrls;
    if (body.tags) message.tags = body.tags;
    if (body.targeting) message.targeting = body.targeting;
    if (body.privacy) message.privacy = body.privacy;
    if (body.location) message.location = body.location;
    if (body.emailNotification !== undefined) message.emailNotification = body.emailNotification;
    // Hootsuite adds a thumbnail to each ow.ly media URL it stores.
    if (body.mediaUrls) message.mediaUrls = body.mediaUrls.map((m) => ({ url: m.url, thumbnailUrl: thumbnailOf(m.url) }));
    if (body.media) message.media = body.media;
    const info = body.extendedInfo?.filter((e) => e.socialProfileId === undefined || e.socialProfileId === profile.id);
    if (info?.length) message.extendedInfo = info;
    if (message.state === 'SENT') store.markPublished(message);
    store.put(message);
    return structuredClone(message);
  });
  return { data: created };
}

export function thumbnailOf(url: string): string {
  return url.replace('/photos/normal/', '/photos/thumb/');
}
