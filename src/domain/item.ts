import { z } from 'zod';
import { KINDS, SUSPENSION_METHOD_NAMES } from '../../adapters/types.js';
import { JsonObjectSchema } from './json.js';

/**
 * The life of an item:
 * planned → suspended → restored, with the side roads failed (retryable), missed (held at
 * resume because its time passed; a person releases or keeps it), kept, drifted (changed on
 * the platform by someone else: left alone), handed-over (another active pause covers it),
 * skipped (its suspension never took effect, so resume has nothing to put back).
 */
export const ITEM_STATES = [
  'planned',
  'suspended',
  'failed',
  'missed',
  'kept',
  'drifted',
  'handed-over',
  'restored',
  'skipped',
] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** States in which the pause still holds the item: no other pause may take it. */
export const HELD_STATES: ReadonlySet<ItemState> = new Set(['planned', 'suspended', 'failed', 'missed', 'kept']);

export const ItemErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  retryable: z.boolean(),
  ambiguous: z.boolean(),
  retryAfterMs: z.number().optional(),
  httpStatus: z.number().optional(),
  vendorCode: z.string().optional(),
  at: z.string(),
});
export type ItemError = z.infer<typeof ItemErrorSchema>;

export const ItemSchema = z.object({
  id: z.string(),
  /** the store's order of items (keyset pagination): later claims have higher numbers */
  seq: z.number().int().min(1),
  pauseId: z.string(),
  connectionId: z.string(),
  platform: z.string(),
  kind: z.enum(KINDS),
  method: z.enum(SUSPENSION_METHOD_NAMES),
  objectType: z.string(),
  externalId: z.string(),
  title: z.string(),
  state: z.enum(ITEM_STATES),
  /** the platform's own status when the pause listed it */
  originalStatus: z.string(),
  scheduledAt: z.string().nullable(),
  fingerprint: z.string(),
  /** everything the adapter needs to put it back; stored before the platform is touched */
  snapshot: JsonObjectSchema,
  /** the platform's status right after we suspended it: anything else at resume is drift */
  suspendedStatus: z.string().nullable(),
  suspendedAt: z.string().nullable(),
  restoredAt: z.string().nullable(),
  /** the send time it was restored to (differs from scheduledAt for shifted/released items) */
  restoredScheduledAt: z.string().nullable(),
  /** for re-created items (delete method): the platform's new id; old id stays in externalId */
  newExternalId: z.string().nullable(),
  attempts: z.number().int(),
  failedDuring: z.enum(['suspend', 'restore']).nullable(),
  lastError: ItemErrorSchema.nullable(),
  /** why it is drifted, skipped, kept…; or what an adapter noted */
  note: z.string().nullable(),
  /** while a platform's limit holds it back: when it may go again (the note says what it waits for) */
  waitingUntil: z.string().nullable(),
  handedOverTo: z.string().nullable(),
  handedOverFrom: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Item = z.infer<typeof ItemSchema>;

