import type { Clock } from '../../adapters/types.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { RequestContext } from '../domain/actor.js';
import { newId } from '../domain/ids.js';
import type { Logger } from '../logger.js';
import { clip } from './clip.js';

export interface AuthFailureLimits {
  /** refusals an address may collect in one window; past them it is answered 429 */
  perWindow: number;
  windowMs: number;
  /** addresses remembered at once; the least recently seen is summarized and forgotten first */
  maxClients: number;
}

export const DEFAULT_AUTH_FAILURE_LIMITS: AuthFailureLimits = { perWindow: 20, windowMs: 60_000, maxClients: 10_000 };

export interface Refusal {
  reason: string;
  method: string;
  path: string;
  requestId: string;
}

interface Window {
  startedAt: number;
  /** refusals after the first of the window: counted, not audited one by one */
  later: number;
  /** of those, answered 429 without looking at the key */
  limited: number;
  reasons: Record<string, number>;
}

const ANONYMOUS = { type: 'api-key', id: 'anonymous', name: 'anonymous' } as const;

/**
 * Refused API keys, per client address, in fixed windows. The first refusal of a window is
 * audited (`auth.failed`, path clipped); later ones are only counted and written as one
 * `auth.failed` entry with `count` when the window is over, so a flood of bad requests costs
 * the audit log two lines per address and window, not one per request (invariant 7 without
 * giving anyone a disk to fill). Past `perWindow` refusals the address is answered 429 until its
 * window ends. Memory is bounded by `maxClients` windows of a few numbers each.
 */
export class AuthFailures {
  readonly #windows = new Map<string, Window>();
  #sweptAt = 0;

  constructor(
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
    readonly limits: AuthFailureLimits = DEFAULT_AUTH_FAILURE_LIMITS,
  ) {}

  /** Seconds until `client` may try again, or null when it may now. */
  retryAfter(client: string): number | null {
    const window = this.#current(client);
    if (!window || window.later + 1 < this.limits.perWindow) return null;
    window.later++;
    window.limited++;
    window.reasons['rate-limited'] = (window.reasons['rate-limited'] ?? 0) + 1;
    return Math.max(1, Math.ceil((window.startedAt + this.limits.windowMs - this.#now()) / 1000));
  }

  /** Counts a refused key; the first of a window is audited, and awaited like any audit write. */
  async refused(client: string, refusal: Refusal): Promise<void> {
    const window = this.#current(client);
    if (window) {
      window.later++;
      window.reasons[refusal.reason] = (window.reasons[refusal.reason] ?? 0) + 1;
      return;
    }
    this.#windows.set(client, { startedAt: this.#now(), later: 0, limited: 0, reasons: {} });
    this.#evictOverflow();
    await this.audit.record({ actor: { ...ANONYMOUS }, source: 'api', requestId: refusal.requestId }, [
      { action: 'auth.failed', data: { reason: refusal.reason, method: refusal.method, path: clip(refusal.path), client } },
    ]);
  }

  /** Writes the summary of every window that is over; `all` also of those still open (shutdown). */
  sweep(all = false): Promise<void> {
    const now = this.#now();
    this.#sweptAt = now;
    const writes: Promise<void>[] = [];
    for (const [client, window] of this.#windows) {
      if (!all && now < window.startedAt + this.limits.windowMs) continue;
      this.#windows.delete(client);
      writes.push(this.#summarize(client, window));
    }
    return Promise.all(writes).then(() => undefined);
  }

  /** The open window of `client`, moved to the most recently seen end; a finished one is summarized. */
  #current(client: string): Window | undefined {
    const now = this.#now();
    // Finished windows of addresses that went quiet are summarized at most once a window.
    if (now - this.#sweptAt >= this.limits.windowMs) void this.sweep();
    const window = this.#windows.get(client);
    if (!window) return undefined;
    this.#windows.delete(client);
    if (now >= window.startedAt + this.limits.windowMs) {
      void this.#summarize(client, window);
      return undefined;
    }
    this.#windows.set(client, window);
    return window;
  }

  #evictOverflow(): void {
    while (this.#windows.size > this.limits.maxClients) {
      const [client, window] = this.#windows.entries().next().value!;
      this.#windows.delete(client);
      void this.#summarize(client, window);
    }
  }

  #summarize(client: string, window: Window): Promise<void> {
    if (window.later === 0) return Promise.resolve();
    const ctx: RequestContext = { actor: { ...ANONYMOUS }, source: 'api', requestId: newId('req') };
    const data = {
      client,
      count: window.later,
      limited: window.limited,
      reasons: window.reasons,
      since: new Date(window.startedAt).toISOString(),
      until: new Date(Math.min(this.#now(), window.startedAt + this.limits.windowMs)).toISOString(),
    };
    return this.audit.record(ctx, [{ action: 'auth.failed', data }]).catch((error: unknown) => {
      this.logger.error('could not audit refused API keys', { client, count: window.later, error: String(error) });
    });
  }

  #now(): number {
    return this.clock.now().getTime();
  }
}
