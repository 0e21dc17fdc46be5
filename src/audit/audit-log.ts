import type { Clock } from '../../adapters/types.js';
import type { RequestContext } from '../domain/actor.js';
import type { Store } from '../store/store.js';
import { draft, type AuditEntry, type AuditRecord } from './audit-entry.js';

export type AuditListener = (entries: readonly AuditEntry[]) => void;

/**
 * Records audit entries that stand on their own (a refused request, a key created): stamped with
 * who and when, chained and made durable by the store. Changes of pauses and items carry their
 * entries into the store's own writes instead.
 */
export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async record(ctx: RequestContext, records: readonly AuditRecord[]): Promise<void> {
    if (records.length === 0) return;
    const now = this.clock.now();
    await this.store.appendAudit(records.map((r) => draft(ctx, now, r)));
  }

  /** Entries as they become durable, from every writer (progress events). */
  onAppend(listener: AuditListener): () => void {
    return this.store.onAudit(listener);
  }
}
