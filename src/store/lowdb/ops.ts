import { z } from 'zod';
import { AuditEntrySchema } from '../../audit/audit-entry.js';
import { ApiKeySchema } from '../../auth/api-key.js';
import { DeliverySchema, NotifierMarkSchema } from '../../domain/delivery.js';
import { ItemSchema } from '../../domain/item.js';
import { PauseSchema } from '../../domain/pause.js';

export const IdempotencySchema = z.object({
  key: z.string(),
  requestHash: z.string(),
  pauseId: z.string(),
  status: z.number(),
  createdAt: z.string(),
});

/**
 * One change as the journal records it. Every op sets a whole value (never "add one"), so
 * replaying ops over a snapshot that already holds some of them gives the same state: that is
 * what lets compaction run while writes go on.
 */
export const OpSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('pause'), v: PauseSchema }),
  /** a new item, with the snapshot it will be restored from */
  z.object({ t: z.literal('item'), v: ItemSchema }),
  /** a later change of an item: everything but the snapshot, which never changes */
  z.object({ t: z.literal('item-update'), v: ItemSchema.omit({ snapshot: true }) }),
  z.object({ t: z.literal('key'), v: ApiKeySchema }),
  z.object({ t: z.literal('idempotency'), v: IdempotencySchema }),
  /** a notification delivery, whole, new or changed */
  z.object({ t: z.literal('delivery'), v: DeliverySchema }),
  z.object({ t: z.literal('notifier'), v: NotifierMarkSchema }),
  /** audit entries travel in the journal too, so a crash never loses one the state depends on */
  z.object({ t: z.literal('audit'), v: AuditEntrySchema }),
]);
export type Op = z.infer<typeof OpSchema>;

/** One journal line: the ops of one transaction, applied all or none. */
export const TransactionSchema = z.object({ ops: z.array(OpSchema) });
