import type { Clock } from '../../adapters/types.js';
import type { NotificationsConfig } from '../config/notifications.js';
import type { RequestContext } from '../domain/actor.js';
import { AppError, notFound } from '../domain/errors.js';
import type { Delivery, NotifierMark } from '../domain/delivery.js';
import type { Logger } from '../logger.js';
import { seqCursor } from '../store/paging.js';
import type { Store } from '../store/store.js';
import { composeDeliveries } from './compose-deliveries.js';
import { dueFailures } from './failure-bursts.js';
import { noticesOf } from './notices.js';
import { afterAttempt, retried } from './outcome.js';
import { dueReminders } from './reminders.js';
import { send } from './send.js';
import type { Target } from './targets.js';

export interface NotifierTiming {
  /** after an audit entry, how long to wait for more: a burst of failures becomes one message */
  settleMs: number;
  /** how often due retries and reminders are looked for */
  pollMs: number;
}

const AUDIT_PAGE = 500;
const SEND_BATCH = 50;

/**
 * Tells people what happened, from the audit log: each run turns the entries after the stored
 * mark into deliveries (the mark moved in the same write), queues reminders that are due, and
 * sends what is due, recording each attempt. Everything is decided from stored state when it
 * runs, so a restart — even after SIGKILL — goes on where the last run stopped.
 */
