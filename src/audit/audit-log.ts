import { createHash } from 'node:crypto';
import { canonicalJson } from '../../adapters/kit/fingerprint.js';
import type { Clock } from '../../adapters/types.js';
import type { RequestContext } from '../domain/actor.js';
import { newId } from '../domain/ids.js';
import type { Store } from '../store/store.js';
import { GENESIS_HASH, type AuditEntry, type AuditRecord } from './audit-entry.js';

export type AuditListener = (entries: readonly AuditEntry[]) => void;

/**
 * The append-only, hash-chained audit log. Entries get their sequence number and hash
 * synchronously, in call order, so the chain never forks; the store makes them durable.
 */
export class AuditLog {
  #seq: number;
  #lastHash: string;
  readonly #listeners = new Set<AuditListener>();

  private constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    last: AuditEntry | undefined,
  ) {
    this.#seq = last?.seq ?? 0;
    this.#lastHash = last?.hash ?? GENESIS_HASH;
  }

  static async open(store: Store, clock: Clock): Promise<AuditLog> {
    return new AuditLog(store, clock, await store.lastAudit());
  }

  record(ctx: RequestContext, records: readonly AuditRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const at = this.clock.now().toISOString();
    const entries = records.map((record) => {
      const body: Omit<AuditEntry, 'hash'> = {
        seq: ++this.#seq,
        id: newId('aud'),
        at,
        action: record.action,
        actor: ctx.actor,
        source: ctx.source,
        requestId: ctx.requestId,
        pauseId: record.pauseId ?? null,
        itemId: record.itemId ?? null,
        connectionId: record.connectionId ?? null,
        data: record.data ?? {},
        prevHash: this.#lastHash,
      };
      const entry: AuditEntry = { ...body, hash: hashEntry(body) };
      this.#lastHash = entry.hash;
      return entry;
    });
    for (const listener of this.#listeners) listener(entries);
    return this.store.appendAudit(entries);
  }

  onAppend(listener: AuditListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

export function hashEntry(body: Omit<AuditEntry, 'hash'>): string {
  return `sha256:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`;
}
