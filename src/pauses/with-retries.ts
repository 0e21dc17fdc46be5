// The one place platform calls are retried (p-retry). It honours each platform's own wait
// (`retryAfterMs`, read by the adapter from Retry-After, Meta's usage headers, …), backs off
// exponentially otherwise, and never repeats a non-idempotent call whose failure may have
// taken effect (a create that timed out may have created).
import pRetry from 'p-retry';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { Outcome } from '../../adapters/types.js';

export interface RetryPolicy {
  /** attempts after the first, for failures other than a platform's own "wait until" */
  retries: number;
  backoffMs: number;
  /**
   * How long one call may wait, in all, for a platform that says when to come back (a rate
   * limit, a block): such waits cost no attempt, so a pause waits out a block instead of failing.
   */
  maxRetryWaitMs: number;
  sleep(ms: number): Promise<void>;
}

export interface CallOptions {
  /** false for creates: an ambiguous failure is then final (the caller looks before re-creating) */
  idempotent: boolean;
  /** told before each wait the platform asked for (items then say what they wait for) */
  onWait?(ms: number, error: AdapterError): Promise<void> | void;
}

/** A platform's own "come back in N ms": waited for without spending an attempt. */
const platformWait = (error: AdapterError): number | undefined => (error.code === 'rate_limited' ? error.retryAfterMs : undefined);

/** Wait before the next attempt: the platform's word if it gave one, else exponential backoff. */
export function retryDelay(error: AdapterError, attempt: number, policy: RetryPolicy): number {
  return error.retryAfterMs ?? policy.backoffMs * 2 ** (attempt - 1);
}

/**
 * Counts one call's attempts and waits and says whether another attempt may follow: attempts
 * for ordinary failures, total waiting time for a platform's own waits.
 */
export class RetryBudget {
  #attempts = 0;
  #waited = 0;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly options: Pick<CallOptions, 'idempotent'>,
  ) {}

  /** The wait before trying again, or null when the call must give up. */
  next(error: AdapterError): number | null {
    if (!error.isRetryable || (!this.options.idempotent && error.ambiguous)) return null;
    const told = platformWait(error);
    if (told !== undefined) {
      if (this.#waited + told > this.policy.maxRetryWaitMs) return null;
      this.#waited += told;
      return told;
    }
    this.#attempts++;
    if (this.#attempts > this.policy.retries) return null;
    return retryDelay(error, this.#attempts, this.policy);
  }

  /** A success in a long walk (a listing page): the next failure starts counting afresh. */
  reset(): void {
    this.#attempts = 0;
  }
}

/** Retries one whole call (an inspect, a credential check). Rejects with the last AdapterError. */
export async function retryCall<T>(call: () => Promise<T>, policy: RetryPolicy, options: CallOptions): Promise<T> {
  const budget = new RetryBudget(policy, options);
  let wait: number | null = null;
  try {
    return await pRetry(
      async () => {
        try {
          return await call();
        } catch (error) {
          throw asAdapterError(error);
        }
      },
      {
        retries: Number.POSITIVE_INFINITY,
        // p-retry's own timer stays at zero: the wait happens in onFailedAttempt, on our clock.
        minTimeout: 0,
        maxTimeout: 0,
        randomize: false,
        // p-retry asks onFailedAttempt first, then shouldRetry: decide once, wait, then say.
        onFailedAttempt: async ({ error }) => {
          const e = asAdapterError(error);
          wait = budget.next(e);
          if (wait === null) return;
          await options.onWait?.(wait, e);
          await policy.sleep(wait);
        },
        shouldRetry: () => wait !== null,
      },
    );
  } catch (error) {
    throw asAdapterError(error);
  }
}

export interface BatchResult<T> {
  item: T;
  outcome: Outcome;
  /** some attempt for this item failed in a way that may have taken effect on the platform */
  ambiguous: boolean;
}

/**
 * Calls `call` on a batch, then again on just the items that failed retryably, until every
 * item has a final outcome. A whole-call failure counts as a failure of every item in it.
 */
export async function retryBatch<T extends { externalId: string }>(
  items: readonly T[],
  call: (batch: T[]) => Promise<Outcome[]>,
  policy: RetryPolicy,
  options: Pick<CallOptions, 'idempotent'> & { onWait?(ms: number, error: AdapterError, waiting: readonly T[]): Promise<void> | void },
): Promise<Array<BatchResult<T>>> {
  const results = new Map<string, BatchResult<T>>();
  const ambiguous = new Set<string>();
  const budget = new RetryBudget(policy, { idempotent: true });
  let pending = [...items];
  while (pending.length > 0) {
    const outcomes = await call(pending).catch((error: unknown) => {
      const info = asAdapterError(error).toInfo();
      return pending.map((i): Outcome => ({ kind: 'error', externalId: i.externalId, error: info }));
    });
    const byId = new Map(outcomes.map((o) => [o.externalId, o]));
    const again: T[] = [];
    let longest: AdapterError | null = null;
    for (const item of pending) {
      const outcome = byId.get(item.externalId) ?? missingOutcome(item.externalId);
      results.set(item.externalId, { item, outcome, ambiguous: false });
      if (outcome.kind === 'ok') continue;
      if (outcome.error.ambiguous) ambiguous.add(item.externalId);
      const error = new AdapterError(outcome.error);
      // A non-idempotent call that may have taken effect is final here: the caller looks first.
      if (!error.isRetryable || (!options.idempotent && error.ambiguous)) continue;
      again.push(item);
      if (!longest || retryDelay(error, 1, policy) > retryDelay(longest, 1, policy)) longest = error;
    }
    if (again.length === 0 || !longest) break;
    const wait = budget.next(longest);
    if (wait === null) break; // out of attempts: each item keeps its last outcome
    await options.onWait?.(wait, longest, again);
    await policy.sleep(wait);
    pending = again;
  }
  return items.map((i) => ({ ...results.get(i.externalId)!, ambiguous: ambiguous.has(i.externalId) }));
}

function missingOutcome(externalId: string): Outcome {
  return {
    kind: 'error',
    externalId,
    error: { code: 'unexpected_response', message: 'the platform answered nothing for this item', retryable: true, ambiguous: true },
  };
}

export function asAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  return new AdapterError({
    code: 'unexpected_response',
    message: error instanceof Error ? error.message : String(error),
    retryable: false,
    ambiguous: true,
  });
}
