// The simulator world's data, as zod schemas: the one description of what a world holds, what
// `exportData` writes and what `load` accepts back.
import { z } from 'zod';
import { createMessageBodySchema, jsonValue, MESSAGE_STATES } from './schemas.js';

const jsonObject = z.record(z.string(), jsonValue);

export const PROFILE_TYPES = ['FACEBOOKPAGE', 'TWITTER', 'LINKEDINCOMPANY', 'INSTAGRAMBUSINESS', 'PINTEREST'] as const;

/** Definition SocialProfile, the fields the simulator uses. */
export const simProfileSchema = z.object({
  id: z.string(),
  type: z.enum(PROFILE_TYPES),
  socialNetworkId: z.string(),
  socialNetworkUsername: z.string(),
  externalURL: z.string(),
});
export type SimProfile = z.infer<typeof simProfileSchema>;
export type ProfileType = SimProfile['type'];

/**
 * Definition SocialProfileMessage, exactly as the simulator answers it: the content of the create
 * body (definition Message) plus what Hootsuite sets itself.
 */
export const simMessageSchema = createMessageBodySchema
  .omit({ socialProfileIds: true, scheduledSendTime: true, mediaUrls: true, media: true })
  .extend({
    id: z.string(),
    state: z.enum(MESSAGE_STATES),
    socialProfile: z.object({ id: z.string(), externalURL: z.string() }),
    /** UTC ending in Z, e.g. 2026-11-21T10:30:00Z */
    scheduledSendTime: z.string(),
    mediaUrls: z.array(z.object({ url: z.string(), thumbnailUrl: z.string().optional() })).optional(),
    media: z.array(z.object({ id: z.string(), thumbnailId: z.string().optional(), videoOptions: jsonObject.optional() })).optional(),
    postId: z.string().optional(),
    postUrl: z.string().optional(),
    createdByMember: z.object({ id: z.string() }).optional(),
    lastUpdatedByMember: z.object({ id: z.string() }).optional(),
    sequenceNumber: z.number().nullable().optional(),
    reviewers: z.array(z.object({ id: z.string(), type: z.string() })).optional(),
  });
export type SimMessage = z.infer<typeof simMessageSchema>;

/**
 * A member's permission on a social profile. Hootsuite's help: "Members assigned the Limited,
 * Responder, or Custom - Publish Message with Approval permission must have their posts approved
 * before they can be published" (help.hootsuite.com/hc/en-us/articles/1260804251650).
 */
export const PERMISSIONS = ['OWNER', 'ADMIN', 'ADVANCED', 'EDITOR', 'LIMITED', 'RESPONDER', 'CUSTOM_WITH_APPROVAL', 'CUSTOM_WITHOUT_APPROVAL'] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const NEEDS_APPROVAL: ReadonlySet<Permission> = new Set(['LIMITED', 'RESPONDER', 'CUSTOM_WITH_APPROVAL']);

/** The member every token of this simulated account belongs to. */
export const MEMBER_ID = '1389211223';

export const worldDataSchema = z.object({
  profiles: z.array(simProfileSchema),
  messages: z.array(simMessageSchema),
  media: z.array(z.object({ id: z.string(), mimeType: z.string() })),
  member: z.object({ id: z.string(), permission: z.enum(PERMISSIONS), byProfile: z.record(z.string(), z.enum(PERMISSIONS)) }),
  nextId: z.number().int(),
  nextPostId: z.string().regex(/^\d+$/),
  scheduledLimit: z.number().int().min(0).nullable(),
});
