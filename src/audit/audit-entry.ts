import { z } from 'zod';
import { ActorSchema, SourceSchema } from '../domain/actor.js';
import { JsonObjectSchema } from '../domain/json.js';

/**
 * One line of the append-only audit log. Entries are chained: `hash` covers the entry and the
 * previous entry's hash, so verification and exports need no migration.
 */
export const AuditEntrySchema = z.object({
  seq: z.number().int().min(1),
  id: z.string(),
  at: z.string(),
  /** e.g. pause.requested, item.suspended, item.drifted, auth.failed */
  action: z.string(),
  actor: ActorSchema,
  source: SourceSchema,
  requestId: z.string(),
  pauseId: z.string().nullable(),
  itemId: z.string().nullable(),
  connectionId: z.string().nullable(),
  data: JsonObjectSchema,
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** What a caller records; sequence, id, time and hashes are added by the audit log. */
export type AuditRecord = Pick<AuditEntry, 'action'> &
  Partial<Pick<AuditEntry, 'pauseId' | 'itemId' | 'connectionId' | 'data'>>;

export const GENESIS_HASH = 'sha256:' + '0'.repeat(64);
