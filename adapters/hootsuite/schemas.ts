// Loose zod schemas of the Hootsuite REST API v1 responses we read, after the vendor's own
// Swagger 2.0 file (copied in test/specs/hootsuite/hootsuite-rest-api-swagger.yaml).
// Every object is `looseObject`: Hootsuite may add fields at any time and we must never fail
// on them. Nested option objects (targeting, privacy, videoOptions, extendedInfo data) are kept
// as opaque JSON: we snapshot them whole and send them back unchanged.
import { z } from 'zod';
import type { JsonValue } from '../types.js';

export const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);
const jsonObject = z.record(z.string(), jsonValue);

/** The states of definition `SocialProfileMessage.state`. */
export const MESSAGE_STATES = ['SCHEDULED', 'SUBMITTED', 'PENDING_APPROVAL', 'SENT', 'SEND_FAILED_PERMANENTLY', 'REJECTED'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** The only values `GET /v1/messages?state=` accepts (a subset of the enum: no SUBMITTED). */
export const LIST_STATE_FILTERS = ['PENDING_APPROVAL', 'REJECTED', 'SENT', 'SCHEDULED', 'SEND_FAILED_PERMANENTLY'] as const;

export const mediaUrlSchema = z.looseObject({ url: z.string(), thumbnailUrl: z.string().nullish() });
export const mediaSchema = z.looseObject({
  id: z.string(),
  thumbnailId: z.string().nullish(),
  videoOptions: jsonObject.nullish(),
});
export const extendedInfoSchema = z.looseObject({
  socialProfileType: z.string().nullish(),
  socialProfileId: z.string().nullish(),
  data: jsonObject.nullish(),
});

/** Definition `SocialProfileMessage`: one message, always for a single social profile. */
export const socialProfileMessageSchema = z.looseObject({
  id: z.string(),
  // A state newer than this file is kept as a string: it is simply not live.
  state: z.string(),
  text: z.string().nullish(),
  socialProfile: z.looseObject({ id: z.string(), externalURL: z.string().nullish() }),
  scheduledSendTime: z.string().nullish(),
  webhookUrls: z.array(z.string()).nullish(),
  tags: z.array(z.string()).nullish(),
  targeting: jsonObject.nullish(),
  privacy: jsonObject.nullish(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number() }).nullish(),
  emailNotification: z.boolean().nullish(),
  mediaUrls: z.array(mediaUrlSchema).nullish(),
  media: z.array(mediaSchema).nullish(),
  extendedInfo: z.array(extendedInfoSchema).nullish(),
  postId: z.string().nullish(),
  postUrl: z.string().nullish(),
  sequenceNumber: z.number().nullish(),
});
export type SocialProfileMessage = z.infer<typeof socialProfileMessageSchema>;

/** `SocialProfileMessagesResponseEnvelope`: list and create answers. */
export const messagesEnvelopeSchema = z.looseObject({
  data: z.array(socialProfileMessageSchema),
  metadata: z
    .looseObject({
      cursor: z.looseObject({ next: z.string().nullish(), previous: z.string().nullish() }).nullish(),
    })
    .nullish(),
});

/** `SocialProfileMessageResponseEnvelope`: one message. */
export const messageEnvelopeSchema = z.looseObject({ data: socialProfileMessageSchema });

/** `MemberResponseEnvelope`: the authenticated member. */
export const memberEnvelopeSchema = z.looseObject({ data: z.looseObject({ id: z.string() }) });

/** `ErrorsResponseEnvelope` / definition `Error`. `code` is a number in the spec; tolerate strings. */
export const errorsEnvelopeSchema = z.looseObject({
  errors: z.array(
    z.looseObject({
      code: z.union([z.number(), z.string()]).nullish(),
      message: z.string().nullish(),
      id: z.string().nullish(),
      resource: z.looseObject({ type: z.string().nullish(), id: z.string().nullish() }).nullish(),
    }),
  ),
});
export type HootsuiteErrorBody = z.infer<typeof errorsEnvelopeSchema>;

/**
 * The body of `POST /v1/messages` (definition `Message`), as we snapshot it. Also the shape of
 * the `body` of our stored snapshot, so a snapshot read back from the store is parsed here.
 */
export const createMessageBodySchema = z.object({
  text: z.string().optional(),
  socialProfileIds: z.array(z.string()).min(1),
  scheduledSendTime: z.string().optional(),
  webhookUrls: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  targeting: jsonObject.optional(),
  privacy: jsonObject.optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  emailNotification: z.boolean().optional(),
  mediaUrls: z.array(z.object({ url: z.string() })).optional(),
  media: z.array(z.object({ id: z.string(), videoOptions: jsonObject.optional() })).optional(),
  extendedInfo: z
    .array(
      z.object({
        socialProfileType: z.string().optional(),
        socialProfileId: z.string().optional(),
        data: jsonObject.optional(),
      }),
    )
    .optional(),
});
export type CreateMessageBody = z.infer<typeof createMessageBodySchema>;
