import { appendFile, mkdir, readFile, truncate } from 'node:fs/promises';
import path from 'node:path';
import { Low, Memory } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { z } from 'zod';
import { AuditEntrySchema, type AuditEntry } from '../audit/audit-entry.js';
import { AppError } from '../domain/errors.js';
import { ApiKeySchema, type ApiKey } from '../auth/api-key.js';
import { HELD_STATES, ItemSchema, type Item } from '../domain/item.js';
import { PauseSchema, type Pause, type PauseState } from '../domain/pause.js';
import type { IdempotencyRecord, ItemFilter, Page, Store } from './store.js';
import { WriteCoalescer } from './write-coalescer.js';
import { pageAfter } from './paging.js';

const DataSchema = z.object({
  version: z.literal(1),
  pauses: z.array(PauseSchema),
  items: z.array(ItemSchema),
  apiKeys: z.array(ApiKeySchema),
  idempotency: z.array(
    z.object({ key: z.string(), requestHash: z.string(), pauseId: z.string(), status: z.number(), createdAt: z.string() }),
  ),
});
type Data = z.infer<typeof DataSchema>;

const emptyData = (): Data => ({ version: 1, pauses: [], items: [], apiKeys: [], idempotency: [] });

export const DATA_FILE = 'crisis-pause.json';
export const AUDIT_FILE = 'audit.ndjson';

/**
 * The embedded store: one JSON file (lowdb; steno writes it atomically via a temp file and a
 * rename) plus an append-only NDJSON audit log beside it. State lives in memory with indexes;
 * writes are coalesced. Without a directory it keeps everything in memory (tests).
 */
export class LowdbStore implements Store {
  readonly #db: Low<Data>;
  readonly #auditFile: string | null;
  readonly #coalescer: WriteCoalescer;
  readonly #auditCoalescer: WriteCoalescer;
  #audit: AuditEntry[] = [];
  #pendingAudit: string[] = [];
  #pauses = new Map<string, Pause>();
  #items = new Map<string, Item>();
  #itemsByPause = new Map<string, string[]>();
  /** `${connectionId}\u0000${externalId}` → ids of items for that platform object */
  #itemsByObject = new Map<string, string[]>();
  #writes = 0;
  #failure: string | null = null;
  readonly #notices: string[] = [];

