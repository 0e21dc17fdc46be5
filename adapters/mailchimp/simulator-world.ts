// The fake account's state and the rules Mailchimp applies to it, without any HTTP.
import { createHash } from 'node:crypto';
import type { SandboxItem } from '../kit/simulator/types.js';
import { z } from 'zod';
import type { Clock, JsonValue } from '../types.js';
import { automationFingerprint, automationIsLive, campaignFingerprint, campaignIsLive, campaignScheduledAt } from './mappers.js';
import { automationJson, campaignJson, emailJson, type BatchDelivery, type SimAutomation, type SimCampaign, type SimEmail } from './simulator-model.js';
import { isOnQuarterHour, TIMEWARP_LEAD_MS } from './schedule-time.js';

/** A Mailchimp error answer, thrown by the rules and written as problem+json by the HTTP layer. */
export class SimProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: Array<{ field: string; message: string }>,
  ) {
    super(detail);
  }
}

export const notFound = (): SimProblem => new SimProblem(404, 'Resource Not Found', 'The requested resource could not be found.');
const invalidAction = (detail: string): SimProblem => new SimProblem(400, 'Invalid Action', detail);
const invalidField = (field: string, message: string): SimProblem =>
  new SimProblem(400, 'Invalid Resource', "The resource submitted could not be validated. For field-specific details, see the 'errors' array.", [{ field, message }]);


export class MailchimpWorld {
  readonly campaigns = new Map<string, SimCampaign>();
  readonly automations = new Map<string, SimAutomation>();
  #serial = 0;

  constructor(readonly clock: Clock) {}

  /** Mailchimp-looking ids: 10 hex characters, deterministic. */
  nextId(kind: string): string {
    this.#serial++;
    return createHash('sha1').update(`${kind}:${this.#serial}`).digest('hex').slice(0, 10);
  }

  nextWebId(): number {
    return 100_000 + this.#serial;
  }

  /** Time passes lazily: a scheduled campaign whose time has come has been sent. */
  tick(): void {
    const now = this.clock.now().getTime();
    for (const c of this.campaigns.values()) {
      if (c.status === 'schedule' && c.sendTime !== null && Date.parse(c.sendTime) <= now) {
        c.status = 'sent';
        c.emailsSent = c.recipientCount;
        c.batchDelivery = null;
      }
    }
  }

  campaign(id: string): SimCampaign {
    const c = this.campaigns.get(id);
    if (!c) throw notFound();
    return c;
  }

  automation(id: string): SimAutomation {
    const a = this.automations.get(id);
    if (!a) throw notFound();
    return a;
  }

  email(workflowId: string, emailId: string): SimEmail {
    const e = this.automation(workflowId).emails.find((x) => x.id === emailId);
    if (!e) throw notFound();
    return e;
  }

  // POST /campaigns/{id}/actions/unschedule: back to a draft. Assumed (unconfirmed) to drop the
  // write-only batch-delivery choice; Timewarp is a campaign setting and stays.
  unschedule(id: string): void {
    const c = this.campaign(id);
    if (c.status !== 'schedule') throw invalidAction(`This campaign cannot be unscheduled: its status is "${c.status}".`);
    c.status = 'save';
    c.sendTime = null;
    c.batchDelivery = null;
  }

