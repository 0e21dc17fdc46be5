// The simulator world's data, as zod schemas: what a world holds, what `exportData` writes and
// what `load` accepts back. Posts are kept in Buffer's own output shape (type Post).
import { z } from 'zod';
import { PLAN_NAMES } from './adapter-settings.js';
import { POST_STATUSES } from './schemas.js';

const json = z.json();

export const simOrganizationSchema = z.object({ id: z.string(), name: z.string(), ownerEmail: z.string() });
export type SimOrganization = z.infer<typeof simOrganizationSchema>;

export const simChannelSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  service: z.string(),
  type: z.string(),
  timezone: z.string(),
  isDisconnected: z.boolean(),
  isLocked: z.boolean(),
  isQueuePaused: z.boolean(),
});
export type SimChannel = z.infer<typeof simChannelSchema>;

/** Type Post as the simulator answers it (nested objects kept as JSON). */
export const simPostSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  text: z.string(),
  status: z.enum(POST_STATUSES),
  via: z.enum(['api', 'buffer', 'network']),
  schedulingType: z.enum(['automatic', 'notification']).nullable(),
  isCustomScheduled: z.boolean(),
  shareMode: z.enum(['addToQueue', 'customScheduled', 'shareNext', 'shareNow']),
  sharedNow: z.boolean(),
  dueAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  channelId: z.string(),
  channelService: z.string(),
  externalLink: z.string().nullable(),
  assets: z.array(z.record(z.string(), json)),
  tags: z.array(z.object({ id: z.string(), name: z.string(), color: z.string(), isLocked: z.boolean() })),
  metadata: z.record(z.string(), json).nullable(),
  error: z.object({ message: z.string() }).nullable(),
});
export type SimPost = z.infer<typeof simPostSchema>;

export const worldDataSchema = z.object({
  account: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  organizations: z.array(simOrganizationSchema),
  channels: z.array(simChannelSchema),
  posts: z.array(simPostSchema),
  plan: z.enum(PLAN_NAMES),
  nextId: z.number().int(),
});