  private constructor(db: Low<Data>, auditFile: string | null) {
    this.#db = db;
    this.#auditFile = auditFile;
    this.#coalescer = new WriteCoalescer(() =>
      this.#guard(async () => {
        // Arrays are rebuilt once per real write, not once per change.
        this.#db.data.pauses = [...this.#pauses.values()];
        this.#db.data.items = [...this.#items.values()];
        this.#writes++;
        await this.#db.write();
      }),
    );
    this.#auditCoalescer = new WriteCoalescer(() => this.#guard(() => this.#appendAuditLines()));
  }

  static async open(dataDir: string): Promise<LowdbStore> {
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, DATA_FILE);
    // Compact JSON: the file can hold 10,000 snapshots, pretty-printing would double it.
    const adapter = new DataFile<Data>(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) });
    const db = new Low<Data>(adapter, emptyData());
    try {
      await db.read();
    } catch (error) {
      // JSON.parse's own message names neither the file nor what to do; say which file it is.
      if (error instanceof SyntaxError) throw new Error(`${file} is not valid JSON: ${error.message}`);
      throw error;
    }
    const parsed = DataSchema.safeParse(db.data);
    if (!parsed.success) throw new Error(`${file} does not hold crisis-pause data: ${parsed.error.issues[0]?.message}`);
    db.data = parsed.data;
    const store = new LowdbStore(db, path.join(dataDir, AUDIT_FILE));
    store.#index();
    await store.#readAudit();
    return store;
  }

  static inMemory(): LowdbStore {
    const store = new LowdbStore(new Low<Data>(new Memory<Data>(), emptyData()), null);
    return store;
  }

  get fileWrites(): number {
    return this.#writes;
  }

  get failure(): string | null {
    return this.#failure;
  }

  get notices(): readonly string[] {
    return this.#notices;
  }

  /**
   * A write that fails (disk full, directory gone) leaves memory ahead of the disk. From then on
   * the store refuses every change: nothing may reach a platform without a durable snapshot, and
   * the next start reads the disk as the truth.
   */
  async #guard(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.#failure ??= `the data files cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      throw new AppError('unavailable', `${this.#failure}; fix the disk and restart the service`);
    }
  }

  #writable(): void {
    if (this.#failure) throw new AppError('unavailable', `${this.#failure}; fix the disk and restart the service`);
  }

  #index(): void {
    for (const pause of this.#db.data.pauses) this.#pauses.set(pause.id, pause);
    for (const item of this.#db.data.items) this.#indexItem(item);
  }

  #indexItem(item: Item): void {
    this.#items.set(item.id, item);
    push(this.#itemsByPause, item.pauseId, item.id);
    push(this.#itemsByObject, objectKey(item.connectionId, item.externalId), item.id);
  }

  async #readAudit(): Promise<void> {
    if (!this.#auditFile) return;
    let text = '';
    try {
      text = await readFile(this.#auditFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // A crash during an append can leave the last line cut short: that entry never became
    // durable, so it is dropped (and said) rather than stopping the service from starting.
    const lastNewline = text.lastIndexOf('\n');
    const tail = text.slice(lastNewline + 1);
    if (tail.trim() !== '' && parseJsonOrUndefined(tail) === undefined) {
      await truncate(this.#auditFile, lastNewline + 1);
      this.#notices.push(`${this.#auditFile}: dropped an incomplete last line left by a crash (${tail.length} bytes)`);
      text = text.slice(0, lastNewline + 1);
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    this.#audit = lines.map((line, i) => {
      // A line that is not JSON at all (a write torn by a crash) is reported by its line number
      // too, not by JSON.parse's bare "Unterminated string" with no file or line.
      const parsed = AuditEntrySchema.safeParse(parseJsonOrUndefined(line));
      if (!parsed.success) throw new Error(`${this.#auditFile}: line ${i + 1} is not an audit entry`);
      return parsed.data;
    });
  }

  #persist(): Promise<void> {
    return this.#coalescer.request();
  }

  async insertPause(pause: Pause): Promise<void> {
    this.#writable();
    this.#pauses.set(pause.id, pause);
    await this.#persist();
  }

  async updatePause(id: string, change: (current: Pause) => Pause): Promise<Pause> {
    this.#writable();
    const current = this.#pauses.get(id);
    if (!current) throw new Error(`no pause ${id}`);
    const next = change(current);
    this.#pauses.set(id, next);
    await this.#persist();
    return next;
  }

  async getPause(id: string): Promise<Pause | undefined> {
    return this.#pauses.get(id);
  }

  async listPauses(query: { state?: PauseState; limit: number; cursor?: string }): Promise<Page<Pause>> {
    const newestFirst = [...this.#pauses.values()].reverse().filter((p) => !query.state || p.state === query.state);
    return pageAfter(newestFirst, query.limit, query.cursor, (p) => p.id);
  }

  async pausesInStates(states: ReadonlySet<PauseState>): Promise<Pause[]> {
    return [...this.#pauses.values()].filter((p) => states.has(p.state));
  }

  async insertItems(items: readonly Item[]): Promise<void> {
    this.#writable();
    for (const item of items) {
      if (this.#items.has(item.id)) throw new Error(`item ${item.id} exists`);
      this.#indexItem(item);
    }
    await this.#persist();
  }

  async updateItems(items: readonly Item[]): Promise<void> {
    this.#writable();
    for (const item of items) {
      if (!this.#items.has(item.id)) throw new Error(`no item ${item.id}`);
      this.#items.set(item.id, item);
    }
    await this.#persist();
  }

  async getItem(id: string): Promise<Item | undefined> {
    return this.#items.get(id);
  }

  async itemsOfPause(pauseId: string): Promise<Item[]> {
    return (this.#itemsByPause.get(pauseId) ?? []).map((id) => this.#items.get(id)!);
  }

  async listItems(pauseId: string, filter: ItemFilter, page: { limit: number; cursor?: string }): Promise<Page<Item>> {
    const items = (await this.itemsOfPause(pauseId)).filter(
      (i) =>
        (!filter.state || i.state === filter.state) &&
        (!filter.kind || i.kind === filter.kind) &&
        (!filter.connectionId || i.connectionId === filter.connectionId),
    );
    return pageAfter(items, page.limit, page.cursor, (i) => i.id);
  }

  async findHolder(connectionId: string, externalId: string): Promise<Item | undefined> {
    const ids = this.#itemsByObject.get(objectKey(connectionId, externalId)) ?? [];
    return ids.map((id) => this.#items.get(id)!).find((i) => HELD_STATES.has(i.state));
  }

  async insertApiKey(key: ApiKey): Promise<void> {
    this.#writable();
    this.#db.data.apiKeys.push(key);
    await this.#persist();
  }

  async findApiKeyByHash(hash: string): Promise<ApiKey | undefined> {
    return this.#db.data.apiKeys.find((k) => k.hash === hash);
  }

  async countApiKeys(): Promise<number> {
    return this.#db.data.apiKeys.length;
  }

  async getIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    return this.#db.data.idempotency.find((r) => r.key === key);
  }

  async putIdempotency(record: IdempotencyRecord): Promise<void> {
    this.#writable();
    // Keys live 24 hours, like most payment APIs' idempotency keys.
    const cutoff = new Date(Date.parse(record.createdAt) - 24 * 3600_000).toISOString();
    this.#db.data.idempotency = this.#db.data.idempotency.filter((r) => r.key !== record.key && r.createdAt > cutoff);
    this.#db.data.idempotency.push(record);
    await this.#persist();
  }

  async appendAudit(entries: readonly AuditEntry[]): Promise<void> {
    this.#writable();
    this.#audit.push(...entries);
    if (!this.#auditFile) return;
    for (const entry of entries) this.#pendingAudit.push(JSON.stringify(entry));
    await this.#auditCoalescer.request();
  }

  async #appendAuditLines(): Promise<void> {
    const lines = this.#pendingAudit;
    this.#pendingAudit = [];
    if (lines.length > 0) await appendFile(this.#auditFile!, lines.join('\n') + '\n', 'utf8');
  }

  async lastAudit(): Promise<AuditEntry | undefined> {
    return this.#audit.at(-1);
  }

  async listAudit(query: { pauseId?: string; since?: string; limit: number; cursor?: string }): Promise<Page<AuditEntry>> {
    const entries = this.#audit.filter(
      (e) => (!query.pauseId || e.pauseId === query.pauseId) && (!query.since || e.at >= query.since),
    );
    return pageAfter(entries, query.limit, query.cursor, (e) => e.id);
  }

  async flush(): Promise<void> {
    await Promise.all([this.#coalescer.idle(), this.#auditCoalescer.idle()]);
  }

  async close(): Promise<void> {
    await this.flush();
  }
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const objectKey = (connectionId: string, externalId: string): string => `${connectionId}\u0000${externalId}`;
