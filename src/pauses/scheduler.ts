import type { Clock } from '../../adapters/types.js';
import { nextStepAt } from '../domain/pause.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

/** What the scheduler asks of the pauses service; each step decides again from the store. */
export interface PlanSteps {
  startPlanned(pauseId: string): Promise<void>;
  endPlanned(pauseId: string): Promise<void>;
}

/**
 * Longest wait between two looks at the stored plans: a timer is no promise across a suspended
 * laptop or a clock that jumps, and setTimeout cannot wait beyond ~24.8 days anyway.
 */
const MAX_WAIT_MS = 60_000;

/**
 * Starts planned pauses at `startsAt` and asks for their resume at `endsAt`. It keeps nothing of
 * its own: each look reads the stored plans and carries out what is due by the clock, so a start
 * after a restart (even a SIGKILL) catches up on whatever fell due while the service was down.
 */
export class Scheduler {
  #timer: NodeJS.Timeout | null = null;
  #looking: Promise<void> | null = null;
  #again = false;
  #stopped = true;
  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly steps: PlanSteps,
    private readonly logger: Logger,
  ) {}

  /** Catches up on what is due, then keeps watching; a new plan wakes it at once. */
  async start(): Promise<void> {
    this.#stopped = false;
    this.#unsubscribe = this.store.onAudit((entries) => {
      if (entries.some((e) => e.action === 'pause.planned' || (e.action === 'pause.requested' && e.data?.endsAt))) this.#wake();
    });
    await this.tick();
  }

  stop(): void {
    this.#stopped = true;
    this.#unsubscribe?.();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** Carries out every step due now, one look at a time, then sets the timer for the next. */
  tick(): Promise<void> {
    if (this.#looking) {
      // A look under way may have read the plans already: it looks once more before it ends.
      this.#again = true;
      return this.#looking;
    }
    this.#looking = (async () => {
      do {
        this.#again = false;
        await this.#look();
      } while (this.#again);
    })().finally(() => {
      this.#looking = null;
    });
    return this.#looking;
  }

  async #look(): Promise<void> {
    const now = this.clock.now().getTime();
    let next = Infinity;
    for (const pause of await this.store.pausesWithPlans()) {
      const at = Date.parse(nextStepAt(pause)!);
      if (at > now) {
        next = Math.min(next, at);
        continue;
      }
      try {
        if (pause.state === 'planned') await this.steps.startPlanned(pause.id);
        else await this.steps.endPlanned(pause.id);
        // A pause just started has its end to wait for: the next look sees it.
        this.#again = true;
      } catch (error) {
        // Left as stored: the next look tries again. Loud, never silent.
        this.logger.error('a planned step failed; trying again shortly', { pauseId: pause.id, state: pause.state, error: error instanceof Error ? error.message : String(error) });
        next = Math.min(next, now + MAX_WAIT_MS);
      }
    }
    this.#arm(next);
  }

  /** A look nobody awaits: a failure (the store refusing reads) is logged and looked at again later. */
  #wake(): void {
    this.tick().catch((error: unknown) => {
      this.logger.error('looking at the planned pauses failed; looking again shortly', { error: error instanceof Error ? error.message : String(error) });
      this.#arm(this.clock.now().getTime() + MAX_WAIT_MS);
    });
  }

  #arm(next: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#stopped) return;
    // With nothing due it still looks now and then: a plan another instance stored is seen too.
    const wait = Math.min(Math.max(next - this.clock.now().getTime(), 0), MAX_WAIT_MS);
    this.#timer = setTimeout(() => this.#wake(), wait);
    // Never the reason the process stays up: the server is.
    this.#timer.unref();
  }
}
