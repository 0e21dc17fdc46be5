// Realistic sandbox content for `npm start`: a brand's email week in Klaviyo — scheduled
// campaigns, live flows, and what a pause must leave alone (drafts, sent and cancelled campaigns,
// a flow a person set to manual, a draft flow). One content set per brand, chosen by the
// connection's account id (the sandbox's simulators know no connection id; README), so the acme
// and globex connections hold distinct content. Deterministic and relative to the clock; the
// earliest send is more than two hours away so nothing goes out during a demo.
import type { SimulatorSeed } from '../kit/simulator/seed.js';
import type { KlaviyoWorld } from './simulator-world.js';

const HOUR = 3_600_000;

interface Brand {
  scheduled: Array<{ hours: number; name: string; local?: boolean; throttle?: number }>;
  drafts: string[];
  sent: Array<{ hoursAgo: number; name: string }>;
  cancelled: string;
  live: Array<{ name: string; trigger: 'Metric' | 'Added to List' | 'Date Based' | 'Price Drop' | 'Low Inventory' }>;
  paused: string;
  draftFlow: string;
  audiences: [string, string];
}

const BRANDS: Record<string, Brand> = {
  acme: {
    scheduled: [
      { hours: 3, name: 'Acme Weekly — new arrivals' },
      { hours: 26, name: 'Acme Winter Sale — early access', throttle: 20 },
      { hours: 50, name: 'Acme Winter Sale — doors open', local: true },
      { hours: 98, name: 'Acme Gift Guide' },
      { hours: 146, name: 'Acme Loyalty points reminder' },
    ],
    drafts: ['Acme New Year (draft)', 'Acme Spring preview (draft)'],
    sent: [{ hoursAgo: 22, name: 'Acme Weekly — last week' }, { hoursAgo: 170, name: 'Acme Customer survey' }],
    cancelled: 'Acme Flash sale (cancelled)',
    live: [{ name: 'Acme Welcome series', trigger: 'Added to List' }, { name: 'Acme Abandoned cart', trigger: 'Metric' }, { name: 'Acme Back in stock', trigger: 'Low Inventory' }],
    paused: 'Acme Win-back (paused by the team)',
    draftFlow: 'Acme Birthday (draft)',
    audiences: ['Xa7Kp2', 'Vb3Qr9'],
  },
  globex: {
    scheduled: [
      { hours: 5, name: 'Globex Product digest' },
      { hours: 29, name: 'Globex Webinar invitation', local: true },
      { hours: 74, name: 'Globex Release notes — v4.2' },
      { hours: 122, name: 'Globex Partner newsletter', throttle: 10 },
    ],
    drafts: ['Globex Year in review (draft)'],
    sent: [{ hoursAgo: 30, name: 'Globex Security advisory' }, { hoursAgo: 200, name: 'Globex Product digest — previous' }],
    cancelled: 'Globex Conference promo (cancelled)',
    live: [{ name: 'Globex Trial onboarding', trigger: 'Metric' }, { name: 'Globex Renewal reminders', trigger: 'Date Based' }],
    paused: 'Globex Upsell (paused by the team)',
    draftFlow: 'Globex Referral (draft)',
    audiences: ['Gq4Lm8', 'Hn2Ws5'],
  },
};

/** The sandbox's account ids (config `accountIds`) and their content; any other gets acme's. */
export const SANDBOX_ACCOUNTS: Readonly<Record<string, keyof typeof BRANDS>> = { AcMe01: 'acme', GlBx02: 'globex' };

export const seedKlaviyo: SimulatorSeed<KlaviyoWorld> = (world, { clock, accountIds, random }) => {
  const brand = BRANDS[SANDBOX_ACCOUNTS[accountIds[0] ?? ''] ?? 'acme']!;
  const now = clock.now().getTime();
  const [main, vip] = brand.audiences;
  // Whole quarter hours, a few of jitter, so the schedule does not look machine-made.
  const at = (hours: number): Date => new Date(Math.ceil((now + hours * HOUR) / (15 * 60_000)) * 15 * 60_000 + Math.floor(random() * 4) * 15 * 60_000);

  brand.scheduled.forEach((s, i) => {
    const strategy = s.throttle ? { method: 'throttled' as const, throttlePercentage: s.throttle } : { method: 'static' as const, isLocal: s.local ?? false, sendPastRecipientsImmediately: false };
    world.addCampaign({ name: s.name, status: 'Scheduled', sendAt: at(s.hours), strategy, included: i % 2 === 0 ? [main] : [main, vip], excluded: i === 1 ? [vip] : [] });
  });
  for (const name of brand.drafts) world.addCampaign({ name, status: 'Draft', sendAt: null, included: [main] });
  for (const s of brand.sent) world.addCampaign({ name: s.name, status: 'Sent', sendAt: new Date(now - s.hoursAgo * HOUR), included: [main] });
  world.addCampaign({ name: brand.cancelled, status: 'Cancelled', sendAt: new Date(now + 48 * HOUR), included: [vip] });

  for (const f of brand.live) world.addFlow({ name: f.name, status: 'live', triggerType: f.trigger });
  world.addFlow({ name: brand.paused, status: 'manual', triggerType: 'Metric' });
  world.addFlow({ name: brand.draftFlow, status: 'draft', triggerType: 'Date Based' });
};
