import type { Kind } from '../../adapters/types.js';
import type { AuditDraft, AuditEntry, AuditHead } from '../audit/audit-entry.js';
import type { ApiKey } from '../auth/api-key.js';
import type { Delivery, DeliveryState, NotifierMark } from '../domain/delivery.js';
import type { Item, ItemState } from '../domain/item.js';
import type { Pause, PauseState } from '../domain/pause.js';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface ItemFilter {
  state?: ItemState;
  /** any of these states */
  states?: readonly ItemState[];
  kind?: Kind;
  connectionId?: string;
}

export interface IdempotencyRecord {
  /** the API key's id and the Idempotency-Key header together */
  key: string;
  /** hash of the request it first came with: the same key with another request is refused */
  requestHash: string;
  pauseId: string;
  status: number;
  createdAt: string;
}

/** One item's change of state, checked against the state it was read in. */
export interface ItemTransition {
  /** the state the item must still be in: a change made meanwhile elsewhere is a conflict */
  from: ItemState;
  item: Item;
  audit: AuditDraft;
}

/** What a change to a pause writes, all together. */
export interface PauseChange {
  pause?: Pause;
  audit: AuditDraft[];
  idempotency?: IdempotencyRecord;
}

export type OpenPauseResult =
  | { kind: 'opened'; pause: Pause }
  /** a pause in force already covers the same connections: join or escalate it instead */
  | { kind: 'covered'; pause: Pause };

export type StartPauseResult = OpenPauseResult | { kind: 'unchanged'; pause: Pause };

export interface ClaimResult {
  /** the items now held by the pause */
  claimed: Item[];
  /** live objects another pause in force already holds */
  heldElsewhere: number;
  /** objects this pause already holds (a listing gone over again) */
  alreadyHeld: number;
}

export interface ItemCounts {
  total: number;
  byState: Record<ItemState, number>;
  byConnection: Record<string, { total: number; byState: Partial<Record<ItemState, number>> }>;
  byKind: Partial<Record<Kind, number>>;
}

export interface AuditQuery {
  pauseId?: string;
  /** ISO time: entries at or after it */
  since?: string;
}

export interface DeliveryQuery {
  pauseId?: string;
  state?: DeliveryState;
  limit: number;
  cursor?: string;
}

/** What a change to a delivery writes, together. */
export interface DeliveryChange {
  delivery: Delivery;
  audit: AuditDraft[];
}

export interface StoreStats {
  /** bytes the store wrote to its files, everything included */
  bytesWritten: number;
  /** separate writes to disk (a write may carry many changes) */
  fileWrites: number;
}

/**
 * Where the service keeps its state, in domain verbs that a SQL database does in one
 * transaction each. Every verb resolves once its change is durable: awaiting one is the
 * write-ahead barrier. The store enforces what several service instances sharing it must agree
 * on: a platform object is held by at most one pause in force; one pause in force per scope; one
 * audit chain. Objects handed in belong to the store; objects read out must not be mutated.
 */
export interface Store {
  /**
   * Stores a new pause, its audit and idempotency record, unless it is in force and a pause in
   * force covers the same connections (a planned pause holds nothing: it is always stored).
   */
  openPause(pause: Pause, change: Omit<PauseChange, 'pause'>): Promise<OpenPauseResult>;
  /**
   * Applies `change` to the latest stored pause, with its audit entries, in one write. `change`
   * may return null to write nothing. Concurrent changes never overwrite each other.
   */
  changePause(id: string, change: (current: Pause) => PauseChange | null): Promise<Pause>;
  /**
   * Applies `change` to a planned pause to put it in force, like `changePause`, unless a pause in
   * force already covers the same connections: then nothing is written (`covered`). `change`
   * returning null writes nothing (`unchanged`).
   */
  startPause(id: string, change: (current: Pause) => PauseChange | null): Promise<StartPauseResult>;
  getPause(id: string): Promise<Pause | undefined>;
  /** newest first */
  listPauses(query: { state?: PauseState; limit: number; cursor?: string }): Promise<Page<Pause>>;
  /** pauses whose whole resume is not asked for yet (they cover their scope) */
  pausesInForce(): Promise<Pause[]>;
  /** pauses with pending work: what start-up recovery carries out */
  pausesWithWork(): Promise<Pause[]>;
  /** pauses with a planned step left: planned ones (their start), and those in force whose planned end is not asked for yet */
  pausesWithPlans(): Promise<Pause[]>;

