// The rules Mailchimp applies to the actions we call, on the world, without any HTTP. Where
// Mailchimp's own refusal is known it is used word for word; where it is not, the README says what
// we assumed.
import { isOnQuarterHour, TIMEWARP_LEAD_MS } from './mappers-time.js';
import type { ScheduleBody } from './schemas.js';
import { SimProblem, type MailchimpWorld } from './simulator-world.js';

const invalidAction = (detail: string): SimProblem => new SimProblem(400, 'Invalid Action', detail);
const invalidField = (field: string, message: string): SimProblem =>
  new SimProblem(400, 'Invalid Resource', "The resource submitted could not be validated. For field-specific details, see the 'errors' array.", [{ field, message }]);
/**
 * Mailchimp's refusal to schedule, as seen in the wild (GitHub drewm/mailchimp-api #211, #315;
 * amro/gibbon #243): nothing after the colon, whatever the reason — a campaign in the wrong state
 * or one whose send checklist fails. Unscheduling is refused in the same words (assumed).
 */
const cannot = (action: 'scheduled' | 'unscheduled'): SimProblem => new SimProblem(400, 'Bad Request', `This campaign cannot be ${action}: .`);

// POST /campaigns/{id}/actions/unschedule: "Unschedule a scheduled campaign that hasn't started
// sending" — so never a Timewarp campaign whose earliest time zone has begun. Back to a draft;
// assumed (unconfirmed) to drop the write-only batch-delivery choice; Timewarp stays.
export function unschedule(world: MailchimpWorld, id: string): void {
  const campaign = world.findCampaign(id);
  if (campaign.status !== 'schedule') throw cannot('unscheduled');
  world.changeCampaign(campaign, (c) => {
    c.status = world.unscheduledStatus;
    c.sendTime = null;
    c.batchDelivery = null;
  });
}

// POST /campaigns/{id}/actions/schedule
export function schedule(world: MailchimpWorld, id: string, body: ScheduleBody): void {
  const campaign = world.findCampaign(id);
  if (campaign.type === 'rss') throw invalidAction('RSS campaigns cannot be scheduled; use the send action.');
  if (campaign.status !== 'save' && campaign.status !== 'paused') throw cannot('scheduled');
  const at = new Date(body.schedule_time);
  if (Number.isNaN(at.getTime())) throw invalidField('schedule_time', 'Must be an ISO 8601 date and time.');
  if (!isOnQuarterHour(at)) throw invalidField('schedule_time', 'Campaigns may only be scheduled to send on the quarter-hour (:00, :15, :30, :45).');
  const lead = at.getTime() - world.clock.now().getTime();
  if (lead <= 0) throw invalidField('schedule_time', 'The schedule time must be in the future.');
  const timewarp = body.timewarp ?? false;
  if (timewarp && body.batch_delivery) throw invalidField('batch_delivery', 'Batch delivery cannot be combined with Timewarp.');
  if (timewarp && lead < TIMEWARP_LEAD_MS) throw invalidField('schedule_time', 'Timewarp campaigns must be scheduled at least 24 hours in advance.');
  if (campaign.checklist.some((item) => item.type === 'error')) throw cannot('scheduled');
  world.changeCampaign(campaign, (c) => {
    c.status = 'schedule';
    c.sendTime = at.toISOString();
    c.settings.timewarp = timewarp;
    c.batchDelivery = body.batch_delivery ?? null;
  });
}

// POST /campaigns/{id}/actions/pause and …/resume: RSS-driven campaigns only.
export function pauseRss(world: MailchimpWorld, id: string): void {
  const campaign = world.findCampaign(id);
  if (campaign.type !== 'rss' || campaign.status !== 'sending') throw invalidAction('Only a sending RSS campaign can be paused.');
  world.changeCampaign(campaign, (c) => (c.status = 'paused'));
}

export function resumeRss(world: MailchimpWorld, id: string): void {
  const campaign = world.findCampaign(id);
  if (campaign.type !== 'rss' || campaign.status !== 'paused') throw invalidAction('Only a paused RSS campaign can be resumed.');
  world.changeCampaign(campaign, (c) => (c.status = 'sending'));
}

// POST /automations/{id}/actions/pause-all-emails and start-all-emails (idempotent here).
export function pauseAll(world: MailchimpWorld, id: string): void {
  const automation = world.findAutomation(id);
  if (automation.draft) throw invalidAction('This automation has not been started.');
  world.changeAutomation(automation, (a) => {
    for (const e of a.emails) if (e.status === 'sending') e.status = 'paused';
  });
}

export function startAll(world: MailchimpWorld, id: string): void {
  world.changeAutomation(world.findAutomation(id), (a) => {
    a.draft = false;
    for (const e of a.emails) e.status = 'sending';
  });
}

// POST /automations/{id}/emails/{email_id}/actions/pause and …/start
export function pauseEmail(world: MailchimpWorld, workflowId: string, emailId: string): void {
  if (world.findEmail(workflowId, emailId).status !== 'sending') throw invalidAction('This automation email is not sending.');
  world.changeAutomation(world.findAutomation(workflowId), () => (world.findEmail(workflowId, emailId).status = 'paused'));
}

export function startEmail(world: MailchimpWorld, workflowId: string, emailId: string): void {
  if (world.findEmail(workflowId, emailId).status === 'sending') throw invalidAction('This automation email is already sending.');
  world.changeAutomation(world.findAutomation(workflowId), (a) => {
    world.findEmail(workflowId, emailId).status = 'sending';
    a.draft = false;
  });
}
