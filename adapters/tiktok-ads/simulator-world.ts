// The simulator's world: advertisers and their campaigns, held as TikTok returns them. Indexes
// answer a listing page or a read by id without reading every campaign.
import type { SandboxItem } from '../kit/simulator/types.js';
import { SimWorld } from '../kit/simulator/world.js';
import type { Clock, JsonValue } from '../types.js';
import { campaignFingerprint } from './mappers.js';
import { CampaignIndex } from './simulator-world-index.js';
import { tiktokTime, worldDataSchema, type SimCampaign } from './simulator-world-data.js';

export type CampaignInput = Partial<Omit<SimCampaign, 'campaign_id' | 'advertiser_id' | 'create_time' | 'modify_time'>> & {
  /** defaults to the first advertiser */
  advertiser?: string;
};

export type CampaignEdit = Partial<Pick<SimCampaign, 'campaign_name' | 'budget' | 'budget_mode' | 'budget_exceeded' | 'special_industries'>>;

export class TiktokAdsWorld extends SimWorld {
  readonly #advertisers = new Set<string>();
  readonly #campaigns = new CampaignIndex();
  #nextId = 1_790_000_000_000_001n;
  /** test hook, not saved: tokens TikTok now answers 40105 for (the advertiser revoked the app) */
  readonly #revoked = new Set<string>();

  constructor(private readonly clock: Clock) {
    super();
  }

  static load(data: unknown, clock: Clock): TiktokAdsWorld {
    const parsed = worldDataSchema.parse(data);
    const world = new TiktokAdsWorld(clock);
    for (const id of parsed.advertisers) world.#advertisers.add(id);
    for (const campaign of parsed.campaigns) world.#campaigns.add(campaign);
    world.#nextId = BigInt(parsed.nextId);
    return world;
  }

  exportData(): JsonValue {
    const data = { advertisers: [...this.#advertisers], campaigns: [...this.#campaigns.all()], nextId: String(this.#nextId) };
    return JSON.parse(JSON.stringify(worldDataSchema.parse(data))) as JsonValue;
  }

  state(): SandboxItem[] {
    return [...this.#campaigns.all()].map((c) => ({
      id: c.campaign_id,
      kind: 'ad' as const,
      status: c.deleted ? 'DELETE' : c.operation_status,
      live: !c.deleted && c.operation_status === 'ENABLE',
      scheduledAt: null,
      fingerprint: campaignFingerprint(c),
    }));
  }

  // ---- seeding and inspection: tests, the sandbox seed, the benchmark ----

  addAdvertiser(id: string): string {
    if (!/^\d+$/.test(id)) throw new Error(`not an advertiser id: ${id}`);
    this.#advertisers.add(id);
    this.changed();
    return id;
  }

  /** A campaign as someone created it in TikTok Ads Manager; returns its id. */
  addCampaign(input: CampaignInput = {}): string {
    const advertiser = input.advertiser ?? this.#advertisers.values().next().value;
    if (advertiser === undefined || !this.#advertisers.has(advertiser)) throw new Error(`unknown advertiser ${advertiser ?? '(none)'}`);
    const id = (this.#nextId++).toString();
    const now = tiktokTime(this.clock.now());
    const { advertiser: _a, ...rest } = input;
    this.#campaigns.add({
      campaign_name: `Campaign ${id}`,
      objective_type: 'TRAFFIC',
      operation_status: 'ENABLE',
      deleted: false,
      budget_exceeded: false,
      budget: 100,
      budget_mode: 'BUDGET_MODE_DAY',
      budget_optimize_on: false,
      special_industries: [],
      campaign_type: 'REGULAR_CAMPAIGN',
      ...rest,
      campaign_id: id,
      advertiser_id: advertiser,
      create_time: now,
      modify_time: now,
    });
    this.changed();
    return id;
  }

  /** A copy of the campaign as stored. */
  campaign(id: string): SimCampaign | undefined {
    const c = this.#campaigns.get(id);
    return c ? structuredClone(c) : undefined;
  }

  /** What a person does in Ads Manager: switch a campaign on or off, or delete it. */
  setStatus(id: string, status: 'ENABLE' | 'DISABLE' | 'DELETE'): void {
    const c = this.#mustGet(id);
    this.update(c, status === 'DELETE' ? { deleted: true } : { operation_status: status });
  }

  /** Someone edits a campaign (budget, name…): drift. */
  editCampaign(id: string, patch: CampaignEdit): void {
    this.update(this.#mustGet(id), patch);
  }

  revokeToken(token: string): void {
    this.#revoked.add(token);
  }

  // ---- the platform's rules, for the routes ----

  isRevoked(token: string): boolean {
    return this.#revoked.has(token);
  }

  hasAdvertiser(id: string): boolean {
    return this.#advertisers.has(id);
  }

  get(id: string): SimCampaign | undefined {
    return this.#campaigns.get(id);
  }

  bucket(advertiserId: string, bucket: string) {
    return this.#campaigns.bucket(advertiserId, bucket);
  }

  /** Changes a campaign as TikTok would (its modify_time moves), keeping the indexes right. */
  update(campaign: SimCampaign, patch: Partial<SimCampaign>): void {
    this.#campaigns.change(campaign, (c) => Object.assign(c, patch, { modify_time: tiktokTime(this.clock.now()) }));
    this.changed();
  }

  #mustGet(id: string): SimCampaign {
    const c = this.#campaigns.get(id);
    if (!c) throw new Error(`no campaign ${id}`);
    return c;
  }
}
