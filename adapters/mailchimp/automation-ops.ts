// Suspend / restore / inspect of classic automations: a true pause, same ids.
// Suspend pauses every email of the workflow; restore restarts only the emails that were sending
// when we paused them, so an email a person had paused stays paused.
import { AdapterError } from '../kit/adapter-error.js';
import type { ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import type { MailchimpApi } from './api-core.js';
import { getAutomation, listAutomationEmails, pauseAllEmails, startAllEmails, startAutomationEmail } from './api-automations.js';
import { automationObservation, automationSnapshotSchema, notFound } from './mappers.js';
import { actIdempotently, ok } from './outcomes.js';

export function suspendAutomation(api: MailchimpApi, item: ItemRef): Promise<Outcome> {
  const id = item.externalId;
  return actIdempotently(
    id,
    async () => {
      await pauseAllEmails(api, id);
      return ok(id, 'paused');
    },
    () => getAutomation(api, id),
    (a) => (a.status === 'paused' ? { status: a.status, note: 'already paused' } : null),
  );
}

export async function restoreAutomation(api: MailchimpApi, request: RestoreRequest): Promise<Outcome> {
  const id = request.externalId;
  const snapshot = automationSnapshotSchema.parse(request.snapshot);
  const current = new Map((await listAutomationEmails(api, id)).map((e) => [e.id, e.status]));
  const wasSending = snapshot.emails.filter((e) => e.status === 'sending').map((e) => e.id);
  const toStart = wasSending.filter((emailId) => current.has(emailId) && current.get(emailId) !== 'sending');
  const vanished = wasSending.filter((emailId) => !current.has(emailId));
  const vanishedNote = vanished.length > 0 ? `emails no longer in the workflow: ${vanished.join(', ')}` : undefined;

  if (toStart.length === 0) {
    return ok(id, 'sending', ['already sending', vanishedNote].filter(Boolean).join('; '));
  }
  // start-all-emails only when it cannot start anything that was not sending: every email was
  // sending in the snapshot and the workflow still holds exactly those emails.
  const sameEmails = current.size === snapshot.emails.length && snapshot.emails.every((e) => current.has(e.id));
  if (wasSending.length === snapshot.emails.length && sameEmails) {
    await startAllEmails(api, id);
  } else {
    // One at a time: the workflow is one object on Mailchimp's side.
    for (const emailId of toStart) await startAutomationEmail(api, id, emailId);
  }
  return ok(id, 'sending', vanishedNote);
}

export async function inspectAutomation(api: MailchimpApi, item: ItemRef): Promise<Observation> {
  try {
    const [automation, emails] = await Promise.all([getAutomation(api, item.externalId), listAutomationEmails(api, item.externalId)]);
    return automationObservation(automation, emails);
  } catch (error) {
    if (error instanceof AdapterError && error.code === 'not_found') return notFound(item.externalId);
    throw error;
  }
}
