// The one place platform calls are retried (p-retry). It honours each platform's own wait
// (`retryAfterMs`, read by the adapter from Retry-After, Meta's usage header, …), backs off
// exponentially otherwise, and never repeats a non-idempotent call whose failure may have
// taken effect (a create that timed out may have created).
import pRetry from 'p-retry';
import { AdapterError } from '../../adapters/shared/adapter-error.js';
import type { Outcome } from '../../adapters/types.js';

export interface RetryPolicy {
  retries: number;
  backoffMs: number;
  /** a platform asking to wait longer than this is not waited for: the item fails, retryably */
  maxRetryWaitMs: number;
  sleep(ms: number): Promise<void>;
}

export interface CallOptions {
  /** false for creates: an ambiguous failure is then final (the caller looks before re-creating) */
  idempotent: boolean;
}

/** Wait before the next attempt: the platform's word if it gave one, else exponential backoff. */
export function retryDelay(error: AdapterError, attempt: number, policy: RetryPolicy): number {
  return error.retryAfterMs ?? policy.backoffMs * 2 ** (attempt - 1);
}

function mayRetry(error: AdapterError, attempt: number, policy: RetryPolicy, options: CallOptions): boolean {
  if (!error.isRetryable) return false;
  if (!options.idempotent && error.ambiguous) return false;
  return retryDelay(error, attempt, policy) <= policy.maxRetryWaitMs;
}

function retryOptions(policy: RetryPolicy, options: CallOptions) {
  return {
    retries: policy.retries,
    // p-retry's own timer stays at zero: the wait happens in onFailedAttempt, on our clock.
    minTimeout: 0,
    maxTimeout: 0,
    randomize: false,
    shouldRetry: ({ error, attemptNumber }: { error: Error; attemptNumber: number }) =>
      mayRetry(asAdapterError(error), attemptNumber, policy, options),
    onFailedAttempt: async ({ error, attemptNumber, retriesLeft }: { error: Error; attemptNumber: number; retriesLeft: number }) => {
      const e = asAdapterError(error);
      if (retriesLeft > 0 && mayRetry(e, attemptNumber, policy, options)) await policy.sleep(retryDelay(e, attemptNumber, policy));
    },
  };
}

/** Retries one whole call (a listing page, an inspect). Rejects with the last AdapterError. */
export async function retryCall<T>(call: () => Promise<T>, policy: RetryPolicy, options: CallOptions): Promise<T> {
  try {
    return await pRetry(async () => {
      try {
        return await call();
      } catch (error) {
        throw asAdapterError(error);
      }
    }, retryOptions(policy, options));
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
  options: CallOptions,
): Promise<Array<BatchResult<T>>> {
  const results = new Map<string, BatchResult<T>>();
  const ambiguous = new Set<string>();
  let pending = [...items];
  await pRetry(async (attempt) => {
    const outcomes = await call(pending).catch((error: unknown) => {
      const info = asAdapterError(error).toInfo();
      return pending.map((i): Outcome => ({ kind: 'error', externalId: i.externalId, error: info }));
    });
    const byId = new Map(outcomes.map((o) => [o.externalId, o]));
    const again: T[] = [];
    let wait = 0;
    for (const item of pending) {
      const outcome = byId.get(item.externalId) ?? missingOutcome(item.externalId);
      results.set(item.externalId, { item, outcome, ambiguous: false });
      if (outcome.kind === 'ok') continue;
      if (outcome.error.ambiguous) ambiguous.add(item.externalId);
      const error = new AdapterError(outcome.error);
      if (mayRetry(error, attempt, policy, options)) {
        again.push(item);
        wait = Math.max(wait, retryDelay(error, attempt, policy));
      }
    }
    pending = again;
    if (again.length > 0)
      throw new AdapterError({
        code: 'rate_limited',
        message: `${again.length} item(s) to retry`,
        retryable: true,
        ambiguous: false,
        retryAfterMs: wait,
      });
  }, retryOptions(policy, { idempotent: true })).catch(() => {
    // Retries ran out: each item keeps its last outcome.
  });
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
