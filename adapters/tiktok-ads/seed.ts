// Realistic sandbox content for a brand's week on TikTok: per advertiser, campaigns in every state
// the adapter must tell apart — running (some out of today's budget), paused by people, deleted.
// Each advertiser gets its own catalogue (chosen from its id), so two brands' sandboxes differ.
// Deterministic (the context's random numbers). The kit's one seeding signature.
import type { SimulatorSeed } from '../kit/simulator/seed.js';
import type { CampaignInput, TiktokAdsWorld } from './simulator-world.js';

export const FALLBACK_ADVERTISER = '7301000000000000001';

type Seed = Omit<CampaignInput, 'advertiser'> & { campaign_name: string };

const OUTDOOR: Seed[] = [
  { campaign_name: 'Trailblazer 2 Launch — Reach', objective_type: 'REACH', budget: 300, budget_mode: 'BUDGET_MODE_DAY' },
  { campaign_name: 'Holiday Gift Guide — Web Conversions', objective_type: 'WEB_CONVERSIONS', budget: 12000, budget_mode: 'BUDGET_MODE_TOTAL' },
  { campaign_name: 'Camp Kitchen Creators — Video Views', objective_type: 'VIDEO_VIEWS', budget: 150, budget_mode: 'BUDGET_MODE_DAY', budget_exceeded: true },
  { campaign_name: 'Acme App — Installs (iOS)', objective_type: 'APP_PROMOTION', budget: 500, budget_mode: 'BUDGET_MODE_DAY', campaign_type: 'IOS14_CAMPAIGN' },
  { campaign_name: 'Store Locator — Traffic', objective_type: 'TRAFFIC', budget: 80, budget_mode: 'BUDGET_MODE_DAY', budget_optimize_on: true },
  { campaign_name: 'Newsletter Sign-ups — Leads', objective_type: 'LEAD_GENERATION', budget: 200, budget_mode: 'BUDGET_MODE_DAY' },
  { campaign_name: 'Summer Tents Clearance', objective_type: 'PRODUCT_SALES', operation_status: 'DISABLE', budget: 100, budget_mode: 'BUDGET_MODE_DAY' },
  { campaign_name: 'Spring Teaser (old)', objective_type: 'REACH', deleted: true, operation_status: 'DISABLE', budget: 50, budget_mode: 'BUDGET_MODE_DAY' },
];

const TECH: Seed[] = [
  { campaign_name: 'Globex Hyperloop Teaser — Reach', objective_type: 'REACH', budget: 800, budget_mode: 'BUDGET_MODE_DAY' },
  { campaign_name: 'Smart Home Bundle — Web Conversions', objective_type: 'WEB_CONVERSIONS', budget: 25000, budget_mode: 'BUDGET_MODE_TOTAL' },
  { campaign_name: 'Unboxing Creators — Engagement', objective_type: 'ENGAGEMENT', budget: 250, budget_mode: 'BUDGET_MODE_DAY' },
  { campaign_name: 'Globex Careers', objective_type: 'LEAD_GENERATION', budget: 90, budget_mode: 'BUDGET_MODE_DAY', special_industries: ['EMPLOYMENT'] },
  { campaign_name: 'Cyber Week Flash Sale', objective_type: 'PRODUCT_SALES', budget: 400, budget_mode: 'BUDGET_MODE_DAY', budget_exceeded: true },
  { campaign_name: 'Support App Re-engagement', objective_type: 'APP_PROMOTION', operation_status: 'DISABLE', budget: 120, budget_mode: 'BUDGET_MODE_DAY' },
  { campaign_name: 'Q3 Brand Lift (ended)', objective_type: 'REACH', operation_status: 'DISABLE', budget: 300, budget_mode: 'BUDGET_MODE_DAY' },
  { campaign_name: 'Draft test — do not run', objective_type: 'TRAFFIC', deleted: true, operation_status: 'DISABLE', budget: 20, budget_mode: 'BUDGET_MODE_DAY' },
];

const CATALOGUES = [OUTDOOR, TECH];

/** The catalogue for an advertiser: from its digits, so the same id always seeds the same content. */
export function catalogueFor(advertiserId: string): Seed[] {
  const sum = [...advertiserId].reduce((total, digit) => total + Number(digit), 0);
  return CATALOGUES[sum % CATALOGUES.length]!;
}

export const seedTiktokAds: SimulatorSeed<TiktokAdsWorld> = (world, { accountIds, random }) => {
  const ids = accountIds.length > 0 ? accountIds : [FALLBACK_ADVERTISER];
  for (const advertiser of ids) {
    world.addAdvertiser(advertiser);
    for (const seed of catalogueFor(advertiser)) {
      // budgets in the account's currency, a little jitter so they look real
      const budget = Math.round((seed.budget ?? 100) * (0.9 + random() * 0.2));
      world.addCampaign({ ...seed, budget, advertiser });
    }
  }
};
