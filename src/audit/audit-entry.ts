import { z } from 'zod';
import { ActorSchema, SourceSchema, type RequestContext } from '../domain/actor.js';
import { JsonObjectSchema } from '../domain/json.js';
import { AUDIT_ACTIONS } from './audit-actions.js';

/**
 * One line of the append-only audit log. Entries are chained: `hash` covers the entry and the
 * previous entry's hash, so verification and exports need no migration.
 */
export const AuditEntrySchema = z.object({
  seq: z.number().int().min(1),
  id: z.string(),
  at: z.string(),
  action: z.enum(AUDIT_ACTIONS),
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

/** What a caller records; who, when and the chain are added around it. */
export type AuditRecord = Pick<AuditEntry, 'action'> & Partial<Pick<AuditEntry, 'pauseId' | 'itemId' | 'connectionId' | 'data'>>;

/** An entry before the store chains it: sequence, id and hashes are the store's to give. */
export type AuditDraft = AuditRecord & RequestContext & { at: string };

/** Where the chain stands: the last entry's sequence number and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

export const GENESIS_HASH = 'sha256:' + '0'.repeat(64);
export const GENESIS: AuditHead = { seq: 0, hash: GENESIS_HASH };

export const draft = (ctx: RequestContext, at: Date, record: AuditRecord): AuditDraft => ({ ...record, ...ctx, at: at.toISOString() });
