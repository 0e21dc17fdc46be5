// Pacing: a request leaves only when it fits in every bucket its platform declares (buckets.ts):
// so many requests or points per sliding window, so many in flight. Requests take their turn in
// arrival order. The pacer only waits; it never retries (the core does, src/pauses/with-retries).
import { AdapterError } from './adapter-error.js';
import type { BucketSpec, Buckets, Charge } from './buckets.js';
import { SlidingLog } from './sliding-log.js';

/** Monotonic time for pacing: real by default, virtual in tests. */
export interface PacerTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const wallTime: PacerTime = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface HeldBack {
  waitMs: number;
  reason: string;
}

/** A window bucket as it stands: for forecasts, never for pacing (the pacer alone paces). */
export interface BucketUsage {
  limit: number;
  windowMs: number;
  /** cost counted in the window ending now */
  used: number;
  /** the pacer's now */
  now: number;
  /** ms from now until `cost` (at most `limit`) fits */
  waitFor(cost: number): number;
}

export interface PacerOptions {
  buckets: Buckets;
  time?: PacerTime;
  /** A longer wait is not waited: the call fails `rate_limited` with `retryAfterMs` (default 60 s). */
  maxWaitMs?: number;
  /** Waits at least this long are reported, once per episode (default 1 s). */
  reportFromMs?: number;
  onHeldBack?(wait: HeldBack): void;
}

type Step = { log: SlidingLog; cost: number; reason: string; id: string };

export class Pacer {
  readonly #buckets: Buckets;
  readonly #time: PacerTime;
  readonly #maxWaitMs: number;
  readonly #reportFromMs: number;
  readonly #onHeldBack: ((wait: HeldBack) => void) | undefined;
  readonly #logs = new Map<string, SlidingLog>();
  readonly #slots: Slots[];
  readonly #reportedUntil = new Map<string, number>();
  #turn: Promise<void> = Promise.resolve();

  constructor(options: PacerOptions) {
    this.#buckets = options.buckets;
    this.#time = options.time ?? wallTime;
    this.#maxWaitMs = options.maxWaitMs ?? 60_000;
    this.#reportFromMs = options.reportFromMs ?? 1_000;
    this.#onHeldBack = options.onHeldBack;
    this.#slots = Object.keys(options.buckets)
      .sort()
      .map((name) => options.buckets[name]!)
      .filter((b): b is Extract<BucketSpec, { kind: 'in-flight' }> => b.kind === 'in-flight')
      .map((b) => new Slots(b.max));
  }

