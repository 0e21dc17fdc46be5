// The simulator's world: a Klaviyo account's campaigns and flows, and the rules Klaviyo applies
// to them, without any HTTP. Time passes lazily: when the world is next read, a scheduled
// campaign whose send time has come is sent.
import { createHash } from 'node:crypto';
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { campaignFingerprint, campaignIsLive, campaignScheduledAt, flowFingerprint, flowIsLive } from './mappers.js';
import { notFound } from './simulator-http.js';
import { campaignJson, flowJson, messageJson } from './simulator-json.js';
import { compareIds, IndexedSet } from './simulator-world-index.js';
import { campaignFrom, flowFrom, type CampaignInput, type FlowInput } from './simulator-world-input.js';
import { worldDataSchema, type SimCampaign, type SimFlow } from './simulator-world-data.js';

export type { SimCampaign, SimFlow } from './simulator-world-data.js';
export type { CampaignInput, FlowInput } from './simulator-world-input.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HOUR = 3_600_000;
const isLocal = (c: SimCampaign): boolean => (c.sendStrategy as { options?: { is_local?: boolean } }).options?.is_local === true;

/**
 * When time changes a campaign next, or null. A local-time send goes out at its time in each
 * recipient's time zone: Sending from 14 hours before (UTC+14) until 12 hours after (UTC−12).
 */
export function dueAt(c: SimCampaign): number | null {
  if (c.sendTime === null) return null;
  const at = Date.parse(c.sendTime);
  if (c.status === 'Scheduled') return isLocal(c) ? at - LOCAL_START_BEFORE_MS : at;
  if (c.status === 'Sending' && isLocal(c)) return at + 12 * HOUR;
  if (c.status === 'Sending') return at;
  return null;
}
export const LOCAL_START_BEFORE_MS = 14 * HOUR;
const byDue = (a: SimCampaign, b: SimCampaign) => dueAt(a)! - dueAt(b)! || compareIds(a, b);

export class KlaviyoWorld extends SimWorld {
  readonly campaigns = new IndexedSet<SimCampaign>();
  readonly flows = new IndexedSet<SimFlow>();
  #serial = 0;

  constructor(readonly clock: Clock) {
    super();
  }

  static load(data: unknown, clock: Clock): KlaviyoWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new KlaviyoWorld(clock);
    for (const c of parsed.campaigns) world.campaigns.add(c);
    for (const f of parsed.flows) world.flows.add(f);
    world.#serial = parsed.serial;
    return world;
  }

  exportData(): JsonValue {
    const data = { campaigns: [...this.campaigns.values()], flows: [...this.flows.values()], serial: this.#serial };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    this.advance();
    const rows: SandboxItem[] = [];
    for (const c of this.campaigns.values()) {
      if (c.channel !== 'email') continue;
      const json = campaignJson(c);
      rows.push({ id: c.id, kind: 'email', status: c.status, live: campaignIsLive(json), scheduledAt: campaignScheduledAt(json), fingerprint: campaignFingerprint(json, [messageJson(c)]) });
    }
    for (const f of this.flows.values()) {
      const json = flowJson(f);
      rows.push({ id: f.id, kind: 'email', status: f.status, live: flowIsLive(json), scheduledAt: null, fingerprint: flowFingerprint(json) });
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

  addFlow(input: FlowInput = {}): SimFlow {
    const flow = flowFrom(this, input);
    this.flows.add(flow);
    this.changed();
    return structuredClone(flow);
  }

  campaign(id: string): SimCampaign | undefined {
    this.advance();
    const c = this.campaigns.get(id);
    return c && structuredClone(c);
  }

  flow(id: string): SimFlow | undefined {
    const f = this.flows.get(id);
    return f && structuredClone(f);
  }

  /** A person changes a campaign in Klaviyo's app (drift, tests). */
  editCampaign(id: string, change: (c: SimCampaign) => void): void {
    this.changeCampaign(this.findCampaign(id), (c) => {
      change(c);
      c.updatedAt = this.clock.now().toISOString();
    });
  }

  /** A person changes a flow in Klaviyo's app (drift, tests). */
  editFlow(id: string, change: (f: SimFlow) => void): void {
    this.changeFlow(this.findFlow(id), (f) => {
      change(f);
      f.updated = this.clock.now().toISOString();
    });
  }

  // ---- the platform's rules, for the routes ----

  /** Time passes: campaigns whose moment has come are sent (a local-time one starts sending first). */
  advance(): void {
    const due = this.campaigns.view('due', (c) => dueAt(c) !== null, byDue);
    const now = this.clock.now().getTime();
    let changed = false;
    for (let next = due.at(0); next && dueAt(next)! <= now; next = due.at(0)) {
      this.campaigns.update(next, (c) => (c.status = c.status === 'Scheduled' && isLocal(c) ? 'Sending' : 'Sent'));
      changed = true;
    }
    if (changed) this.changed();
  }

  findCampaign(id: string): SimCampaign {
    this.advance();
    const c = this.campaigns.get(id);
    if (!c) throw notFound();
    return c;
  }

  findFlow(id: string): SimFlow {
    const f = this.flows.get(id);
    if (!f) throw notFound();
    return f;
  }

  changeCampaign(c: SimCampaign, change: (c: SimCampaign) => void): void {
    this.campaigns.update(c, change);
    this.changed();
  }

  changeFlow(f: SimFlow, change: (f: SimFlow) => void): void {
    this.flows.update(f, change);
    this.changed();
  }

  /** Klaviyo-looking campaign ids: 26 Crockford base-32 characters (a ULID), deterministic. */
  nextCampaignId(): string {
    const hash = createHash('sha1').update(`campaign:${++this.#serial}`).digest();
    return `01J${Array.from({ length: 23 }, (_, i) => CROCKFORD[hash[i % hash.length]! % 32]).join('')}`;
  }

  /** Klaviyo-looking flow ids: 6 letters and digits (e.g. XVTP5Q), deterministic. */
  nextFlowId(): string {
    const hash = createHash('sha1').update(`flow:${++this.#serial}`).digest();
    return Array.from({ length: 6 }, (_, i) => CROCKFORD[hash[i]! % 32]).join('');
  }
}