  // POST /campaigns/{id}/actions/schedule
  schedule(id: string, body: { schedule_time: string; timewarp?: boolean | undefined; batch_delivery?: BatchDelivery | undefined }): void {
    const c = this.campaign(id);
    if (c.type === 'rss') throw invalidAction('RSS campaigns cannot be scheduled; use the send action.');
    if (c.status !== 'save' && c.status !== 'paused') throw invalidAction(`This campaign cannot be scheduled: its status is "${c.status}".`);
    const at = new Date(body.schedule_time);
    if (Number.isNaN(at.getTime())) throw invalidField('schedule_time', 'Must be an ISO 8601 date and time.');
    if (!isOnQuarterHour(at)) throw invalidField('schedule_time', 'Campaigns may only be scheduled to send on the quarter-hour (:00, :15, :30, :45).');
    const lead = at.getTime() - this.clock.now().getTime();
    if (lead <= 0) throw invalidField('schedule_time', 'The schedule time must be in the future.');
    const timewarp = body.timewarp ?? false;
    if (timewarp && body.batch_delivery) throw invalidField('batch_delivery', 'Batch delivery cannot be combined with Timewarp.');
    if (timewarp && lead < TIMEWARP_LEAD_MS) throw invalidField('schedule_time', 'Timewarp campaigns must be scheduled at least 24 hours in advance.');
    c.status = 'schedule';
    c.sendTime = at.toISOString();
    c.settings.timewarp = timewarp;
    c.batchDelivery = body.batch_delivery ?? null;
  }

  // POST /campaigns/{id}/actions/pause and …/resume: RSS-driven campaigns only.
  pauseRss(id: string): void {
    const c = this.campaign(id);
    if (c.type !== 'rss' || c.status !== 'sending') throw invalidAction('Only a sending RSS campaign can be paused.');
    c.status = 'paused';
  }

  resumeRss(id: string): void {
    const c = this.campaign(id);
    if (c.type !== 'rss' || c.status !== 'paused') throw invalidAction('Only a paused RSS campaign can be resumed.');
    c.status = 'sending';
  }

  // POST /automations/{id}/actions/pause-all-emails and start-all-emails (idempotent here).
  pauseAll(id: string): void {
    const a = this.automation(id);
    if (a.draft) throw invalidAction('This automation has not been started.');
    for (const e of a.emails) if (e.status === 'sending') e.status = 'paused';
  }

  startAll(id: string): void {
    const a = this.automation(id);
    a.draft = false;
    for (const e of a.emails) e.status = 'sending';
  }

  // POST /automations/{id}/emails/{email_id}/actions/pause and …/start
  pauseEmail(workflowId: string, emailId: string): void {
    const e = this.email(workflowId, emailId);
    if (e.status !== 'sending') throw invalidAction('This automation email is not sending.');
    e.status = 'paused';
  }

  startEmail(workflowId: string, emailId: string): void {
    const e = this.email(workflowId, emailId);
    if (e.status === 'sending') throw invalidAction('This automation email is already sending.');
    e.status = 'sending';
    this.automation(workflowId).draft = false;
  }

  /** Everything `load` needs to bring this account back (the sandbox keeps it across restarts). */
  exportData(): JsonValue {
    return JSON.parse(JSON.stringify({ campaigns: [...this.campaigns.values()], automations: [...this.automations.values()], serial: this.#serial })) as JsonValue;
  }

  load(data: unknown): void {
    const parsed = worldDataSchema.parse(data);
    for (const c of parsed.campaigns as unknown as SimCampaign[]) this.campaigns.set(c.id, c);
    for (const a of parsed.automations as unknown as SimAutomation[]) this.automations.set(a.id, a);
    this.#serial = parsed.serial;
  }

  state(): SandboxItem[] {
    this.tick();
    const rows: SandboxItem[] = [];
    for (const c of this.campaigns.values()) {
      const json = campaignJson(c);
      rows.push({ id: c.id, kind: 'email', status: c.status, live: campaignIsLive(json), scheduledAt: campaignScheduledAt(json), fingerprint: campaignFingerprint(json) });
    }
    for (const a of this.automations.values()) {
      const json = automationJson(a);
      const emails = a.emails.map((e) => emailJson(a, e));
      rows.push({ id: a.id, kind: 'email', status: json.status, live: automationIsLive(json), scheduledAt: null, fingerprint: automationFingerprint(json, emails) });
    }
    return rows;
  }
}

const worldDataSchema = z.object({
  campaigns: z.array(z.looseObject({ id: z.string(), status: z.string() })),
  automations: z.array(z.looseObject({ id: z.string(), emails: z.array(z.looseObject({ id: z.string() })) })),
  serial: z.number().int().min(0),
});
