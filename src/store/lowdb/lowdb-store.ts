import { chainEntries } from '../../audit/audit-chain.js';
import type { AuditDraft, AuditEntry, AuditHead } from '../../audit/audit-entry.js';
import type { ApiKey } from '../../auth/api-key.js';
import type { Delivery, NotifierMark } from '../../domain/delivery.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { Item } from '../../domain/item.js';
import { inForce, nextStepAt, scopeKey, type Pause, type PauseState } from '../../domain/pause.js';
import type {
  AuditQuery,
  ClaimResult,
  DeliveryChange,
  DeliveryQuery,
  IdempotencyRecord,
  ItemCounts,
  ItemFilter,
  ItemTransition,
  OpenPauseResult,
  Page,
  PauseChange,
  StartPauseResult,
  Store,
  StoreStats,
} from '../store.js';
import { auditPage, countItems, deliveryPage, filterItems, itemPage, pausePage } from './queries.js';
import type { AuditFile } from './audit-file.js';
import type { Journal } from './journal.js';
import { loadFiles } from './load.js';
import type { Op } from './ops.js';
import type { SnapshotFile } from './snapshot-file.js';
import type { StoreState } from './state.js';

export { AUDIT_FILE, DATA_FILE } from './load.js';

export interface LowdbOptions {
  /** the journal is folded into a new snapshot once it outgrows the snapshot and this floor */
  compactAfterBytes?: number;
}

const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;
/** Idempotency keys live 24 hours (the service checks); compaction forgets records older than that. */
const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/**
 * The embedded store, one instance per data directory: the state in memory, every transaction
 * appended as one line to a journal (synced before it counts), the audit log appended to its own
 * NDJSON file, and from time to time the journal folded into a snapshot written through lowdb.
 * What reaches the disk is proportional to what changed, not to the whole data set.
 */
export class LowdbStore implements Store {
  #failure: string | null = null;
  readonly #listeners = new Set<(entries: readonly AuditEntry[]) => void>();
  #snapshotSize: number;
  #compacting: Promise<void> | null = null;

  private constructor(
    private readonly state: StoreState,
    private readonly files: { audit: AuditFile; journal: Journal; snapshot: SnapshotFile },
    private readonly counters: StoreStats,
    snapshotSize: number,
    readonly notices: readonly string[],
    private readonly compactAfterBytes: number,
  ) {
    this.#snapshotSize = snapshotSize;
  }

  static async open(dataDir: string, options: LowdbOptions = {}): Promise<LowdbStore> {
    const notices: string[] = [];
    const counters: StoreStats = { bytesWritten: 0, fileWrites: 0 };
    const wrote = (bytes: number) => {
      counters.bytesWritten += bytes;
      counters.fileWrites++;
    };
    const loaded = await loadFiles(dataDir, notices, wrote);
    return new LowdbStore(loaded.state, loaded.files, counters, loaded.snapshotSize, notices, options.compactAfterBytes ?? COMPACT_AFTER_BYTES);
  }

  get stats(): StoreStats {
    return { ...this.counters };
  }

  get failure(): string | null {
    return this.#failure;
  }

  // ---- pauses ----

  async openPause(pause: Pause, change: Omit<PauseChange, 'pause'>): Promise<OpenPauseResult> {
    this.#writable();
    const covering = this.#covering(pause);
    if (covering) return { kind: 'covered', pause: covering };
    if (this.state.pauses.has(pause.id)) throw new Error(`pause ${pause.id} exists`);
    await this.#commit([{ t: 'pause', v: pause }, ...idempotencyOps(change.idempotency)], change.audit);
    return { kind: 'opened', pause };
  }

