// The adapter contract: the only shape `src/` knows of a platform.
// Vendor field names never cross this line; snapshots are opaque JSON the adapter alone reads.
import type { z } from 'zod';
import type { SimulatorFactory } from './kit/simulator/types.js';

export const KINDS = ['post', 'ad', 'email'] as const;
export type Kind = (typeof KINDS)[number];

/**
 * How a platform lets us suspend an item, as data: `src/` reads these traits and never branches
 * on a method's name.
 */
export interface MethodTraits {
  /** the item keeps its platform id through suspend and restore (false: re-created, new id) */
  keepsId: boolean;
  /**
   * sending the same restore twice has the effect of one (a status flip). False for re-creates:
   * after an unclear answer the adapter must look for the earlier result before acting again.
   */
  idempotentRestore: boolean;
  /**
   * what it means when the platform no longer shows an item we suspended: `suspended` when that
   * is how our suspension leaves it (deleted), `gone` when someone else removed it (drift).
   */
  absentMeans: 'suspended' | 'gone';
  /**
   * whether anyone can change the item on the platform while it is suspended. When not (it was
   * deleted), a confirmed suspension needs no read-back before the restore.
   */
  changeableWhileSuspended: boolean;
  /** for people: what suspending does and what restoring costs */
  description: string;
}

export const SUSPENSION_METHODS = {
  status: {
    keepsId: true,
    idempotentRestore: true,
    absentMeans: 'gone',
    changeableWhileSuspended: true,
    description: 'flips its status (paused ⇄ live); same id, nothing lost',
  },
  unschedule: {
    keepsId: true,
    idempotentRestore: true,
    absentMeans: 'gone',
    changeableWhileSuspended: true,
    description: 'moves it back to draft; we keep its send time and schedule it again',
  },
  delete: {
    keepsId: false,
    idempotentRestore: false,
    absentMeans: 'suspended',
    changeableWhileSuspended: false,
    description: 'deletes it after storing a full snapshot, and re-creates it from the snapshot (new id)',
  },
} as const satisfies Record<string, MethodTraits>;

export type SuspensionMethod = keyof typeof SUSPENSION_METHODS;
export const SUSPENSION_METHOD_NAMES = Object.keys(SUSPENSION_METHODS) as [SuspensionMethod, ...SuspensionMethod[]];
export const methodTraits = (method: SuspensionMethod): MethodTraits => SUSPENSION_METHODS[method];

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** One kind of object a platform lets us suspend, e.g. Mailchimp `{email, unschedule, campaign}`. */
export interface Capability {
  kind: Kind;
  method: SuspensionMethod;
  /** the platform's own word for the object, shown to people: "campaign", "automation", "message" */
  objectType: string;
}

/** A live platform object, as listed when a pause plans. */
export interface LiveItem {
  externalId: string;
  kind: Kind;
  method: SuspensionMethod;
  objectType: string;
  /** a human label: campaign name, the first words of a post */
  title: string;
  /** the platform's own status string, as it was when listed */
  status: string;
  /** ISO-8601 UTC, or null for items without a send time (ads, automations) */
  scheduledAt: string | null;
  /** hash of the content a restore must preserve (text, media, audience, budget; never the id) */
  fingerprint: string;
  /** everything the adapter needs to put the item back; opaque to the core */
  snapshot: JsonObject;
}

/** One page of a listing. */
export interface ListPage {
  items: LiveItem[];
  /**
   * Where the listing goes on after this page: `listLive(kind, next)` lists the pages that follow,
   * so a failure on page 12 costs one page, not eleven. Null after the last page. Opaque.
   */
  next: string | null;
}

/** What the core hands back to an adapter about an item it stored. */
export interface ItemRef {
  externalId: string;
  objectType: string;
  method: SuspensionMethod;
  fingerprint: string;
  snapshot: JsonObject;
}

export interface RestoreRequest extends ItemRef {
  /** when it must go out; already checked against the lead time and normalized; null if unscheduled */
  scheduledAt: string | null;
  /**
   * An earlier restore may have reached the platform (a timeout, a crash): look for its result
   * before acting again. Set only for methods whose restore is not idempotent.
   */
  mayExist: boolean;
}

export interface AdapterErrorInfo {
  code: AdapterErrorCode;
  message: string;
  retryable: boolean;
  /** the call may have taken effect on the platform although it failed (timeout, reset, 5xx) */
  ambiguous: boolean;
  retryAfterMs?: number;
  httpStatus?: number;
  vendorCode?: string;
}

export type AdapterErrorCode =
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'invalid_state'
  | 'invalid_request'
  | 'server_error'
  | 'timeout'
  | 'network'
  | 'unexpected_response';