export class Notifier {
  #running: Promise<void> | null = null;
  #again = false;
  #settle: NodeJS.Timeout | null = null;
  #poll: NodeJS.Timeout | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: { store: Store; clock: Clock; logger: Logger; config: NotificationsConfig; targets: readonly Target[]; timing: NotifierTiming },
  ) {}

  start(): void {
    if (this.#unsubscribe) return;
    this.#unsubscribe = this.deps.store.onAudit(() => this.#kickSoon());
    this.#poll = setInterval(() => this.kick(), this.deps.timing.pollMs);
    this.#poll.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (this.#settle) clearTimeout(this.#settle);
    if (this.#poll) clearInterval(this.#poll);
    this.#settle = this.#poll = null;
    await this.#running;
  }

  /** Makes sure a run happens now or right after the one under way. */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.run()
      .catch((error: unknown) => this.deps.logger.error('notifier run failed; the next one goes on from the stored mark', { error: String(error) }))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** Resolves once no run is under way (one asked for meanwhile included). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** One run: new entries into deliveries, failures and reminders now due, then sending what is due. */
  async run(): Promise<void> {
    const mark = await this.#catchUp();
    await this.#dueByTime(mark);
    await this.#sendDue();
  }

  /** A failed delivery tried again, by a person: `conflict` unless it failed. */
  async retry(id: string, ctx: RequestContext): Promise<Delivery> {
    const { store, clock, config } = this.deps;
    const current = await store.getDelivery(id);
    if (!current) throw notFound('notification', id);
    if (current.state !== 'failed') throw new AppError('conflict', `notification ${id} is ${current.state}: only a failed one can be retried`);
    const next = await store.changeDelivery(id, (d) => retried(d, config.retries.attempts, ctx, clock.now()));
    if (next.state !== 'pending') throw new AppError('conflict', `notification ${id} is ${next.state}: only a failed one can be retried`);
    this.kick();
    return next;
  }

  #kickSoon(): void {
    if (this.#settle) return;
    this.#settle = setTimeout(() => {
      this.#settle = null;
      this.kick();
    }, this.deps.timing.settleMs);
    this.#settle.unref();
  }

  async #catchUp(): Promise<NotifierMark> {
    const { store, clock, config, targets } = this.deps;
    let mark = (await store.notifierMark()) ?? (await this.#firstMark());
    if (targets.length === 0) {
      // Nobody to tell: the mark follows the log without reading it (no work during a pause), so
      // a target configured later starts with what happens from then on, not a backlog.
      const head = (await store.auditHead()).seq;
      if (head === mark.auditSeq && Object.keys(mark.failures).length === 0) return mark;
      const next: NotifierMark = { ...mark, auditSeq: head, failures: {} };
      await store.queueDeliveries([], next, mark.auditSeq);
      return next;
    }
    for (;;) {
      const page = await store.listAudit({ limit: AUDIT_PAGE, cursor: seqCursor(mark.auditSeq) });
      if (page.data.length === 0) return mark;
      const { notices, tallies } = noticesOf(page.data, mark.failures);
      const deliveries = await composeDeliveries(notices, targets, { store, clock, config });
      const next: NotifierMark = { ...mark, auditSeq: page.data.at(-1)!.seq, failures: tallies };
      await store.queueDeliveries(deliveries, next, mark.auditSeq);
      mark = next;
    }
  }

  /** First run on this store: what happened before notifications existed is not news. */
  async #firstMark(): Promise<NotifierMark> {
    const mark = { auditSeq: (await this.deps.store.auditHead()).seq, reminders: {}, failures: {} };
    await this.deps.store.queueDeliveries([], mark, null);
    return mark;
  }

  /** Failure bursts that are over and reminders that are due, queued in one write with the mark. */
  async #dueByTime(mark: NotifierMark): Promise<void> {
    const { store, clock, config, targets } = this.deps;
    const now = clock.now();
    const reminding = config.reminderHours > 0 && targets.length > 0;
    const { due: reminders, reminders: sent } = reminding ? dueReminders(await store.pausesInForce(), mark.reminders, config.reminderHours, now) : { due: [], reminders: mark.reminders };
    const pauses = new Map(await Promise.all(Object.keys(mark.failures).map(async (id) => [id, await store.getPause(id)] as const)));
    const { due: failures, tallies } = dueFailures(mark.failures, pauses, now);
    const unchanged = JSON.stringify(sent) === JSON.stringify(mark.reminders) && Object.keys(tallies).length === Object.keys(mark.failures).length;
    if (reminders.length + failures.length === 0 && unchanged) return;
    const deliveries = await composeDeliveries([...failures, ...reminders], targets, { store, clock, config });
    await store.queueDeliveries(deliveries, { ...mark, reminders: sent, failures: tallies }, mark.auditSeq);
  }

  async #sendDue(): Promise<void> {
    const { store, clock, targets } = this.deps;
    for (;;) {
      const due = await store.dueDeliveries(clock.now().toISOString(), SEND_BATCH);
      if (due.length === 0) return;
      // Targets side by side, each in order: one slow endpoint does not hold the others back.
      await Promise.all(targets.map(async (target) => {
        for (const delivery of due.filter((d) => d.target === target.name)) await this.#attempt(target, delivery);
      }));
      const orphans = due.filter((d) => !targets.some((t) => t.name === d.target));
      for (const delivery of orphans) await this.#record(delivery, { ok: false, error: `${delivery.target} is not configured any more` }, true);
    }
  }

  async #attempt(target: Target, delivery: Delivery): Promise<void> {
    await this.#record(delivery, await send(target, delivery, this.deps.config.timeoutMs), false);
  }

  async #record(delivery: Delivery, outcome: Awaited<ReturnType<typeof send>>, final: boolean): Promise<void> {
    const { store, clock, logger, config } = this.deps;
    const next = await store.changeDelivery(delivery.id, (d) => afterAttempt(final ? { ...d, maxAttempts: d.attempts + 1 } : d, outcome, clock.now(), config.retries.backoffMs));
    const fields = { deliveryId: next.id, target: next.target, event: next.event, pauseId: next.pauseId, attempts: next.attempts, error: next.lastError };
    if (next.state === 'failed') logger.error('notification failed for good: people were not told', fields);
    else if (!outcome.ok) logger.warn('notification not delivered; it will be tried again', { ...fields, nextAttemptAt: next.nextAttemptAt });
  }
}
