import type { Kind } from '../../adapters/types.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import type { ApiKey } from '../auth/api-key.js';
import type { Item, ItemState } from '../domain/item.js';
import type { Pause, PauseState } from '../domain/pause.js';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface ItemFilter {
  state?: ItemState;
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

/**
 * Where the service keeps its state. Every write resolves once it is durable: awaiting one is
 * the write-ahead barrier. Objects handed in belong to the store afterwards and objects read
 * out are shared: callers build new objects (`{...item, state}`) instead of mutating.
 */
export interface Store {
  insertPause(pause: Pause): Promise<void>;
  /** Applies `change` to the latest stored pause atomically: concurrent changes never overwrite each other. */
  updatePause(id: string, change: (current: Pause) => Pause): Promise<Pause>;
  getPause(id: string): Promise<Pause | undefined>;
  /** newest first */
  listPauses(query: { state?: PauseState; limit: number; cursor?: string }): Promise<Page<Pause>>;
  pausesInStates(states: ReadonlySet<PauseState>): Promise<Pause[]>;

  insertItems(items: readonly Item[]): Promise<void>;
  updateItems(items: readonly Item[]): Promise<void>;
  getItem(id: string): Promise<Item | undefined>;
  /** in the order they were planned */
  itemsOfPause(pauseId: string): Promise<Item[]>;
  listItems(pauseId: string, filter: ItemFilter, page: { limit: number; cursor?: string }): Promise<Page<Item>>;
  /** the item of any pause that holds this platform object, if one does */
  findHolder(connectionId: string, externalId: string): Promise<Item | undefined>;

  insertApiKey(key: ApiKey): Promise<void>;
  findApiKeyByHash(hash: string): Promise<ApiKey | undefined>;
  countApiKeys(): Promise<number>;

  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  putIdempotency(record: IdempotencyRecord): Promise<void>;

  appendAudit(entries: readonly AuditEntry[]): Promise<void>;
  lastAudit(): Promise<AuditEntry | undefined>;
  /** oldest first */
  listAudit(query: { pauseId?: string; since?: string; limit: number; cursor?: string }): Promise<Page<AuditEntry>>;

  /** resolves when everything written so far is durable */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** how many times the data file was written (coalescing makes this far less than writes asked) */
  readonly fileWrites: number;
  /** why the store refuses changes after a failed write, or null while it is healthy */
  readonly failure: string | null;
  /** what opening the store had to repair (said once at start) */
  readonly notices: readonly string[];
}
