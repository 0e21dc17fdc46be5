// Realistic sandbox content: Acme's ad accounts with campaigns in every state the
// adapter must tell apart. Deterministic (the context's random numbers); times relative to the
// clock. The kit's one seeding signature: seed(world, {clock, accountIds, random}).
import type { SimulatorSeed } from '../kit/simulator/seed.js';
import type { CampaignInput, MetaAdsWorld } from './simulator-world.js';

const DAY = 86_400_000;
export const FALLBACK_ACCOUNT = 'act_1000000001';

type Seed = Omit<CampaignInput, 'account' | 'start_time' | 'stop_time'> & {
  name: string;
  /** days from now; negative = already running */
  startDays: number;
  stopDays?: number;
  budget: { daily?: number; lifetime?: number };
};

const FIRST: Seed[] = [
  { name: 'Trailblazer 2 Launch — Awareness', objective: 'OUTCOME_AWARENESS', status: 'ACTIVE', startDays: -6, stopDays: 24, budget: { daily: 5000 }, bid_strategy: 'LOWEST_COST_WITHOUT_CAP' },
  { name: 'Holiday Gift Cards — Sales', objective: 'OUTCOME_SALES', status: 'ACTIVE', startDays: -3, stopDays: 35, budget: { lifetime: 250000 }, bid_strategy: 'COST_CAP' },
  { name: 'Store Locator — Traffic', objective: 'OUTCOME_TRAFFIC', status: 'ACTIVE', startDays: -20, budget: { daily: 2500 }, bid_strategy: 'LOWEST_COST_WITHOUT_CAP' },
  {
    name: 'Loyalty App Installs', objective: 'OUTCOME_APP_PROMOTION', status: 'ACTIVE', startDays: -12, budget: { daily: 4000 },
    issues_info: [{ level: 'AD_SET', error_code: 1885316, error_summary: 'Ad set has no active ads', error_message: "Your ad set won't deliver because none of its ads are active.", error_type: 'SOFT_ERROR' }],
  },
  { name: 'Black Friday Retargeting', objective: 'OUTCOME_SALES', status: 'ACTIVE', startDays: 1, stopDays: 8, budget: { lifetime: 400000 }, spend_cap: '1000000', processing: true },
  { name: 'Newsletter Sign-ups — Leads', objective: 'OUTCOME_LEADS', status: 'ACTIVE', startDays: -9, stopDays: 50, budget: { daily: 3000 } },
  { name: 'Maker Stories — Video', objective: 'OUTCOME_ENGAGEMENT', status: 'ACTIVE', startDays: -2, stopDays: 12, budget: { daily: 1500 } },
  { name: 'Summer Camping Gear', objective: 'OUTCOME_AWARENESS', status: 'PAUSED', startDays: -120, stopDays: 30, budget: { daily: 2000 } },
  { name: 'Spring Collection Teaser', objective: 'OUTCOME_TRAFFIC', status: 'ARCHIVED', startDays: -240, stopDays: -200, budget: { lifetime: 80000 } },
];

const SECOND: Seed[] = [
  { name: 'Kettle Pro Returns — US', objective: 'OUTCOME_AWARENESS', status: 'ACTIVE', startDays: -4, stopDays: 26, budget: { daily: 7000 } },
  { name: 'Gift Card Bundles — US', objective: 'OUTCOME_SALES', status: 'ACTIVE', startDays: -1, stopDays: 40, budget: { lifetime: 300000 }, bid_strategy: 'LOWEST_COST_WITH_MIN_ROAS' },
  { name: 'Business Bulk Orders', objective: 'OUTCOME_LEADS', status: 'ACTIVE', startDays: -15, budget: { daily: 2200 } },
  { name: 'Now Hiring Support Staff', objective: 'OUTCOME_LEADS', status: 'PAUSED', startDays: -30, budget: { daily: 1000 }, special_ad_categories: ['EMPLOYMENT'] },
  { name: 'Sustainability Report 2026', objective: 'OUTCOME_ENGAGEMENT', status: 'PAUSED', startDays: -60, stopDays: 10, budget: { daily: 1200 } },
];

export const seedMetaAds: SimulatorSeed<MetaAdsWorld> = (world, { clock, accountIds, random, brand }) => {
  const ids = accountIds.length > 0 ? accountIds : [FALLBACK_ACCOUNT];
  const first = world.addAccount(ids[0]!, `${brand.name} — EU`);
  const second = ids[1] ? world.addAccount(ids[1], `${brand.name} — US`) : first;
  for (const id of ids.slice(2)) world.addAccount(id);
  const now = clock.now().getTime();
  const add = (seed: Seed, account: string): void => {
    const { startDays, stopDays, budget, ...rest } = seed;
    // budgets in minor units, as strings (Graph's format); a little jitter so they look real
    const jitter = (value: number): string => String(Math.round((value * (0.9 + random() * 0.2)) / 100) * 100);
    world.addCampaign({
      ...rest,
      account,
      start_time: new Date(now + startDays * DAY),
      stop_time: stopDays === undefined ? null : new Date(now + stopDays * DAY),
      ...(budget.daily !== undefined && { daily_budget: jitter(budget.daily) }),
      ...(budget.lifetime !== undefined && { lifetime_budget: jitter(budget.lifetime) }),
    });
  };
  for (const seed of FIRST) add(seed, first);
  for (const seed of SECOND) add(seed, second);
};
