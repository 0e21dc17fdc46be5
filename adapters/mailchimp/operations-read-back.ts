// Reading an object back. Mailchimp's actions are not idempotent on its side: unscheduling a
// draft, pausing what is paused or scheduling what is scheduled is refused (400, `invalid_state`).
// A retried call that had applied, or a restore run twice, meets that refusal: we then read the
// object and succeed, with a note, when it already is where the action would have put it.
import { AdapterError } from '../kit/adapter-error.js';
import { ok } from '../kit/outcomes.js';
import type { Outcome } from '../types.js';

export interface Recovery<T> {
  /** reads the object as it is now */
  readBack(): Promise<T>;
  /** the outcome's status and note when the object already is where the action puts it */
  alreadyDone(current: T): { status: string; note: string } | null;
  /** the error to report when it is not (default: the refusal as Mailchimp worded it) */
  explain?(refusal: AdapterError, current: T): Promise<AdapterError> | AdapterError;
}

export async function actIdempotently<T>(externalId: string, action: () => Promise<Outcome>, recovery: Recovery<T>): Promise<Outcome> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof AdapterError) || error.code !== 'invalid_state') throw error;
    const current = await recovery.readBack();
    const done = recovery.alreadyDone(current);
    if (done) return ok(externalId, done.status, { note: done.note });
    throw recovery.explain ? await recovery.explain(error, current) : error;
  }
}

/**
 * A status flip (RSS pause/resume, automation pause-all): the action, after which the object
 * shows `status`; refused because it already shows it, a success noted "already <status>".
 */
export function flipStatus(externalId: string, action: () => Promise<void>, readBack: () => Promise<{ status: string }>, status: string): Promise<Outcome> {
  const flip = async (): Promise<Outcome> => {
    await action();
    return ok(externalId, status);
  };
  return actIdempotently(externalId, flip, { readBack, alreadyDone: (o) => (o.status === status ? { status, note: `already ${status}` } : null) });
}

/** The same error with more said about it (already scrubbed by the caller). */
export function withDetail(error: AdapterError, detail: string): AdapterError {
  return new AdapterError({ ...error.toInfo(), message: `${error.message}; ${detail}` });
}

/** The object, or null when Mailchimp does not know it (404): for inspect, an observation. */
export async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof AdapterError && error.code === 'not_found') return null;
    throw error;
  }
}