  /**
   * Makes `pauseId` hold the given items, except objects another pause in force holds; audits
   * what it claimed with `audit(result)`. Items get their `seq` here.
   */
  claimItems(pauseId: string, items: readonly Omit<Item, 'seq'>[], audit: (result: ClaimResult) => AuditDraft[]): Promise<ClaimResult>;
  /** Item changes and their audit entries, in one write; refused whole if an item moved on meanwhile. */
  recordTransitions(transitions: readonly ItemTransition[]): Promise<void>;
  /** Moves a held item to another pause in force: `from` becomes handed-over, `to` holds a new item. */
  handOver(from: ItemTransition, to: Omit<Item, 'seq'>, audit: AuditDraft): Promise<Item>;
  getItem(id: string): Promise<Item | undefined>;
  /** in the order they were claimed */
  itemsOfPause(pauseId: string, filter?: ItemFilter): Promise<Item[]>;
  listItems(pauseId: string, filter: ItemFilter, page: { limit: number; cursor?: string }): Promise<Page<Item>>;
  countItems(pauseId: string): Promise<ItemCounts>;

  insertApiKey(key: ApiKey, audit: AuditDraft[]): Promise<void>;
  findApiKeyByHash(hash: string): Promise<ApiKey | undefined>;
  /** every key, revoked ones included, oldest first */
  listApiKeys(): Promise<ApiKey[]>;
  /** Marks a key revoked at `at`, with its audit entries: `not_found`, or `conflict` if it already is. */
  revokeApiKey(id: string, at: string, audit: AuditDraft[]): Promise<ApiKey>;
  countApiKeys(): Promise<number>;

  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;

  /** Audit entries on their own (a refused request, a recovery): chained and durable together. */
  appendAudit(drafts: readonly AuditDraft[]): Promise<AuditEntry[]>;
  auditHead(): Promise<AuditHead>;
  /** oldest first, read from durable storage page by page; the cursor is keyset on `seq` */
  listAudit(query: AuditQuery & { limit: number; cursor?: string }): Promise<Page<AuditEntry>>;
  /** every matching entry, oldest first, streamed: never the whole log in memory */
  streamAudit(query: AuditQuery): AsyncIterable<AuditEntry>;
  /** called with each batch of entries once they are durable (progress events) */
  onAudit(listener: (entries: readonly AuditEntry[]) => void): () => void;

  /** the notifier's mark, or null before the notifier first ran on this store */
  notifierMark(): Promise<NotifierMark | null>;
  /**
   * New deliveries and the mark that produced them, in one write: refused (`conflict`, nothing
   * written) unless the stored mark's `auditSeq` is still `expectedSeq` (null: no mark yet), so
   * two notifiers never turn the same entries into deliveries twice. Deliveries get their `seq` here.
   */
  queueDeliveries(deliveries: readonly Omit<Delivery, 'seq'>[], mark: NotifierMark, expectedSeq: number | null): Promise<Delivery[]>;
  /** Applies `change` to the latest stored delivery, with its audit entries, in one write (null: nothing). `not_found` if none. */
  changeDelivery(id: string, change: (current: Delivery) => DeliveryChange | null): Promise<Delivery>;
  getDelivery(id: string): Promise<Delivery | undefined>;
  /** newest first; the cursor is keyset on `seq` */
  listDeliveries(query: DeliveryQuery): Promise<Page<Delivery>>;
  /** pending deliveries whose next attempt is at or before `now`, oldest first */
  dueDeliveries(now: string, limit: number): Promise<Delivery[]>;

  /** resolves when everything written so far is durable */
  flush(): Promise<void>;
  close(): Promise<void>;
  readonly stats: StoreStats;
  /** why the store refuses changes after a failed write, or null while it is healthy */
  readonly failure: string | null;
  /** what opening the store had to repair (said once at start) */
  readonly notices: readonly string[];
}
