import type { SSEStreamingApi } from 'hono/streaming';
import type { AuditEntry } from '../audit/audit-entry.js';
import type { Logger } from '../logger.js';
import type { PauseView } from '../pauses/pause-view.js';

/** How the feed reads a pause's view: counting items is not free, so it is asked for sparingly. */
export type PauseLookup = (pauseId: string) => Promise<PauseView>;

export interface ProgressFeedOptions {
  /** a pause's view is sent at most once per this many ms, however many of its entries go by */
  coalesceMs: number;
  /** a client that has not read this many events is cut off: it reconnects with Last-Event-ID and replays from disk */
  maxBacklog: number;
}

/**
 * One subscriber's progress events, written in order: `audit` for each durable audit entry (its
 * `seq` is the event id, so a reconnect with Last-Event-ID loses nothing) and `pause` with the
 * pause's view and counts, coalesced per pause. Entries already sent — a replayed page that
 * overlaps the live ones — are dropped by `seq`.
 */
export class ProgressFeed {
  private lastSeq: number;
  private backlog = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly due = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly stream: SSEStreamingApi,
    private readonly lookup: PauseLookup,
    private readonly options: ProgressFeedOptions,
    private readonly logger: Logger,
    fromSeq: number,
  ) {
    this.lastSeq = fromSeq;
  }

  /** Entries in `seq` order, from a replayed page or the store's live subscription. */
  entries(entries: readonly AuditEntry[]): void {
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue;
      this.lastSeq = entry.seq;
      this.send(() => ({ event: 'audit', id: String(entry.seq), data: JSON.stringify(entry) }));
      if (entry.pauseId) this.pauseChanged(entry.pauseId);
    }
  }

  /** Keeps proxies and the client's reader from taking a quiet stream for a dead one. */
  heartbeat(): void {
    this.enqueue(() => this.stream.write(': heartbeat\n\n').then(() => undefined));
  }

  close(): void {
    for (const timer of this.due.values()) clearTimeout(timer);
    this.due.clear();
  }

  /** Resolves once everything queued so far is written. */
  drained(): Promise<void> {
    return this.chain;
  }

  private pauseChanged(pauseId: string): void {
    if (this.due.has(pauseId)) return;
    const timer = setTimeout(() => {
      this.due.delete(pauseId);
      this.send(async () => {
        try {
          return { event: 'pause', data: JSON.stringify(await this.lookup(pauseId)) };
        } catch (error) {
          // The audit event already went out; a view that cannot be read now is read next time.
          this.logger.warn('progress event: pause view not read', { pauseId, error: String(error) });
          return null;
        }
      });
    }, this.options.coalesceMs);
    this.due.set(pauseId, timer);
  }

  private send(message: () => { event: string; id?: string; data: string } | null | Promise<{ event: string; id?: string; data: string } | null>): void {
    this.enqueue(async () => {
      const m = await message();
      if (m) await this.stream.writeSSE(m);
    });
  }

  private enqueue(write: () => Promise<void>): void {
    if (this.stream.aborted || this.stream.closed) return;
    if (++this.backlog > this.options.maxBacklog) {
      this.logger.warn('progress event stream cut: the client reads too slowly', { backlog: this.backlog });
      this.close();
      void this.stream.close();
      return;
    }
    this.chain = this.chain.then(write).then(
      () => void this.backlog--,
      () => void this.backlog--,
    );
  }
}
