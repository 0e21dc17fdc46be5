// The simulator's world: ad accounts and their campaigns, held as LinkedIn returns them, indexed
// so no request reads every campaign; and the test hooks that play people and LinkedIn itself.
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { accountUrn, normalizeAccountId } from './adapter-settings.js';
import { campaignFingerprint, isLive, type CampaignStatus } from './mappers.js';
import { CampaignIndex } from './simulator-world-index.js';
import { worldDataSchema, type SimAccount, type SimCampaign } from './simulator-world-data.js';

export type CampaignInput = Partial<Omit<SimCampaign, 'id' | 'account' | 'created' | 'lastModified' | 'versionTag' | 'runSchedule'>> & {
  /** digits or urn:li:sponsoredAccount:…; defaults to the first account */
  account?: string;
  start?: Date | number;
  end?: Date | number | null;
};

export type CampaignEdit = Partial<Pick<SimCampaign, 'name' | 'dailyBudget' | 'totalBudget' | 'unitCost' | 'targetingCriteria' | 'runSchedule'>>;

export class LinkedInAdsWorld extends SimWorld {
  readonly #accounts = new Map<string, SimAccount>();
  readonly #campaigns = new CampaignIndex();
  #nextId = 612_000_001;
  // test hooks, not part of the saved world
  readonly #expired = new Set<string>();
  readonly #entityFaults = new Map<number, number>();

  constructor(private readonly clock: Clock) {
    super();
  }

  static load(data: unknown, clock: Clock): LinkedInAdsWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new LinkedInAdsWorld(clock);
    for (const account of parsed.accounts) world.#accounts.set(String(account.id), account);
    for (const campaign of parsed.campaigns) world.#campaigns.add(campaign);
    world.#nextId = parsed.nextId;
    return world;
  }

  exportData(): JsonValue {
    const data = { accounts: [...this.#accounts.values()], campaigns: [...this.#campaigns.all()], nextId: this.#nextId };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    const now = this.clock.now();
    return [...this.#campaigns.all()].map((c) => ({ id: String(c.id), kind: 'ad' as const, status: c.status, live: isLive(c, now), scheduledAt: null, fingerprint: campaignFingerprint(c) }));
  }

  // ---- seeding and inspection: tests, the sandbox seed, the benchmark ----

  /** An ad account (digits or URN); an existing one is kept, renamed (and its currency set) if given. */
  addAccount(raw: string, name?: string, currency?: string): string {
    const id = normalizeAccountId(raw);
    if (!id) throw new Error(`not an ad account id: ${raw}`);
    const existing = this.#accounts.get(id);
    if (existing) Object.assign(existing, { name: name ?? existing.name, currency: currency ?? existing.currency });
    else this.#accounts.set(id, { id: Number(id), name: name ?? `Ad account ${id}`, currency: currency ?? 'USD', reference: 'urn:li:organization:2414183' });
    this.changed();
    return id;
  }

  /** A campaign as someone created it in Campaign Manager; returns its id. */
  addCampaign(input: CampaignInput = {}): string {
    const account = input.account ? this.account(input.account) : this.#accounts.values().next().value;
    if (!account) throw new Error(`unknown ad account ${input.account ?? '(none)'}`);
    const now = this.clock.now().getTime();
    const id = this.#nextId++;
    const { account: _a, start, end, ...rest } = input;
    const currencyCode = account.currency;
    this.#campaigns.add({
      campaignGroup: `urn:li:sponsoredCampaignGroup:${700_000_000 + (account.id % 1000)}`,
      name: `Campaign ${id}`,
      status: 'ACTIVE',
      type: 'SPONSORED_UPDATES',
      costType: 'CPM',
      objectiveType: 'BRAND_AWARENESS',
      unitCost: { amount: '8.50', currencyCode },
      dailyBudget: { amount: '100.00', currencyCode },
      targetingCriteria: { include: { and: [{ or: { 'urn:li:adTargetingFacet:locations': ['urn:li:geo:103644278'] } }] } },
      locale: { country: 'US', language: 'en' },
      test: false,
      ...rest,
      id,
      account: accountUrn(String(account.id)),
      runSchedule: { start: new Date(start ?? now).getTime(), ...(end !== undefined && end !== null && { end: new Date(end).getTime() }) },
      created: now,
      lastModified: now,
      versionTag: 1,
    });
    this.changed();
    return String(id);
  }

  /** A copy of the campaign as stored. */
  campaign(id: string): SimCampaign | undefined {
    const c = this.#campaigns.get(Number(id));
    return c ? structuredClone(c) : undefined;
  }

  /** What a person (or LinkedIn) does: set a campaign's status, whatever the API would allow. */
  setCampaignStatus(id: string, status: CampaignStatus): void {
    this.update(this.#mustGet(id), { status });
  }

  /** Someone edits a campaign (budget, name, schedule, targeting): drift. */
  editCampaign(id: string, patch: CampaignEdit): void {
    this.update(this.#mustGet(id), patch);
  }

  /** The token now answers 401 "expired". */
  expireToken(token: string): void {
    this.#expired.add(token);
  }

  /** The next `times` batch updates of this campaign answer a per-entity 500 in `errors`. */
  failEntity(id: string, times = 1): void {
    this.#entityFaults.set(Number(id), times);
  }

  // ---- the platform's rules, for the routes ----

  isExpired(token: string): boolean {
    return this.#expired.has(token);
  }

  takeEntityFault(id: number): boolean {
    const left = this.#entityFaults.get(id) ?? 0;
    if (left > 0) this.#entityFaults.set(id, left - 1);
    return left > 0;
  }

  get now(): Date {
    return this.clock.now();
  }

  get(id: number): SimCampaign | undefined {
    return this.#campaigns.get(id);
  }

  account(raw: string): SimAccount | undefined {
    const id = normalizeAccountId(raw);
    return id ? this.#accounts.get(id) : undefined;
  }

  /** how many campaigns the last search page read */
  get lastPageReads(): number {
    return this.#campaigns.lastPageReads;
  }

  page(accountId: string, statuses: readonly string[], after: number, limit: number): { campaigns: SimCampaign[]; more: boolean } {
    return this.#campaigns.page(accountUrn(accountId), statuses, after, limit);
  }

  /** Changes a campaign as LinkedIn would (lastModified and versionTag move), keeping the indexes right. */
  update(campaign: SimCampaign, patch: Partial<SimCampaign>): void {
    this.#campaigns.change(campaign, (c) => Object.assign(c, patch, { lastModified: this.clock.now().getTime(), versionTag: c.versionTag + 1 }));
    this.changed();
  }

  #mustGet(id: string): SimCampaign {
    const c = this.#campaigns.get(Number(id));
    if (!c) throw new Error(`no campaign ${id}`);
    return c;
  }
}
