// Small helpers shared by the suspend/restore operations.
import { AdapterError } from '../kit/adapter-error.js';
import type { Outcome } from '../types.js';

export function ok(externalId: string, status: string, note?: string): Outcome {
  return { kind: 'ok', externalId, status, ...(note !== undefined && { note }) };
}

/**
 * Runs an action; when Mailchimp refuses it because the object is not in a state for it
 * (a retried call that had already applied, a restore run twice), reads the object back and
 * succeeds with a note if it already is where the action would have put it.
 */
export async function actIdempotently<T>(
  externalId: string,
  action: () => Promise<Outcome>,
  readBack: () => Promise<T>,
  alreadyDone: (current: T) => { status: string; note: string } | null,
): Promise<Outcome> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof AdapterError) || error.code !== 'invalid_state') throw error;
    const done = alreadyDone(await readBack());
    if (!done) throw error;
    return ok(externalId, done.status, done.note);
  }
}

export function invalidRequest(message: string): AdapterError {
  return new AdapterError({ code: 'invalid_request', message, retryable: false, ambiguous: false });
}
