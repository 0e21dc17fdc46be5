// `POST /v1/messages` as Hootsuite answers it: one new message per social profile requested,
// returned as an array. Checks what the spec states (UTC time ending in Z, known profiles,
// Pinterest not bundled), what it implies (a scheduled time in the future, uploaded media) and
// what Hootsuite's help says (a video needs 15 minutes; a member whose posts need approval
// creates into PENDING_APPROVAL). See README for the codes we had to assume.
import { z } from 'zod';
import { createMessageBodySchema } from './schemas.js';
import { ERRORS, unknownMedia, unknownProfile, validationError, type SimError } from './simulator-errors.js';
import { MEMBER_ID, type HootsuiteWorld, type SimMessage } from './simulator-world.js';

// Definition `Message`, checked strictly enough to refuse what Hootsuite would refuse: the
// location bounds are the spec's ("between -90 to 90", "-180 to 180").
const createBody = createMessageBodySchema.extend({
  location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
});

// "Dates must end with 'Z' to be accepted" (definition Message, scheduledSendTime).
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const VIDEO_LEAD_MS = 15 * 60_000;
/** Who approves what a member with approval schedules: by default the profile's admins and editors. */
const DEFAULT_REVIEWERS = [{ id: '22421144', type: 'ADMIN_AND_EDITOR' }];

export function createMessages(world: HootsuiteWorld, raw: unknown, now: Date): { data: SimMessage[] } | SimError {
  const parsed = createBody.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return validationError(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  const body = parsed.data;
  for (const id of body.socialProfileIds) if (!world.profile(id)) return unknownProfile(id);
  const profiles = body.socialProfileIds.map((id) => world.profile(id)!);
  if (profiles.some((p) => p.type === 'PINTEREST') && profiles.length > 1) {
    return validationError('scheduling a message to Pinterest can not be bundled with any other social profiles');
  }
  if (!body.text && !body.media?.length && !body.mediaUrls?.length) return validationError('text or media is required');
  for (const m of body.media ?? []) if (world.mimeTypeOf(m.id) === undefined) return unknownMedia(m.id);
  const video = (body.media ?? []).some((m) => world.mimeTypeOf(m.id)?.startsWith('video/'));

  let sendAt: string | null = null;
  if (body.scheduledSendTime !== undefined) {
    if (!UTC_TIME.test(body.scheduledSendTime) || Number.isNaN(Date.parse(body.scheduledSendTime))) {
      return validationError("scheduledSendTime must be an ISO-8601 UTC time ending in 'Z'");
    }
    const lead = Date.parse(body.scheduledSendTime) - now.getTime();
    // Undocumented: Hootsuite schedules only in the future; refusing a past time is assumed.
    if (lead <= 0) return validationError('scheduledSendTime must be in the future');
    if (video && lead < VIDEO_LEAD_MS) return validationError('a video message must be scheduled at least 15 minutes ahead');
    sendAt = body.scheduledSendTime.replace(/\.000Z$/, 'Z');
  }
  const scheduling = profiles.filter((p) => sendAt !== null && !world.needsApproval(p.id)).length;
  if (scheduling > world.scheduledRoom()) return ERRORS.scheduledLimit;

  const created = profiles.map((profile) => {
    const approval = world.needsApproval(profile.id);
    const message: SimMessage = {
      id: world.newMessageId(),
      // Without a time the message is sent now ("Send Now"), which this simulator does at once.
      state: approval ? 'PENDING_APPROVAL' : sendAt === null ? 'SENT' : 'SCHEDULED',
      socialProfile: { id: profile.id, externalURL: profile.externalURL },
      scheduledSendTime: sendAt ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      createdByMember: { id: MEMBER_ID },
      lastUpdatedByMember: { id: MEMBER_ID },
      // "null if the message is not subject to approval"
      sequenceNumber: approval ? 1 : null,
      ...(approval && { reviewers: DEFAULT_REVIEWERS }),
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
    if (message.state === 'SENT') world.markPublished(message);
    world.insert(message);
    return structuredClone(message);
  });
  return { data: created };
}

export function thumbnailOf(url: string): string {
  return url.replace('/photos/normal/', '/photos/thumb/');
}