  async changePause(id: string, change: (current: Pause) => PauseChange | null): Promise<Pause> {
    this.#writable();
    const current = this.state.pauses.get(id);
    if (!current) throw new AppError('not_found', `pause ${id} not found`);
    const result = change(current);
    if (!result) return current;
    const next = result.pause ?? current;
    if (next.id !== id) throw new Error(`a change of pause ${id} cannot write pause ${next.id}`);
    await this.#commit([...(result.pause ? [{ t: 'pause' as const, v: next }] : []), ...idempotencyOps(result.idempotency)], result.audit);
    return next;
  }

  async startPause(id: string, change: (current: Pause) => PauseChange | null): Promise<StartPauseResult> {
    this.#writable();
    const current = this.state.pauses.get(id);
    if (!current) throw new AppError('not_found', `pause ${id} not found`);
    const result = change(current);
    if (!result?.pause) return { kind: 'unchanged', pause: current };
    const covering = this.#covering(result.pause);
    if (covering) return { kind: 'covered', pause: covering };
    return { kind: 'opened', pause: await this.changePause(id, () => result) };
  }

  /** The other pause in force on the same connections, when `pause` would be in force too. */
  #covering(pause: Pause): Pause | undefined {
    if (!inForce(pause)) return undefined;
    const key = scopeKey(pause);
    return [...this.state.pauses.values()].find((p) => p.id !== pause.id && inForce(p) && scopeKey(p) === key);
  }

  async getPause(id: string): Promise<Pause | undefined> {
    return this.state.pauses.get(id);
  }

  async listPauses(query: { state?: PauseState; limit: number; cursor?: string }): Promise<Page<Pause>> {
    return pausePage([...this.state.pauses.values()], query);
  }

  async pausesInForce(): Promise<Pause[]> {
    return [...this.state.pauses.values()].filter(inForce);
  }

  async pausesWithWork(): Promise<Pause[]> {
    return [...this.state.pauses.values()].filter((p) => p.work.length > 0);
  }

  async pausesWithPlans(): Promise<Pause[]> {
    return [...this.state.pauses.values()].filter((p) => nextStepAt(p) !== null);
  }

  // ---- items ----

  async claimItems(pauseId: string, items: readonly Omit<Item, 'seq'>[], audit: (result: ClaimResult) => AuditDraft[]): Promise<ClaimResult> {
    this.#writable();
    if (!this.state.pauses.has(pauseId)) throw new Error(`no pause ${pauseId}`);
    const result: ClaimResult = { claimed: [], heldElsewhere: 0, alreadyHeld: 0 };
    const seen = new Set<string>();
    for (const item of items) {
      const key = `${item.connectionId}\u0000${item.externalId}`;
      const holder = this.state.holderOf(item.connectionId, item.externalId);
      if (holder?.pauseId === pauseId || seen.has(key)) result.alreadyHeld++;
      else if (holder) result.heldElsewhere++;
      else result.claimed.push({ ...item, pauseId, seq: this.state.itemSeq + result.claimed.length + 1 });
      seen.add(key);
    }
    await this.#commit(
      result.claimed.map((v) => ({ t: 'item', v })),
      audit(result),
    );
    return result;
  }

  async recordTransitions(transitions: readonly ItemTransition[]): Promise<void> {
    this.#writable();
    if (transitions.length === 0) return;
    for (const t of transitions) this.#checkFrom(t);
    await this.#commit(
      transitions.map((t) => itemUpdate(t.item)),
      transitions.map((t) => t.audit),
    );
  }

  async handOver(from: ItemTransition, to: Omit<Item, 'seq'>, audit: AuditDraft): Promise<Item> {
    this.#writable();
    this.#checkFrom(from);
    const target = this.state.pauses.get(to.pauseId);
    if (!target || !inForce(target)) throw new AppError('conflict', `pause ${to.pauseId} is not in force: nothing can be handed over to it`);
    const moved: Item = { ...to, seq: this.state.itemSeq + 1 };
    await this.#commit([itemUpdate(from.item), { t: 'item', v: moved }], [from.audit, audit]);
    return moved;
  }

  async getItem(id: string): Promise<Item | undefined> {
    return this.state.items.get(id);
  }

  async itemsOfPause(pauseId: string, filter: ItemFilter = {}): Promise<Item[]> {
    return filterItems(this.state.itemsByPause.get(pauseId) ?? [], filter);
  }

  async listItems(pauseId: string, filter: ItemFilter, page: { limit: number; cursor?: string }): Promise<Page<Item>> {
    return itemPage(pauseId, this.state.itemsByPause.get(pauseId) ?? [], filter, page);
  }

  async countItems(pauseId: string): Promise<ItemCounts> {
    return countItems(this.state.itemsByPause.get(pauseId) ?? []);
  }

  // ---- API keys and idempotency ----

  async insertApiKey(key: ApiKey, audit: AuditDraft[]): Promise<void> {
    this.#writable();
    if (this.state.apiKeys.has(key.hash)) throw new AppError('conflict', 'this API key exists already');
    await this.#commit([{ t: 'key', v: key }], audit);
  }

  async findApiKeyByHash(hash: string): Promise<ApiKey | undefined> {
    return this.state.apiKeys.get(hash);
  }

  async countApiKeys(): Promise<number> {
    return this.state.apiKeys.size;
  }

  async listApiKeys(): Promise<ApiKey[]> {
    // In the order they were created: the map keeps it, through the journal and the snapshot.
    return [...this.state.apiKeys.values()];
  }

  async revokeApiKey(id: string, at: string, audit: AuditDraft[]): Promise<ApiKey> {
    this.#writable();
    const key = [...this.state.apiKeys.values()].find((k) => k.id === id);
    if (!key) throw notFound('API key', id);
    if (key.revokedAt) throw new AppError('conflict', `API key ${id} was revoked at ${key.revokedAt}`);
    const revoked = { ...key, revokedAt: at };
    await this.#commit([{ t: 'key', v: revoked }], audit);
    return revoked;
  }

  async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    return this.state.idempotency.get(key);
  }

  // ---- audit ----

  async appendAudit(drafts: readonly AuditDraft[]): Promise<AuditEntry[]> {
    this.#writable();
    return this.#commit([], drafts);
  }

  async auditHead(): Promise<AuditHead> {
    return this.state.auditHead;
  }

  async listAudit(query: AuditQuery & { limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
    return auditPage((afterSeq) => this.files.audit.stream({ ...query, afterSeq }), query);
  }

  streamAudit(query: AuditQuery): AsyncIterable<AuditEntry> {
    return this.files.audit.stream(query);
  }

  onAudit(listener: (entries: readonly AuditEntry[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- notifications ----

  async notifierMark(): Promise<NotifierMark | null> {
    return this.state.notifierMark;
  }

  async queueDeliveries(deliveries: readonly Omit<Delivery, 'seq'>[], mark: NotifierMark, expectedSeq: number | null): Promise<Delivery[]> {
    this.#writable();
    const stored = this.state.notifierMark?.auditSeq ?? null;
    if (stored !== expectedSeq) throw new AppError('conflict', `the notifier's mark is at ${stored}, not ${expectedSeq}: another notifier went on meanwhile`);
    const queued = deliveries.map((d, i): Delivery => ({ ...d, seq: this.state.deliverySeq + i + 1 }));
    await this.#commit([...queued.map((v): Op => ({ t: 'delivery', v })), { t: 'notifier', v: mark }], []);
    return queued;
  }

  async changeDelivery(id: string, change: (current: Delivery) => DeliveryChange | null): Promise<Delivery> {
    this.#writable();
    const current = this.state.deliveries.get(id);
    if (!current) throw notFound('notification', id);
    const result = change(current);
    if (!result) return current;
    if (result.delivery.id !== id || result.delivery.seq !== current.seq) throw new Error(`a change of delivery ${id} cannot write another one`);
    await this.#commit([{ t: 'delivery', v: result.delivery }], result.audit);
    return result.delivery;
  }

  async getDelivery(id: string): Promise<Delivery | undefined> {
    return this.state.deliveries.get(id);
  }

  async listDeliveries(query: DeliveryQuery): Promise<Page<Delivery>> {
    return deliveryPage(this.state.deliveries, query);
  }

  async dueDeliveries(now: string, limit: number): Promise<Delivery[]> {
    const due: Delivery[] = [];
    for (const id of this.state.pendingDeliveries) {
      const d = this.state.deliveries.get(id)!;
      if (d.nextAttemptAt === null || d.nextAttemptAt <= now) due.push(d);
    }
    return due.sort((a, b) => a.seq - b.seq).slice(0, limit);
  }

  // ---- durability ----

  async flush(): Promise<void> {
    await this.files.journal.idle();
    await this.files.audit.idle();
    await this.#compacting;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.files.journal.close();
  }

  /**
   * Applies ops and chained audit entries to memory at once (so the next verb sees them, in call
   * order), then makes them durable as one journal line; the audit file follows.
   */
  async #commit(ops: Op[], drafts: readonly AuditDraft[]): Promise<AuditEntry[]> {
    const { entries } = chainEntries(this.state.auditHead, drafts);
    const all: Op[] = [...ops, ...entries.map((v): Op => ({ t: 'audit', v }))];
    for (const op of all) this.state.apply(op);
    if (all.length === 0) return entries;
    try {
      await this.files.journal.append(JSON.stringify({ ops: all }));
      await this.files.audit.append(entries);
    } catch (error) {
      // Memory is now ahead of the disk: refuse every later change (nothing may reach a
      // platform without a durable snapshot); the next start reads the disk as the truth.
      this.#failure ??= `the data files cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      throw new AppError('unavailable', `${this.#failure}; fix the disk and restart the service`);
    }
    if (entries.length > 0) for (const listener of this.#listeners) listener(entries);
    this.#maybeCompact();
    return entries;
  }

  #maybeCompact(): void {
    if (this.#compacting || this.files.journal.size < Math.max(this.compactAfterBytes, this.#snapshotSize)) return;
    this.#compacting = this.#compact()
      .catch((error: unknown) => {
        this.#failure ??= `the data file cannot be compacted (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      })
      .finally(() => {
        this.#compacting = null;
      });
  }

  async #compact(): Promise<void> {
    const old = await this.files.journal.rotate();
    // The audit lines of the old journal must be on disk before that journal goes.
    await this.files.audit.idle();
    // Measured from the newest record, not this machine's clock: the store keeps no clock of its own.
    const newest = Math.max(0, ...[...this.state.idempotency.values()].map((r) => Date.parse(r.createdAt)));
    for (const [key, record] of this.state.idempotency) if (Date.parse(record.createdAt) < newest - IDEMPOTENCY_TTL_MS) this.state.idempotency.delete(key);
    this.#snapshotSize = await this.files.snapshot.write(this.state, old + 1);
    this.counters.bytesWritten += this.#snapshotSize;
    this.counters.fileWrites++;
    await this.files.journal.dropBefore(old + 1);
  }

  #checkFrom(t: ItemTransition): void {
    const current = this.state.items.get(t.item.id);
    if (!current) throw new Error(`no item ${t.item.id}`);
    if (current.state !== t.from)
      throw new AppError('conflict', `item ${t.item.id} is ${current.state}, no longer ${t.from}: it was changed meanwhile`);
  }

  #writable(): void {
    if (this.#failure) throw new AppError('unavailable', `${this.#failure}; fix the disk and restart the service`);
  }
}

const idempotencyOps = (record: IdempotencyRecord | undefined): Op[] => (record ? [{ t: 'idempotency', v: record }] : []);

function itemUpdate(item: Item): Op {
  const { snapshot: _snapshot, ...rest } = item;
  return { t: 'item-update', v: rest };
}
