// Suspending and restoring one Single Send. SendGrid documents neither what it answers when the
// schedule of a draft is deleted nor when a sent one is scheduled again, so any refusal of a
// state (or a 404) is checked against the Single Send as it is now: already where the call would
// put it is a success with a note (a retried call that had applied, a restore run twice);
// anything else is reported with what SendGrid shows.
import { AdapterError } from '../kit/adapter-error.js';
import { ok, refused } from '../kit/outcomes.js';
import type { ItemRef, Outcome, RestoreRequest } from '../types.js';
import { deleteSchedule, scheduleSingleSend, type SendGridApi } from './api.js';
import { readIfThere } from './operations-listing.js';
import { canonicalTime, SCHEDULED, snapshotSchema, toSendAt, UNSCHEDULED } from './mappers.js';
import type { SingleSend } from './schemas.js';

export async function suspendSingleSend(api: SendGridApi, item: ItemRef): Promise<Outcome> {
  const id = item.externalId;
  try {
    await deleteSchedule(api, id);
    return ok(id, UNSCHEDULED);
  } catch (error) {
    const current = await readBackAfter(api, error, id);
    if (current.status === UNSCHEDULED) return ok(id, UNSCHEDULED, { note: 'already unscheduled' });
    throw explain(api, error, current);
  }
}

export async function restoreSingleSend(api: SendGridApi, request: RestoreRequest): Promise<Outcome> {
  const id = request.externalId;
  const snapshot = snapshotSchema.safeParse(request.snapshot);
  if (!snapshot.success) return refused(id, `restore ${id}: the stored snapshot is not a SendGrid Single Send snapshot`);
  if (request.scheduledAt === null) return refused(id, `restore ${id}: a scheduled Single Send needs a send time to be restored`);
  const at = new Date(request.scheduledAt);
  try {
    await scheduleSingleSend(api, id, { send_at: toSendAt(at) });
    return ok(id, SCHEDULED);
  } catch (error) {
    const current = await readBackAfter(api, error, id);
    if (current.status === SCHEDULED && canonicalTime(current.send_at) === at.toISOString()) return ok(id, SCHEDULED, { note: 'already scheduled at that time' });
    throw explain(api, error, current);
  }
}

/**
 * The Single Send as it is now, after a refusal of its state or a 404; any other failure (and a
 * Single Send SendGrid does not have) is rethrown as it was.
 */
async function readBackAfter(api: SendGridApi, error: unknown, id: string): Promise<SingleSend> {
  if (!(error instanceof AdapterError) || (error.code !== 'invalid_state' && error.code !== 'not_found')) throw error;
  const current = await readIfThere(api, id);
  if (!current) throw error;
  return current;
}

/** The refusal, saying what SendGrid shows (a triggered Single Send has gone out: nothing to do). */
function explain(api: SendGridApi, error: unknown, current: SingleSend): AdapterError {
  const base = error as AdapterError;
  const sent = current.status === 'triggered' ? ' (triggered: it has been sent)' : '';
  const detail = api.scrub(`SendGrid shows the Single Send "${current.status}"${sent}`);
  return new AdapterError({ ...base.toInfo(), code: 'invalid_state', retryable: false, ambiguous: false, message: `${base.message}; ${detail}` });
}
