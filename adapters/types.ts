// The adapter contract: the only shape `src/` knows of a platform.
// Vendor field names never cross this line; snapshots are opaque JSON the adapter alone reads.
import type { z } from 'zod';
import type { Simulator, SimulatorOptions } from './shared/simulator-kit.js';

export const KINDS = ['post', 'ad', 'email'] as const;
export type Kind = (typeof KINDS)[number];

/**
 * How a platform lets us suspend an item:
 * - `status`: flip a status, same id (Meta ads, Mailchimp automations)
 * - `unschedule`: back to draft, same id, we keep the time (Mailchimp campaigns)
 * - `delete`: delete, re-create later from our snapshot, new id (Hootsuite)
 */
export const SUSPENSION_METHODS = ['status', 'unschedule', 'delete'] as const;
export type SuspensionMethod = (typeof SUSPENSION_METHODS)[number];

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

/** What the core hands back to an adapter about an item it stored. */
export interface ItemRef {
  externalId: string;
  objectType: string;
  method: SuspensionMethod;
  fingerprint: string;
  snapshot: JsonObject;
}

export interface RestoreRequest extends ItemRef {
  /** when it must go out; already checked against `minLeadMs` and normalized; null if unscheduled */
  scheduledAt: string | null;
  /**
   * An earlier create may have reached the platform (a timeout, a crash): look for the
   * re-created object before creating again. Only meaningful for the `delete` method.
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
      /** e.g. "already suspended", "adopted an existing re-created message" */
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
  /** live items of one kind, page by page */
  listLive(kind: Kind): AsyncIterable<LiveItem[]>;
  /** at most `bulkSize` items; one outcome per item, in any order */
  suspend(items: ItemRef[]): Promise<Outcome[]>;
  /** at most `bulkSize` items; one outcome per item */
  restore(items: RestoreRequest[]): Promise<Outcome[]>;
  /** at most `bulkSize` items; one observation per item */
  inspect(items: ItemRef[]): Promise<Observation[]>;
}

export interface Clock {
  now(): Date;
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
}

export interface PlatformAdapter<S = unknown> {
  platform: string;
  displayName: string;
  capabilities: readonly Capability[];
  /** most items one suspend/restore/inspect call takes */
  bulkSize: number;
  /** calls in flight at once per connection */
  concurrency: number;
  /** the platform's documented request limits per connection */
  limits: { requestsPerSecond: number | null; maxInFlight: number | null };
  /** how far ahead of now a restored send time must be for the platform to accept it */
  minLeadMs: number;
  /** an item's own lead time where it differs from `minLeadMs` (Mailchimp Timewarp: 24 hours) */
  leadTimeMs?(item: ItemRef): number;
  credentialKeys: readonly string[];
  accountIds: { required: boolean; label: string };
  settingsSchema: z.ZodType<S>;
  /** the earliest time at or after `at` that the platform accepts (e.g. Mailchimp's quarter hours) */
  normalizeScheduleTime(at: Date): Date;
  connect(ctx: AdapterContext<S>): AdapterClient;
  createSimulator(options: SimulatorOptions): Simulator;
}
