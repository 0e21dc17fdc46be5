// The simulator's world: a Mailchimp account's campaigns and classic automations, and the rules
// Mailchimp applies to them, without any HTTP. Time passes lazily: when the world is next read, a
// scheduled campaign whose time has come is sent, and a Timewarp campaign is `sending` from 14
// hours before its time (the earliest time zone) until 12 hours after it (the last).
import { createHash } from 'node:crypto';
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { automationFingerprint, automationIsLive, campaignFingerprint, campaignIsLive, campaignScheduledAt } from './mappers.js';
import { automationJson, campaignJson, emailJson } from './simulator-json.js';
import { automationStatus, worldDataSchema, type ChecklistItem, type SimAutomation, type SimCampaign, type SimEmail } from './simulator-world-data.js';
import { byCreateTime, byDue, bySendTime, dueAt, IndexedSet } from './simulator-world-index.js';
import { automationFrom, campaignFrom, type AutomationInput, type CampaignInput } from './simulator-world-input.js';

export type { SimAutomation, SimCampaign, SimEmail } from './simulator-world-data.js';
export type { AutomationInput, CampaignInput } from './simulator-world-input.js';

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

export class MailchimpWorld extends SimWorld {
  readonly campaigns = new IndexedSet<SimCampaign>();
  readonly automations = new IndexedSet<SimAutomation>();
  #serial = 0;
  #unscheduledStatus: 'save' | 'paused' = 'save';

  constructor(readonly clock: Clock) {
    super();
  }

  static load(data: unknown, clock: Clock): MailchimpWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new MailchimpWorld(clock);
    for (const c of parsed.campaigns) world.campaigns.add(c);
    for (const a of parsed.automations) world.automations.add(a);
    world.#serial = parsed.serial;
    world.#unscheduledStatus = parsed.unscheduledStatus;
    return world;
  }

  exportData(): JsonValue {
    const data = { campaigns: [...this.campaigns.values()], automations: [...this.automations.values()], serial: this.#serial, unscheduledStatus: this.#unscheduledStatus };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    this.advance();
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

  // ---- seeding and inspection: tests, the sandbox seed, the benchmark (copies out) ----

  addCampaign(input: CampaignInput = {}): SimCampaign {
    const campaign = campaignFrom(this, input);
    this.campaigns.add(campaign);
    this.changed();
    return structuredClone(campaign);
  }

  addAutomation(input: AutomationInput): SimAutomation {
    const automation = automationFrom(this, input);
    this.automations.add(automation);
    this.changed();
    return structuredClone(automation);
  }

  campaign(id: string): SimCampaign | undefined {
    this.advance();
    const c = this.campaigns.get(id);
    return c && structuredClone(c);
  }

  automation(id: string): (SimAutomation & { status: string }) | undefined {
    const a = this.automations.get(id);
    return a && { ...structuredClone(a), status: automationStatus(a) };
  }

  /** Someone deletes a campaign in the Mailchimp app (never us: invariant 9). */
  removeCampaign(id: string): void {
    const c = this.campaigns.get(id);
    if (c) this.campaigns.delete(c);
    this.changed();
  }

  /** What the campaign's send checklist finds wrong; an `error` item makes Mailchimp refuse to schedule it. */
  setChecklist(id: string, items: ChecklistItem[]): void {
    this.changeCampaign(this.findCampaign(id), (c) => (c.checklist = items));
  }

  /** What a campaign shows after `actions/unschedule`: Mailchimp does not document it (README). */
  get unscheduledStatus(): 'save' | 'paused' {
    return this.#unscheduledStatus;
  }

  setUnscheduledStatus(status: 'save' | 'paused'): void {
    this.#unscheduledStatus = status;
    this.changed();
  }

  // ---- the platform's rules, for the routes ----

  /** Time passes: campaigns whose moment has come start sending, or are sent. */
  advance(): void {
    const due = this.campaigns.view('due', (c) => dueAt(c) !== null, byDue);
    const now = this.clock.now().getTime();
    let changed = false;
    for (let next = due.at(0); next && dueAt(next)! <= now; next = due.at(0)) {
      this.campaigns.update(next, (c) => {
        const timewarpStarts = c.status === 'schedule' && c.settings.timewarp;
        c.status = timewarpStarts ? 'sending' : 'sent';
        if (!timewarpStarts) c.emailsSent = c.recipientCount;
        c.batchDelivery = null;
      });
      changed = true;
    }
    if (changed) this.changed();
  }

  /** Campaigns matching the list filters, in `sort_field` order (ascending), as an index. */
  campaignView(filter: { status?: string | undefined; type?: string | undefined; listId?: string | undefined }, order: 'create_time' | 'send_time') {
    const { status, type, listId } = filter;
    const key = `${order}|${status ?? ''}|${type ?? ''}|${listId ?? ''}`;
    const matches = (c: SimCampaign) => (!status || c.status === status) && (!type || c.type === type) && (!listId || c.listId === listId);
    return this.campaigns.view(key, matches, order === 'send_time' ? bySendTime : byCreateTime);
  }

  /** Automations in one workflow status (or all), in creation order. */
  automationView(status: string | undefined) {
    return this.automations.view(status ?? '', (a) => !status || automationStatus(a) === status, byCreateTime);
  }

  findCampaign(id: string): SimCampaign {
    this.advance();
    const c = this.campaigns.get(id);
    if (!c) throw notFound();
    return c;
  }

  findAutomation(id: string): SimAutomation {
    const a = this.automations.get(id);
    if (!a) throw notFound();
    return a;
  }

  findEmail(workflowId: string, emailId: string): SimEmail {
    const e = this.findAutomation(workflowId).emails.find((x) => x.id === emailId);
    if (!e) throw notFound();
    return e;
  }

  changeCampaign(c: SimCampaign, change: (c: SimCampaign) => void): void {
    this.campaigns.update(c, change);
    this.changed();
  }

  changeAutomation(a: SimAutomation, change: (a: SimAutomation) => void): void {
    this.automations.update(a, change);
    this.changed();
  }

  /** Mailchimp-looking ids: 10 hex characters, deterministic. */
  nextId(kind: string): string {
    this.#serial++;
    return createHash('sha1').update(`${kind}:${this.#serial}`).digest('hex').slice(0, 10);
  }

  nextWebId(): number {
    return 100_000 + this.#serial;
  }
}
