// Realistic sandbox content: a brand's Google Ads customer with campaigns in every state the
// adapter must tell apart — serving, starting later this week, paused by people, ended, removed.
// Deterministic (the context's random numbers); times relative to the clock. Each connection's
// customer ids pick its brand's campaigns, so acme and globex see different worlds.
import type { SimulatorSeed } from '../kit/simulator/seed.js';
import type { CampaignInput, GoogleAdsWorld } from './simulator-world.js';

const DAY = 86_400_000;
/** The sandbox customers of the default config (`google-ads-acme`, `google-ads-globex`). */
export const ACME_CUSTOMER = '5550001001';
export const GLOBEX_CUSTOMER = '5550002002';

type Seed = Omit<CampaignInput, 'customerId' | 'startDateTime' | 'endDateTime'> & { name: string; startDays: number; endDays?: number };

const ACME: Seed[] = [
  { name: 'Acme Brand — Search', advertisingChannelType: 'SEARCH', biddingStrategyType: 'TARGET_IMPRESSION_SHARE', startDays: -40 },
  { name: 'Trailblazer 2 Launch — PMax', advertisingChannelType: 'PERFORMANCE_MAX', biddingStrategyType: 'MAXIMIZE_CONVERSION_VALUE', startDays: -5, endDays: 25 },
  { name: 'Holiday Gift Cards — Shopping', advertisingChannelType: 'SHOPPING', biddingStrategyType: 'TARGET_ROAS', startDays: -3, endDays: 30 },
  { name: 'Store Locator — Search', advertisingChannelType: 'SEARCH', biddingStrategyType: 'MAXIMIZE_CONVERSIONS', startDays: -20 },
  { name: 'Maker Stories — Video', advertisingChannelType: 'VIDEO', biddingStrategyType: 'TARGET_SPEND', startDays: -2, endDays: 12 },
  { name: 'Black Friday Retargeting — Display', advertisingChannelType: 'DISPLAY', biddingStrategyType: 'TARGET_CPA', startDays: 2, endDays: 9 },
  { name: 'Summer Camping Gear — Search', status: 'PAUSED', advertisingChannelType: 'SEARCH', biddingStrategyType: 'MANUAL_CPC', startDays: -120, endDays: 30 },
  { name: 'Spring Teaser — Demand Gen', advertisingChannelType: 'DEMAND_GEN', biddingStrategyType: 'MAXIMIZE_CONVERSIONS', startDays: -60, endDays: -10 },
  { name: 'Old Catalogue — Shopping', status: 'REMOVED', advertisingChannelType: 'SHOPPING', biddingStrategyType: 'TARGET_ROAS', startDays: -300, endDays: -200 },
];

const GLOBEX: Seed[] = [
  { name: 'Globex Corporate — Search', advertisingChannelType: 'SEARCH', biddingStrategyType: 'TARGET_IMPRESSION_SHARE', startDays: -90 },
  { name: 'Hammock District Homes — PMax', advertisingChannelType: 'PERFORMANCE_MAX', biddingStrategyType: 'MAXIMIZE_CONVERSIONS', startDays: -8, endDays: 22 },
  { name: 'Cypress Creek Careers — Display', advertisingChannelType: 'DISPLAY', biddingStrategyType: 'TARGET_CPA', startDays: -4, endDays: 40 },
  { name: 'Doomsday Device Recall — Video', advertisingChannelType: 'VIDEO', biddingStrategyType: 'TARGET_SPEND', startDays: 1, endDays: 15 },
  { name: 'Quarterly Webinar — Search', status: 'PAUSED', advertisingChannelType: 'SEARCH', biddingStrategyType: 'MANUAL_CPC', startDays: -30 },
  { name: 'Investor Day — Display', advertisingChannelType: 'DISPLAY', biddingStrategyType: 'MAXIMIZE_CONVERSIONS', startDays: -45, endDays: -5 },
];

export const seedGoogleAds: SimulatorSeed<GoogleAdsWorld> = (world, { clock, accountIds, random }) => {
  const ids = accountIds.length > 0 ? [...accountIds] : [ACME_CUSTOMER];
  const now = clock.now().getTime();
  ids.forEach((raw, i) => {
    const customerId = world.addCustomer(raw);
    const globex = customerId === GLOBEX_CUSTOMER || (customerId !== ACME_CUSTOMER && i % 2 === 1);
    world.addCustomer(customerId, globex ? 'Globex — Google Ads' : 'Acme — Google Ads');
    for (const { startDays, endDays, ...seed } of globex ? GLOBEX : ACME) {
      // budgets differ a little from world to world, as real ones do
      const budget = 100_000 + Math.floor(random() * 900_000);
      world.addCampaign({
        ...seed,
        customerId,
        campaignBudget: `customers/${customerId}/campaignBudgets/${budget}`,
        startDateTime: new Date(now + startDays * DAY),
        endDateTime: endDays === undefined ? null : new Date(now + endDays * DAY),
      });
    }
  });
};