/** The result of suspending or restoring one item. */
export type Outcome =
  | {
      kind: 'ok';
      externalId: string;
      /** the platform's own status after the call, e.g. PAUSED, save, SCHEDULED */
      status: string;
      /** for re-created items: the platform's new id */
      newExternalId?: string;
      /** e.g. "already suspended", "adopted an existing re-created message", "awaits approval" */
      note?: string;
    }
  | { kind: 'error'; externalId: string; error: AdapterErrorInfo };

/** The current state of a stored item on its platform: drift detection and crash recovery. */
export interface Observation {
  externalId: string;
  found: boolean;
  /** true when the platform would publish, deliver or send it */
  live: boolean;
  status: string | null;
  fingerprint: string | null;
  scheduledAt: string | null;
}

/** One connection's live client. Methods throw AdapterError for whole-call failures. */
export interface AdapterClient {
  /** a cheap authenticated call; throws AdapterError (`unauthorized`, …) when it fails */
  checkCredentials(): Promise<void>;
  /** live items of one kind, page by page; `from` is a page's `next`, to go on after it */
  listLive(kind: Kind, from?: string): AsyncIterable<ListPage>;
  /** at most `bulk.suspend` items; one outcome per item, in any order */
  suspend(items: ItemRef[]): Promise<Outcome[]>;
  /** at most `bulk.restore` items; one outcome per item */
  restore(items: RestoreRequest[]): Promise<Outcome[]>;
  /** at most `bulk.inspect` items; one observation per item */
  inspect(items: ItemRef[]): Promise<Observation[]>;
  /**
   * Only for platforms with small quotas (per window, per day): whether suspending or restoring
   * `items` items fits in what the quotas allow now, and when it would finish if not. A pause's
   * dry run shows it per connection; the pause itself goes on as the quotas allow (the kit's
   * buckets wait, and each waiting item says what for).
   */
  quota?(need: QuotaNeed): Promise<QuotaForecast>;
}

export interface QuotaNeed {
  operation: 'suspend' | 'restore';
  /** items of this connection the operation would touch */
  items: number;
}

export interface QuotaForecast {
  /** requests the operation needs (listing pages included, at the bulk size) */
  requests: number;
  /** requests the quotas allow from now before the first wait */
  allowedNow: number;
  /** requests <= allowedNow */
  fitsNow: boolean;
  /** when the last request could go at the earliest, given the windows (now when it fits) */
  finishesAt: Date;
  /** the quotas in words, e.g. "Buffer: 100 requests per 15 minutes, 2,000 per day" */
  limits: string;
}

export interface Clock {
  now(): Date;
}

/** A wait the platform's limits impose on a connection, reported so people can see it. */
export interface LimitWait {
  /** when calls may go again */
  until: Date;
  /** e.g. "Meta's ad account points limit (9,000 per 300 s)" */
  reason: string;
}

export interface AdapterContext<S> {
  connectionId: string;
  /** platform account ids this connection covers (profiles, ad accounts, audiences) */
  accountIds: string[];
  settings: S;
  /** credential values, by the adapter's own `credentialKeys` */
  credentials: Record<string, string>;
  /** overrides the platform's real base URL (the sandbox) */
  baseUrl?: string;
  timeoutMs: number;
  /** overrides the adapter's default request rate and in-flight limits */
  limits?: { requestsPerSecond?: number; maxInFlight?: number };
  clock: Clock;
  /** called when the platform's limits hold calls back for more than a moment */
  onWait?(wait: LimitWait): void;
}

/** Most items one call takes, per operation (a platform may batch writes but not reads). */
export interface BulkSizes {
  suspend: number;
  restore: number;
  inspect: number;
}

export interface PlatformAdapter<S = unknown> {
  platform: string;
  displayName: string;
  capabilities: readonly Capability[];
  bulk: BulkSizes;
  /** a connection's own bulk sizes where its settings change them (Meta's access tier) */
  bulkFor?(settings: S): BulkSizes;
  /** calls in flight at once per connection */
  concurrency: number;
  /** how far ahead of now a restored send time must be for the platform to accept it */
  minLeadMs: number;
  /** an item's own lead time where it differs from `minLeadMs` (Mailchimp Timewarp: 24 hours) */
  leadTimeMs?(item: ItemRef): number;
  credentialKeys: readonly string[];
  /** credentials a connection may name but need not (Meta's app secret, for appsecret_proof) */
  optionalCredentialKeys?: readonly string[];
  accountIds: { required: boolean; label: string };
  settingsSchema: z.ZodType<S>;
  /** the earliest time at or after `at` that the platform accepts (e.g. Mailchimp's quarter hours) */
  normalizeScheduleTime(at: Date): Date;
  connect(ctx: AdapterContext<S>): AdapterClient;
  /**
   * The platform's simulator, loaded on demand (a dynamic `import()`), so that a process that
   * runs no sandbox never loads simulator code.
   */
  loadSimulator(): Promise<SimulatorFactory>;
}
