// The simulator's world: Brevo email campaigns in Brevo's own JSON shape, indexed by id and, per
// status, in order of creation (ids grow with creation, as Brevo's do), so that a page at any
// offset, or the next campaign due, is found without reading every campaign. Time passes lazily:
// a `queued` campaign whose time has come is sent when the world is next read.
import { SortedIndex } from '../kit/simulator/sorted-index.js';
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { fingerprintOf } from './mappers.js';
import type { CampaignStatus } from './schemas.js';
import { worldDataSchema, type SimCampaign, type WorldData } from './simulator-world-data.js';

export type { SimCampaign } from './simulator-world-data.js';

/** Seeding input: a campaign as someone made it in Brevo; the rest gets Brevo's defaults. */
export type CampaignInput = Partial<Omit<SimCampaign, 'scheduledAt'>> & Pick<SimCampaign, 'name' | 'status'> & { scheduledAt?: Date | string };

const byId = (a: SimCampaign, b: SimCampaign) => a.id - b.id;
const byTime = (a: SimCampaign, b: SimCampaign) => Date.parse(a.scheduledAt ?? '') - Date.parse(b.scheduledAt ?? '') || a.id - b.id;

export class BrevoWorld extends SimWorld {
  readonly #byId = new Map<number, SimCampaign>();
  readonly #all = new SortedIndex<SimCampaign>(byId);
  readonly #byStatus = new Map<CampaignStatus, SortedIndex<SimCampaign>>();
  /** queued campaigns by send time: the next one due is first */
  readonly #due = new SortedIndex<SimCampaign>(byTime);
  #archivedFrom: Record<string, CampaignStatus> = {};
  #nextId = 41;
  account: WorldData['account'] = { email: 'marketing@acme.example', firstName: 'Ada', lastName: 'Marsh', companyName: 'Acme' };

  constructor(private readonly clock: Clock) {
    super();
  }

  static load(data: unknown, clock: Clock): BrevoWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new BrevoWorld(clock);
    for (const campaign of parsed.campaigns) world.#insert(campaign);
    world.#archivedFrom = { ...parsed.archivedFrom };
    world.#nextId = parsed.nextId;
    world.account = parsed.account;
    return world;
  }

  exportData(): JsonValue {
    const data: WorldData = { campaigns: [...this.#all.from(0)], archivedFrom: this.#archivedFrom, nextId: this.#nextId, account: this.account };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    this.advance();
    return [...this.#all.from(0)].map((c) => ({
      id: String(c.id),
      kind: 'email' as const,
      status: c.status,
      live: c.status === 'queued',
      scheduledAt: c.scheduledAt ? new Date(c.scheduledAt).toISOString() : null,
      fingerprint: fingerprintOf(c),
    }));
  }

  // ---- seeding and inspection: tests, the sandbox seed, the benchmark ----

  /** Adds a campaign as if someone made it in Brevo; returns it as the API would. */
  addCampaign(input: CampaignInput): SimCampaign {
    const now = this.clock.now().toISOString();
    const id = input.id ?? this.#nextId++;
    this.#nextId = Math.max(this.#nextId, id + 1);
    const { scheduledAt, ...fields } = input;
    const campaign: SimCampaign = {
      id,
      type: 'classic',
      testSent: false,
      header: '[DEFAULT_HEADER]',
      footer: '[DEFAULT_FOOTER]',
      sender: { name: 'Acme', email: 'news@acme.example', id: 1 },
      replyTo: 'hello@acme.example',
      toField: '{FNAME} {LNAME}',
      htmlContent: `<html><body><h1>${input.name}</h1></body></html>`,
      createdAt: now,
      modifiedAt: now,
      inlineImageActivation: false,
      mirrorActive: true,
      recurring: false,
      recipients: { lists: [2], exclusionLists: [] },
      ...fields,
      ...(scheduledAt !== undefined && { scheduledAt: new Date(scheduledAt).toISOString() }),
    };
    if (campaign.status === 'sent' && !campaign.sentDate) campaign.sentDate = campaign.scheduledAt ?? now;
    this.#insert(campaign);
    this.changed();
    return structuredClone(campaign);
  }

  campaign(id: number | string): SimCampaign | undefined {
    const found = this.get(Number(id));
    return found && structuredClone(found);
  }

  campaigns(): SimCampaign[] {
    this.advance();
    return [...this.#all.from(0)].map((c) => structuredClone(c));
  }

  /** A person edits a campaign in Brevo's editor (drift while suspended). */
  edit(id: number, change: Partial<Pick<SimCampaign, 'name' | 'subject' | 'htmlContent' | 'previewText'>>): void {
    const campaign = this.#byId.get(id);
    if (!campaign) throw new Error(`unknown campaign ${id}`);
    Object.assign(campaign, change, { modifiedAt: this.clock.now().toISOString() });
    this.changed();
  }

  // ---- the platform's rules, for the routes ----

  /** Time passes: a queued campaign whose send time has come is sent. */
  advance(): void {
    const now = this.clock.now().getTime();
    let sent = false;
    for (let due = this.#due.at(0); due && Date.parse(due.scheduledAt ?? '') <= now; due = this.#due.at(0)) {
      this.#setStatus(due, 'sent');
      due.sentDate = due.scheduledAt;
      sent = true;
    }
    if (sent) this.changed();
  }

  now(): number {
    return this.clock.now().getTime();
  }

  get(id: number): SimCampaign | undefined {
    this.advance();
    return this.#byId.get(id);
  }

  /** Campaigns in order of creation: all, or those in one status. */
  index(status?: CampaignStatus): SortedIndex<SimCampaign> {
    if (status === undefined) return this.#all;
    let index = this.#byStatus.get(status);
    if (!index) this.#byStatus.set(status, (index = new SortedIndex(byId)));
    return index;
  }

  setStatus(campaign: SimCampaign, status: CampaignStatus): void {
    if (status === 'archive') this.#archivedFrom[String(campaign.id)] = campaign.status;
    if (campaign.status === 'archive') delete this.#archivedFrom[String(campaign.id)];
    this.#setStatus(campaign, status);
    campaign.modifiedAt = this.clock.now().toISOString();
    this.changed();
  }

  archivedFrom(campaign: SimCampaign): CampaignStatus {
    return this.#archivedFrom[String(campaign.id)] ?? 'draft';
  }

  /** Applies an update: content fields and, when given, a new send time (indexes kept right). */
  update(campaign: SimCampaign, change: Partial<SimCampaign>): void {
    const queued = campaign.status === 'queued';
    if (queued) this.#due.remove(campaign);
    Object.assign(campaign, change, { modifiedAt: this.clock.now().toISOString() });
    if (queued) this.#due.insert(campaign);
    this.changed();
  }

  #setStatus(campaign: SimCampaign, status: CampaignStatus): void {
    this.index(campaign.status).remove(campaign);
    if (campaign.status === 'queued') this.#due.remove(campaign);
    campaign.status = status;
    this.index(status).insert(campaign);
    if (status === 'queued') this.#due.insert(campaign);
  }

  #insert(campaign: SimCampaign): void {
    this.#byId.set(campaign.id, campaign);
    this.#all.insert(campaign);
    this.index(campaign.status).insert(campaign);
    if (campaign.status === 'queued') this.#due.insert(campaign);
  }
}
