// The simulator's world: customers and their campaigns, held as Google Ads returns them, the
// developer token's access level and the operations it spent (a sliding 24 hours on the clock),
// and the OAuth access tokens the token endpoint issued (not saved: a restart asks for new ones).
import { SlidingLog } from '../kit/sliding-log.js';
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { normalizeCustomerId } from './adapter-settings.js';
import { campaignFingerprint, isLive } from './mappers.js';
import { CustomerIndex } from './simulator-world-index.js';
import {
  ACCESS_LEVEL_QUOTAS,
  adsDateTime,
  servingStatusOf,
  worldDataSchema,
  type CampaignStatus,
  type SimAccessLevel,
  type SimCampaign,
} from './simulator-world-data.js';

const DAY = 86_400_000;
/** Google's access tokens last an hour (`expires_in: 3599`). */
export const TOKEN_LIFETIME_S = 3599;

export type CampaignInput = Partial<Omit<SimCampaign, 'customerId' | 'id' | 'startDateTime' | 'endDateTime'>> & {
  customerId?: string;
  startDateTime?: string | Date;
  endDateTime?: string | Date | null;
};
export type CampaignEdit = Partial<Pick<SimCampaign, 'name' | 'campaignBudget' | 'biddingStrategyType' | 'endDateTime'>>;

export class GoogleAdsWorld extends SimWorld {
  readonly #customers = new Map<string, { id: string; descriptiveName: string; index: CustomerIndex }>();
  #nextId = 21_000_000_001n;
  #accessLevel: SimAccessLevel = 'basic';
  #operations = new SlidingLog(ACCESS_LEVEL_QUOTAS.basic, DAY);
  readonly #tokens = new Map<string, number>();
  #issued = 0;

  constructor(private readonly clock: Clock) {
    super();
  }

  static load(data: unknown, clock: Clock): GoogleAdsWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new GoogleAdsWorld(clock);
    for (const c of parsed.customers) world.addCustomer(c.id, c.descriptiveName);
    for (const campaign of parsed.campaigns) world.#customer(campaign.customerId).index.add({ ...campaign });
    world.#nextId = BigInt(parsed.nextId);
    world.setAccessLevel(parsed.accessLevel);
    return world;
  }

  exportData(): JsonValue {
    const customers = [...this.#customers.values()];
    const data = {
      customers: customers.map(({ id, descriptiveName }) => ({ id, descriptiveName })),
      campaigns: customers.flatMap((c) => [...c.index.all.from(0)]),
      nextId: String(this.#nextId),
      accessLevel: this.#accessLevel,
    };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    const now = this.clock.now();
    return [...this.#customers.values()].flatMap((customer) =>
      [...customer.index.all.from(0)].map((c) => ({ id: c.id, kind: 'ad' as const, status: c.status, live: isLive({ status: c.status, servingStatus: servingStatusOf(c, now) }), scheduledAt: null, fingerprint: campaignFingerprint(c) })),
    );
  }

  // ---- seeding and inspection: tests, the sandbox seed, the benchmark ----

  addCustomer(raw: string, descriptiveName?: string): string {
    const id = normalizeCustomerId(raw);
    if (!id) throw new Error(`not a customer id: ${raw}`);
    const existing = this.#customers.get(id);
    if (existing) existing.descriptiveName = descriptiveName ?? existing.descriptiveName;
    else this.#customers.set(id, { id, descriptiveName: descriptiveName ?? `Customer ${id}`, index: new CustomerIndex() });
    this.changed();
    return id;
  }

  /** A campaign as someone created it in the Google Ads UI; returns its id. */
  addCampaign(input: CampaignInput = {}): string {
    const customer = input.customerId ? this.#customer(input.customerId) : this.#customers.values().next().value;
    if (!customer) throw new Error('no customer to add a campaign to');
    const id = (this.#nextId++).toString();
    const { customerId: _c, startDateTime, endDateTime, ...rest } = input;
    const at = (v: string | Date): string => (typeof v === 'string' ? v : adsDateTime(v));
    customer.index.add({
      name: `Campaign ${id}`,
      status: 'ENABLED',
      advertisingChannelType: 'SEARCH',
      biddingStrategyType: 'MAXIMIZE_CONVERSIONS',
      campaignBudget: `customers/${customer.id}/campaignBudgets/${id.slice(-6)}`,
      ...rest,
      customerId: customer.id,
      id,
      startDateTime: at(startDateTime ?? this.clock.now()),
      ...(endDateTime ? { endDateTime: at(endDateTime) } : {}),
    });
    this.changed();
    return id;
  }

  /** A copy of the campaign as stored, with its serving status. */
  campaign(id: string): (SimCampaign & { servingStatus: string }) | undefined {
    for (const customer of this.#customers.values()) {
      const c = customer.index.byId.get(id);
      if (c) return { ...structuredClone(c), servingStatus: servingStatusOf(c, this.clock.now()) };
    }
    return undefined;
  }

  /** What a person does in the UI: pause, enable or remove a campaign. */
  setCampaignStatus(id: string, status: CampaignStatus): void {
    const c = this.#mustFind(id);
    this.#customer(c.customerId).index.setStatus(c, status);
    this.changed();
  }

  /** Someone edits a campaign (name, budget, bidding, end): drift. */
  editCampaign(id: string, patch: CampaignEdit): void {
    Object.assign(this.#mustFind(id), patch);
    this.changed();
  }

  /** The developer token's access level: its daily operations quota. */
  setAccessLevel(level: SimAccessLevel): void {
    this.#accessLevel = level;
    this.#operations = new SlidingLog(ACCESS_LEVEL_QUOTAS[level] ?? Number.POSITIVE_INFINITY, DAY);
    this.changed();
  }

  /** Every issued access token stops working (as after an hour). */
  expireTokens(): void {
    this.#tokens.clear();
  }

  // ---- the platform's rules, for the routes ----

  get accessLevel(): SimAccessLevel {
    return this.#accessLevel;
  }

  now(): Date {
    return this.clock.now();
  }

  customer(id: string): CustomerIndex | undefined {
    return this.#customers.get(id)?.index;
  }

  /** Spends `cost` operations, or says how many ms until they fit (nothing spent). */
  spend(cost: number): number {
    if (cost <= 0) return 0;
    const now = this.clock.now().getTime();
    const wait = this.#operations.waitFor(cost, now);
    if (wait > 0) return wait;
    this.#operations.record(now, cost);
    return 0;
  }

  issueToken(): string {
    const token = `ya29.sim-${(++this.#issued).toString(36).padStart(8, '0')}`;
    this.#tokens.set(token, this.clock.now().getTime() + TOKEN_LIFETIME_S * 1000);
    return token;
  }

  tokenValid(token: string): boolean {
    const until = this.#tokens.get(token);
    return until !== undefined && until > this.clock.now().getTime();
  }

  /** The rules' write: a status change through the API. */
  writeStatus(c: SimCampaign, status: CampaignStatus): void {
    this.#customer(c.customerId).index.setStatus(c, status);
    this.changed();
  }

  #customer(id: string) {
    const customer = this.#customers.get(id);
    if (!customer) throw new Error(`unknown customer ${id}`);
    return customer;
  }

  #mustFind(id: string): SimCampaign {
    for (const customer of this.#customers.values()) {
      const c = customer.index.byId.get(id);
      if (c) return c;
    }
    throw new Error(`unknown campaign ${id}`);
  }
}
