// Suspend / restore / inspect of classic automations: a true pause, same ids.
// Suspend pauses every email of the workflow; restore restarts only the emails that were sending
// when we paused them, so an email a person had paused stays paused.
import { ok, refused } from '../kit/outcomes.js';
import type { ItemRef, Observation, Outcome, RestoreRequest } from '../types.js';
import type { MailchimpApi } from './api.js';
import { getAutomation, listAutomationEmails, pauseAllEmails, startAllEmails, startAutomationEmail } from './api-automations.js';
import { automationSnapshotSchema } from './mappers.js';
import { automationObservation, notFound } from './mappers-observation.js';
import { flipStatus, orNull } from './operations-read-back.js';

export const suspendAutomation = (api: MailchimpApi, item: ItemRef): Promise<Outcome> =>
  flipStatus(item.externalId, () => pauseAllEmails(api, item.externalId), () => getAutomation(api, item.externalId), 'paused');

export async function restoreAutomation(api: MailchimpApi, request: RestoreRequest): Promise<Outcome> {
  const id = request.externalId;
  const snapshot = automationSnapshotSchema.safeParse(request.snapshot);
  if (!snapshot.success) return refused(id, `restore ${id}: the stored snapshot is not a Mailchimp automation snapshot`);
  const { emails } = snapshot.data;
  const current = new Map((await listAutomationEmails(api, id)).map((e) => [e.id, e.status]));
  const wasSending = emails.filter((e) => e.status === 'sending').map((e) => e.id);
  const toStart = wasSending.filter((emailId) => current.has(emailId) && current.get(emailId) !== 'sending');
  const vanished = wasSending.filter((emailId) => !current.has(emailId));
  const vanishedNote = vanished.length > 0 ? `emails no longer in the workflow: ${vanished.join(', ')}` : undefined;

  if (toStart.length === 0) return ok(id, 'sending', { note: ['already sending', vanishedNote].filter(Boolean).join('; ') });
  // start-all-emails only when it cannot start anything that was not sending: every email was
  // sending in the snapshot and the workflow still holds exactly those emails.
  const sameEmails = current.size === emails.length && emails.every((e) => current.has(e.id));
  if (wasSending.length === emails.length && sameEmails) await startAllEmails(api, id);
  // One at a time: the workflow is one object on Mailchimp's side.
  else for (const emailId of toStart) await startAutomationEmail(api, id, emailId);
  return ok(id, 'sending', vanishedNote === undefined ? {} : { note: vanishedNote });
}

export async function inspectAutomation(api: MailchimpApi, item: ItemRef): Promise<Observation> {
  const [automation, emails] = await Promise.all([orNull(getAutomation(api, item.externalId)), orNull(listAutomationEmails(api, item.externalId))]);
  return automation && emails ? automationObservation(automation, emails) : notFound(item.externalId);
}
