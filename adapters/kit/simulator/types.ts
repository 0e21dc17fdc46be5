// The shape every simulator shows the sandbox, tests and the benchmark. Type-only: the adapter
// contract (../../types.ts) refers to these without loading any simulator code.
import type { Clock, JsonValue, Kind } from '../../types.js';
import type { Faults } from './faults.js';

/** One row of `GET /__sandbox/state`. */
export interface SandboxItem {
  id: string;
  kind: Kind;
  /** the platform's own status string */
  status: string;
  /** true when the platform would publish, deliver or send the item */
  live: boolean;
  scheduledAt: string | null;
  fingerprint: string;
}

export interface SimulatorOptions {
  clock: Clock;
  /** credential values the fake platform accepts, keyed by the adapter's `credentialKeys` */
  credentials: Record<string, string>;
  /** the account ids that exist on the fake platform (profiles, ad accounts, audiences) */
  accountIds: string[];
  /** `sandbox`: realistic seeded content for `npm start`; `empty`: tests seed their own */
  seed: 'sandbox' | 'empty';
  /** the connection this fake platform serves: two brands' connections seed different content */
  connectionId?: string;
  /** a world exported earlier (`exportWorld()`): loaded instead of seeding */
  world?: JsonValue;
  /** added to every request */
  latencyMs?: number;
  /** answer over-limit traffic with the platform's own 429/throttle signal */
  enforceLimits?: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** the raw query string without `?`; credentials in it are masked */
  query: string;
  /** the body as text, for batch-size and payload assertions; credentials in it are masked */
  body: string;
}

export interface Simulator {
  readonly platform: string;
  /** Answers one request as the platform would. `env` carries @hono/node-server bindings. */
  fetch(request: Request, env?: unknown): Promise<Response>;
  /** every item the platform holds, for `GET /__sandbox/state` */
  state(): SandboxItem[];
  readonly faults: Faults;
  /** requests seen, oldest first (the last 10,000) */
  readonly requests: RecordedRequest[];
  /** the world as JSON, for `SimulatorOptions.world` to load back (the sandbox keeps it on disk) */
  exportWorld(): JsonValue;
  /** `listener` runs after each change of the world; returns the unsubscribe */
  onChange(listener: () => void): () => void;
}

/** What an adapter's `loadSimulator()` resolves to. */
export type SimulatorFactory = (options: SimulatorOptions) => Simulator;

export type FaultKind = 'rate-limit' | 'server-error' | 'timeout' | 'reset';

export interface FaultRule {
  kind: FaultKind;
  /** for `rate-limit`: which of the platform's throttle signals (default: its first) */
  variant?: string;
  /** only requests with this method */
  method?: string;
  /** only requests whose path matches */
  path?: RegExp;
  /** how many matching requests it hits (default 1; Infinity for all) */
  times?: number;
  /** let this many matching requests through first */
  after?: number;
  /** for `timeout`: how long to hold the request before answering 504 (default 60 s) */
  holdMs?: number;
  /**
   * Let the platform carry the request out first, then fail the answer: the change happened
   * but the caller cannot know (a lost response, a crash after the call).
   */
  applied?: boolean;
}
