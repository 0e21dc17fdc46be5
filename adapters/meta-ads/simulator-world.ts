// The simulator's world: ad accounts and their campaigns, held as Graph returns them, the
// simulated app's settings (access tier, "Require App Secret") and its limits per ad account.
// Indexes find a page or an account's active count without reading every campaign.
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { ACCESS_TIERS, normalizeAccountId, type AccessTier } from './adapter-settings.js';
import { campaignFingerprint, isLive } from './mappers.js';
import type { BatchItemFault } from './simulator-batch.js';
import { AccountLimits } from './simulator-limits.js';
import { CampaignIndex } from './simulator-world-index.js';
import {
  DEFAULT_APP,
  effectiveStatus,
  graphTime,
  worldDataSchema,
  type AppSettings,
  type CampaignStatus,
  type SimAccount,
  type SimCampaign,
} from './simulator-world-data.js';

export type CampaignInput = Partial<Omit<SimCampaign, 'id' | 'created_time' | 'updated_time' | 'start_time' | 'stop_time'>> & {
  /** act_123 or 123; defaults to the first account */
  account?: string;
  start_time?: string | Date;
  stop_time?: string | Date | null;
};

export type CampaignEdit = Partial<Pick<SimCampaign, 'name' | 'daily_budget' | 'lifetime_budget' | 'spend_cap' | 'stop_time' | 'issues_info' | 'processing'>>;

export class MetaAdsWorld extends SimWorld {
  readonly #accounts = new Map<string, SimAccount>();
  readonly #campaigns = new CampaignIndex();
  #app: AppSettings;
  #nextId = 120_210_000_000_001n;
  readonly limits: AccountLimits;
  // test hooks, not part of the saved world
  readonly #expired = new Set<string>();
  readonly #batchFaults = new Map<string, BatchItemFault[]>();

  constructor(
    private readonly clock: Clock,
    app: Partial<AppSettings> = {},
  ) {
    super();
    this.#app = { ...DEFAULT_APP, ...app };
    this.limits = new AccountLimits(clock, {
      tier: () => ACCESS_TIERS[this.#app.accessTier],
      activeIn: (account) => this.#campaigns.activeIn(account),
      fixedHourlyBudget: () => this.#app.callBudgetPerHour,
    });
  }

  static load(data: unknown, clock: Clock): MetaAdsWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new MetaAdsWorld(clock, parsed.app);
    for (const account of parsed.accounts) world.#accounts.set(account.id, account);
    for (const campaign of parsed.campaigns) world.#campaigns.add(campaign);
    world.#nextId = BigInt(parsed.nextId);
    return world;
  }

