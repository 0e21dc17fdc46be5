// Realistic sandbox content: a brand's LinkedIn campaigns for the week, in every state the
// adapter must tell apart. Distinct per connection (chosen by the connection's first ad account,
// so linkedin-ads-acme and linkedin-ads-globex differ), deterministic, times relative to the clock.
import { seededRandom, type SimulatorSeed } from '../kit/simulator/seed.js';
import type { CampaignStatus } from './mappers.js';
import type { LinkedInAdsWorld } from './simulator-world.js';

const DAY = 86_400_000;
export const FALLBACK_ACCOUNT = '508100001';

type Seed = { name: string; status: CampaignStatus; objective: string; type?: 'SPONSORED_UPDATES' | 'TEXT_AD' | 'SPONSORED_INMAILS'; startDays: number; endDays?: number; daily?: number; total?: number };

interface Brand {
  names: [string, string];
  currency: string;
  campaigns: Seed[];
}

const ACME: Brand = {
  names: ['Acme Corp — Global', 'Acme Corp — Recruiting'],
  currency: 'USD',
  campaigns: [
    { name: 'Trailblazer 2 launch — Sponsored video', status: 'ACTIVE', objective: 'VIDEO_VIEWS', startDays: -5, endDays: 25, daily: 250 },
    { name: 'Kettle Pro for offices — Lead gen form', status: 'ACTIVE', objective: 'LEAD_GENERATION', startDays: -12, daily: 180 },
    { name: 'Holiday gifting for teams — Website visits', status: 'ACTIVE', objective: 'WEBSITE_VISITS', startDays: -2, endDays: 30, total: 6000 },
    { name: 'Webinar: sustainable supply chains', status: 'ACTIVE', objective: 'WEBSITE_CONVERSIONS', startDays: 1, endDays: 8, daily: 120 },
    { name: 'Acme thought leadership — CEO posts', status: 'ACTIVE', objective: 'ENGAGEMENT', startDays: -20, daily: 90, type: 'SPONSORED_UPDATES' },
    { name: 'Partner program — Message ads', status: 'ACTIVE', objective: 'LEAD_GENERATION', startDays: -7, endDays: 14, daily: 75, type: 'SPONSORED_INMAILS' },
    { name: 'Brand awareness — Right rail', status: 'ACTIVE', objective: 'BRAND_AWARENESS', startDays: -30, daily: 40, type: 'TEXT_AD' },
    { name: 'Black Friday B2B bundle', status: 'ACTIVE', objective: 'WEBSITE_VISITS', startDays: -14, endDays: -1, total: 3000 },
    { name: 'Summer field-sales hiring', status: 'PAUSED', objective: 'JOB_APPLICANTS', startDays: -60, endDays: 20, daily: 60 },
    { name: 'Q1 product teaser (draft)', status: 'DRAFT', objective: 'BRAND_AWARENESS', startDays: 40, daily: 100 },
    { name: 'Spring trade show', status: 'COMPLETED', objective: 'WEBSITE_VISITS', startDays: -230, endDays: -200, total: 9000 },
    { name: 'Old careers page traffic', status: 'ARCHIVED', objective: 'WEBSITE_VISITS', startDays: -400, daily: 30 },
  ],
};

const GLOBEX: Brand = {
  names: ['Globex Industrial — EMEA', 'Globex Industrial — Americas'],
  currency: 'EUR',
  campaigns: [
    { name: 'Hydraulics 9 series — Document ads', status: 'ACTIVE', objective: 'LEAD_GENERATION', startDays: -4, endDays: 26, daily: 300 },
    { name: 'Plant safety whitepaper', status: 'ACTIVE', objective: 'LEAD_GENERATION', startDays: -18, daily: 150 },
    { name: 'Globex at Hannover Messe — Event ads', status: 'ACTIVE', objective: 'WEBSITE_VISITS', startDays: -1, endDays: 6, total: 4500 },
    { name: 'Engineers wanted — Munich', status: 'ACTIVE', objective: 'JOB_APPLICANTS', startDays: -9, endDays: 21, daily: 110 },
    { name: 'Energy savings calculator', status: 'ACTIVE', objective: 'WEBSITE_CONVERSIONS', startDays: 2, endDays: 16, daily: 95 },
    { name: 'Customer stories — Video', status: 'ACTIVE', objective: 'VIDEO_VIEWS', startDays: -25, daily: 70 },
    { name: 'Distributor outreach — Message ads', status: 'PAUSED', objective: 'LEAD_GENERATION', startDays: -40, daily: 50, type: 'SPONSORED_INMAILS' },
    { name: 'Annual report 2026', status: 'PAUSED', objective: 'ENGAGEMENT', startDays: -15, endDays: 10, daily: 45 },
    { name: 'Winter maintenance offer (draft)', status: 'DRAFT', objective: 'WEBSITE_VISITS', startDays: 20, daily: 80 },
    { name: 'Retired product line', status: 'CANCELED', objective: 'BRAND_AWARENESS', startDays: -300, endDays: -250, total: 2000 },
  ],
};

/** Known sandbox accounts get their brand; any other connection a brand chosen by its account id. */
const KNOWN: Record<string, Brand> = { '508100001': ACME, '508200001': GLOBEX };
const hash = (text: string): number => [...text].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0, 7);

export const seedLinkedInAds: SimulatorSeed<LinkedInAdsWorld> = (world, { clock, accountIds }) => {
  const ids = accountIds.length > 0 ? accountIds : [FALLBACK_ACCOUNT];
  const brand = KNOWN[ids[0]!.replace(/\D/g, '')] ?? (hash(ids[0]!) % 2 === 0 ? ACME : GLOBEX);
  // Own random numbers per connection: two connections never get the same budgets.
  const random = seededRandom(hash(ids.join(',')));
  const first = world.addAccount(ids[0]!, brand.names[0], brand.currency);
  const second = ids[1] ? world.addAccount(ids[1], brand.names[1], brand.currency) : first;
  const now = clock.now().getTime();
  const amount = (value: number): string => (Math.round(value * (0.9 + random() * 0.2) * 100) / 100).toFixed(2);
  brand.campaigns.forEach((seed, i) => {
    world.addCampaign({
      account: i % 3 === 2 ? second : first,
      name: seed.name,
      status: seed.status,
      type: seed.type ?? 'SPONSORED_UPDATES',
      costType: seed.objective === 'VIDEO_VIEWS' ? 'CPV' : seed.objective === 'WEBSITE_VISITS' ? 'CPC' : 'CPM',
      objectiveType: seed.objective,
      unitCost: { amount: amount(seed.objective === 'VIDEO_VIEWS' ? 0.12 : 6.5), currencyCode: brand.currency },
      ...(seed.daily !== undefined && { dailyBudget: { amount: amount(seed.daily), currencyCode: brand.currency } }),
      ...(seed.total !== undefined && { totalBudget: { amount: amount(seed.total), currencyCode: brand.currency } }),
      start: now + seed.startDays * DAY,
      end: seed.endDays === undefined ? null : now + seed.endDays * DAY,
      locale: brand.currency === 'EUR' ? { country: 'DE', language: 'de' } : { country: 'US', language: 'en' },
    });
  });
};