  /** Runs `task` once the request fits everywhere; the task's own time is not the pacer's. */
  async run<T>(charge: Charge | undefined, task: () => Promise<T>): Promise<T> {
    const steps = this.#steps(charge);
    // Slots in one fixed order, so two requests can never hold each other's.
    for (const slots of this.#slots) await slots.acquire();
    try {
      await this.#takeTurn(steps);
      return await task();
    } finally {
      for (const slots of this.#slots) slots.release();
    }
  }

  /**
   * What `count` more requests (1 each, no key) would meet in the `request` window buckets: how
   * many go before the first wait, and how long from now until the last could leave. For
   * platforms with small quotas, whose adapters forecast a whole pause (`AdapterClient.quota`).
   */
  forecast(count: number): { allowedNow: number; waitMs: number } {
    const now = this.#time.now();
    const windows = Object.entries(this.#buckets).flatMap(([name, spec]) =>
      spec.kind === 'window' && spec.unit === 'request'
        ? [{ limit: spec.limit, width: spec.windowMs + spec.jitterMs, times: this.#logs.get(`${name}\u0000`)?.times(now) ?? [], head: 0 }]
        : [],
    );
    if (windows.length === 0) return { allowedNow: Number.MAX_SAFE_INTEGER, waitMs: 0 };
    const allowedNow = Math.max(0, Math.min(...windows.map((w) => w.limit - w.times.length)));
    // The earliest instant at or after t when window w has room: when enough old entries left it.
    const earliest = (w: (typeof windows)[number], t: number): number => {
      while (w.head < w.times.length && w.times[w.head]! <= t - w.width) w.head++;
      return w.times.length - w.head < w.limit ? t : w.times[w.times.length - w.limit]! + w.width;
    };
    let at = now;
    for (let i = 0; i < count; i++) {
      for (let next = Math.max(...windows.map((w) => earliest(w, at))); next > at; next = Math.max(...windows.map((w) => earliest(w, at)))) at = next;
      for (const w of windows) w.times.push(at);
    }
    return { allowedNow, waitMs: at - now };
  }

  /** What a declared window bucket holds now (`key`: a keyed bucket's), or null. */
  usage(name: string, key = ''): BucketUsage | null {
    const spec = this.#buckets[name];
    if (spec?.kind !== 'window') return null;
    const now = this.#time.now();
    const log = this.#logs.get(`${name}\u0000${key}`) ?? new SlidingLog(spec.limit, spec.windowMs + spec.jitterMs);
    return { limit: spec.limit, windowMs: spec.windowMs + spec.jitterMs, used: log.used(now), now, waitFor: (cost) => log.waitFor(cost, now) };
  }

  #takeTurn(steps: Step[]): Promise<void> {
    if (steps.length === 0) return Promise.resolve();
    const turn = this.#turn.then(() => this.#waitUntilFits(steps));
    this.#turn = turn.catch(() => undefined);
    return turn;
  }

  async #waitUntilFits(steps: Step[]): Promise<void> {
    for (;;) {
      const now = this.#time.now();
      let worst: { wait: number; step: Step } | null = null;
      for (const step of steps) {
        const wait = step.log.waitFor(step.cost, now);
        if (wait > 0 && (!worst || wait > worst.wait)) worst = { wait, step };
      }
      if (!worst) {
        for (const step of steps) step.log.record(now, step.cost);
        return;
      }
      if (worst.wait > this.#maxWaitMs) {
        // Still a wait the connection goes through (the core waits it out): people see it too.
        this.#report(worst.step, worst.wait, now);
        // Never sent: not ambiguous. The core waits (on its own clock) and tries again.
        throw new AdapterError({
          code: 'rate_limited',
          message: `held back by ${worst.step.reason} for ${Math.ceil(worst.wait / 1000)} s, longer than this call waits`,
          retryable: true,
          ambiguous: false,
          retryAfterMs: Math.ceil(worst.wait),
        });
      }
      this.#report(worst.step, worst.wait, now);
      await this.#time.sleep(Math.max(1, Math.ceil(worst.wait)));
    }
  }

  #report(step: Step, wait: number, now: number): void {
    if (wait < this.#reportFromMs || !this.#onHeldBack) return;
    if ((this.#reportedUntil.get(step.id) ?? -Infinity) > now) return; // this episode was reported
    this.#reportedUntil.set(step.id, now + wait);
    this.#onHeldBack({ waitMs: wait, reason: step.reason });
  }

  #steps(charge: Charge | undefined): Step[] {
    for (const name of Object.keys(charge ?? {})) {
      if (this.#buckets[name]?.kind !== 'window') throw invalid(`a request is charged to "${name}", which is not a declared window bucket`);
    }
    const steps: Step[] = [];
    for (const [name, spec] of Object.entries(this.#buckets)) {
      if (spec.kind !== 'window') continue;
      const charged = charge?.[name];
      const { amount, key } = typeof charged === 'object' ? charged : { amount: charged ?? (spec.unit === 'request' ? 1 : 0), key: '' };
      if (amount <= 0) continue;
      if (amount > spec.limit) throw invalid(`a request costing ${amount} can never fit ${spec.reason} (${spec.limit} per window)`);
      const id = `${name}\u0000${key}`;
      let log = this.#logs.get(id);
      if (!log) this.#logs.set(id, (log = new SlidingLog(spec.limit, spec.windowMs + spec.jitterMs)));
      steps.push({ log, cost: amount, reason: spec.reason, id });
    }
    return steps;
  }
}

/** A counting semaphore; a freed slot passes straight to the longest waiter. */
class Slots {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(max: number) {
    this.#free = max;
  }

  acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }
}

function invalid(message: string): AdapterError {
  return new AdapterError({ code: 'invalid_request', message, retryable: false, ambiguous: false });
}
