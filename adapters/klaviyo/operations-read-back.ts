// Reading an object back after a refusal. Klaviyo refuses a revert of a campaign that is already
// a draft and a send job for one already scheduled (400, `invalid_state` to us). A retried call
// that had applied, or a restore run twice, meets that refusal: we then read the object and
// succeed, with a note, when it already is where the action would have put it.
import { AdapterError } from '../kit/adapter-error.js';
import { ok } from '../kit/outcomes.js';
import type { Outcome } from '../types.js';

export interface Recovery<T> {
  readBack(): Promise<T>;
  /** the outcome's status and note when the object already is where the action puts it */
  alreadyDone(current: T): { status: string; note: string } | null;
  /** what the object shows, for the error when it is not */
  describe(current: T): string;
}

export async function actIdempotently<T>(externalId: string, action: () => Promise<Outcome>, recovery: Recovery<T>): Promise<Outcome> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof AdapterError) || error.code !== 'invalid_state') throw error;
    const current = await recovery.readBack();
    const done = recovery.alreadyDone(current);
    if (done) return ok(externalId, done.status, { note: done.note });
    throw new AdapterError({ ...error.toInfo(), message: `${error.message}; ${recovery.describe(current)}` });
  }
}

/** The object, or null when Klaviyo does not know it (404). */
export async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AdapterError && error.code === 'not_found') return null;
    throw error;
  }
}