  exportData(): JsonValue {
    const data = { accounts: [...this.#accounts.values()], campaigns: [...this.#campaigns.all()], nextId: String(this.#nextId), app: this.#app };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    const now = this.clock.now();
    return [...this.#campaigns.all()].map((c) => ({ id: c.id, kind: 'ad' as const, status: c.status, live: isLive(c, now), scheduledAt: null, fingerprint: campaignFingerprint(c) }));
  }

  // ---- seeding and inspection: tests, the sandbox seed, the benchmark ----

  /** An ad account (act_123 or 123); an existing one is kept, renamed if a name is given. */
  addAccount(raw: string, name?: string): string {
    const id = normalizeAccountId(raw);
    if (!id) throw new Error(`not an ad account id: ${raw}`);
    const existing = this.#accounts.get(id);
    if (existing) existing.name = name ?? existing.name;
    else this.#accounts.set(id, { id, account_id: id.slice(4), name: name ?? `Ad account ${id.slice(4)}`, account_status: 1, currency: 'EUR', timezone_name: 'Europe/Paris' });
    this.changed();
    return id;
  }

  /** A campaign as someone created it in Ads Manager; returns its id. */
  addCampaign(input: CampaignInput = {}): string {
    const account = input.account ? this.account(input.account) : this.firstAccount();
    if (!account) throw new Error(`unknown ad account ${input.account ?? '(none)'}`);
    const now = graphTime(this.clock.now());
    const id = (this.#nextId++).toString();
    const { account: _account, start_time, stop_time, ...rest } = input;
    this.#campaigns.add({
      name: `Campaign ${id}`,
      objective: 'OUTCOME_AWARENESS',
      status: 'ACTIVE',
      special_ad_categories: [],
      ...rest,
      id,
      account_id: account.account_id,
      start_time: graphTime(start_time ?? this.clock.now()),
      ...(stop_time ? { stop_time: graphTime(stop_time) } : {}),
      created_time: now,
      updated_time: now,
    });
    this.changed();
    return id;
  }

  /** A copy of the campaign as stored, with its derived effective status. */
  campaign(id: string): (SimCampaign & { effective_status: string }) | undefined {
    const c = this.#campaigns.get(id);
    return c ? { ...structuredClone(c), effective_status: effectiveStatus(c) } : undefined;
  }

  /** What a person does in Ads Manager: set a campaign's own status. */
  setCampaignStatus(id: string, status: CampaignStatus): void {
    this.update(this.#mustGet(id), { status });
  }

  /** Someone edits a campaign (budget, name, schedule…): drift. */
  editCampaign(id: string, patch: CampaignEdit): void {
    this.update(this.#mustGet(id), patch);
  }

  /** The token now answers 190/463 "Session has expired". */
  expireToken(token: string): void {
    this.#expired.add(token);
  }

  /** The simulated app's Marketing API access tier (its points limit, block and hourly budget). */
  setAccessTier(tier: AccessTier): void {
    this.#app = { ...this.#app, accessTier: tier };
    this.changed();
  }

  /** "Require App Secret" in the app's advanced settings: every call needs appsecret_proof. */
  setRequireAppSecret(on: boolean): void {
    this.#app = { ...this.#app, requireAppSecret: on };
    this.changed();
  }

  /** Calls per hour per ad account (null = Meta's formula for the tier, + 40 × active campaigns). */
  setCallBudget(perHour: number | null): void {
    this.#app = { ...this.#app, callBudgetPerHour: perHour };
    this.changed();
  }

  /** Arms a fault for the next batch element addressed to this campaign. */
  injectBatchItemFault(campaignId: string, fault: BatchItemFault): void {
    this.#batchFaults.set(campaignId, [...(this.#batchFaults.get(campaignId) ?? []), fault]);
  }

  // ---- the platform's rules, for the routes ----

  get app(): Readonly<AppSettings> {
    return this.#app;
  }

  isExpired(token: string): boolean {
    return this.#expired.has(token);
  }

  takeBatchFault(objectId: string): BatchItemFault | undefined {
    return this.#batchFaults.get(objectId)?.shift();
  }

  get(id: string): SimCampaign | undefined {
    return this.#campaigns.get(id);
  }

  account(raw: string): SimAccount | undefined {
    const id = normalizeAccountId(raw);
    return id ? this.#accounts.get(id) : undefined;
  }

  firstAccount(): SimAccount | undefined {
    return this.#accounts.values().next().value;
  }

  /** An account's campaigns under some effective statuses, newest first, older than `before`. */
  campaignsOf(account: SimAccount, statuses: readonly string[], before: string | null): Generator<SimCampaign> {
    return this.#campaigns.newestOf(account.account_id, statuses, before);
  }

  /** Changes a campaign as Graph would (its updated_time moves), keeping the indexes right. */
  update(campaign: SimCampaign, patch: Partial<SimCampaign>): void {
    this.#campaigns.change(campaign, (c) => Object.assign(c, patch, { updated_time: graphTime(this.clock.now()) }));
    this.changed();
  }

  #mustGet(id: string): SimCampaign {
    const c = this.#campaigns.get(id);
    if (!c) throw new Error(`no campaign ${id}`);
    return c;
  }
}
