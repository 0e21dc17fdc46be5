// Realistic sandbox content for `npm start`: a brand's newsletters over the next week.
// Deterministic (the context's random numbers) and relative to the clock; the earliest send is
// more than two hours away so nothing goes out during a demo. The connection's brand (the kit's
// `brand`, from its id: `brevo-globex`) chooses the content: Acme's shop, Globex's software; any
// other brand gets Acme's, said of it. Campaigns go to the connection's contact lists (its account
// ids) when it names some, else to lists 2 and 7 (list ids are per Brevo account).
import { rebrand, type SimulatorSeed } from '../kit/simulator/seed.js';
import type { BrevoWorld } from './simulator-world.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

interface Brand {
  company: string;
  domain: string;
  scheduled: ReadonlyArray<{ hours: number; name: string; subject: string; preview: string; vip?: boolean; ab?: [string, string] }>;
  drafts: readonly string[];
  sent: ReadonlyArray<{ hoursAgo: number; name: string; subject: string }>;
  /** suspended by a person before the crisis: never listed, never resumed */
  held: { hours: number; name: string; subject: string };
}

const BRANDS: readonly Brand[] = [
  {
    company: 'Acme Outfitters',
    domain: 'acme.example',
    scheduled: [
      { hours: 3, name: 'Weekly Digest — Week 48', subject: 'This week at Acme: 5 things worth your time', preview: 'New arrivals and a store opening.' },
      { hours: 26, name: 'Black Friday Early Access', subject: 'You’re in: Black Friday starts early for you', preview: '24 hours before everyone else.', vip: true },
      { hours: 50, name: 'Black Friday — Doors Open', subject: 'Up to 40% off, today only', preview: 'Our biggest sale of the year.', ab: ['Up to 40% off, today only', 'Today only: our biggest sale'] },
      { hours: 98, name: 'Cyber Monday', subject: 'Cyber Monday: free shipping on everything', preview: 'Ends at midnight.' },
      { hours: 146, name: 'Holiday Gift Guide', subject: '48 gifts they’ll actually use', preview: 'Sorted by budget, from $15.' },
    ],
    drafts: ['New Year Sale (draft)', 'Spring Preview (draft)'],
    sent: [
      { hoursAgo: 22, name: 'Weekly Digest — Week 47', subject: 'This week at Acme: autumn favourites' },
      { hoursAgo: 140, name: 'Customer Survey', subject: 'Two minutes? Tell us how we did' },
    ],
    held: { hours: 74, name: 'Loyalty Points Reminder (on hold)', subject: 'You have points waiting' },
  },
  {
    company: 'Globex Corporation',
    domain: 'globex.example',
    scheduled: [
      { hours: 4, name: 'Product Update — December', subject: 'What’s new in Globex Cloud this month', preview: 'Faster dashboards, new exports.' },
      { hours: 28, name: 'Webinar Invitation: Scaling Ops', subject: 'Join us Thursday: scaling operations without the chaos', preview: 'Live Q&A with our CTO.' },
      { hours: 75, name: 'Customer Story: Initech', subject: 'How Initech cut reporting time by 60%', preview: 'A case study.', ab: ['How Initech cut reporting time by 60%', 'Initech’s 60% shortcut'] },
      { hours: 122, name: 'Year-End Pricing', subject: 'Lock in this year’s pricing before January', preview: 'For annual plans.', vip: true },
    ],
    drafts: ['Q1 Roadmap (draft)'],
    sent: [
      { hoursAgo: 30, name: 'Product Update — November', subject: 'What’s new in Globex Cloud: November' },
      { hoursAgo: 100, name: 'Security Notice', subject: 'An update on account security' },
      { hoursAgo: 160, name: 'Webinar Recording', subject: 'Missed it? Watch the recording' },
    ],
    held: { hours: 52, name: 'Partner Newsletter (on hold)', subject: 'Partner news, December edition' },
  },
];

/** Acme's content, said of another brand (Acme itself unchanged). */
function rebrandedAcme(who: { name: string; slug: string; domain: string }): Brand {
  const acme = BRANDS[0]!;
  if (who.slug === 'acme') return acme;
  return JSON.parse(rebrand(JSON.stringify({ ...acme, domain: 'acme.example' }), who)) as Brand;
}

export const seedBrevo: SimulatorSeed<BrevoWorld> = (world, { clock, accountIds, random, brand: who }) => {
  const lists = accountIds.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  const [main = 2, vip = lists.length === 0 ? 7 : main] = lists;
  const brand = who.slug === 'globex' ? BRANDS[1]! : rebrandedAcme(who);
  const now = clock.now().getTime();
  // A few minutes of jitter on the quarter hour so the schedule does not look machine-made.
  const at = (hours: number) => new Date(Math.floor((now + hours * HOUR) / (15 * MINUTE)) * 15 * MINUTE + Math.floor(random() * 3) * 5 * MINUTE);
  const sender = { name: brand.company, email: `news@${brand.domain}`, id: 1 };
  const base = { sender, replyTo: `hello@${brand.domain}`, tag: 'Newsletter' };
  world.account = { email: `marketing@${brand.domain}`, firstName: 'Dana', lastName: 'Reyes', companyName: brand.company };

  for (const s of brand.sent) {
    world.addCampaign({ ...base, name: s.name, subject: s.subject, status: 'sent', scheduledAt: new Date(now - s.hoursAgo * HOUR), testSent: true, recipients: { lists: [main], exclusionLists: [] } });
  }
  for (const name of brand.drafts) world.addCampaign({ ...base, name, subject: name.replace(' (draft)', ''), status: 'draft', recipients: { lists: [main], exclusionLists: [] } });
  for (const s of brand.scheduled) {
    world.addCampaign({
      ...base,
      name: s.name,
      status: 'queued',
      scheduledAt: at(s.hours),
      previewText: s.preview,
      testSent: true,
      recipients: { lists: s.vip ? [vip] : [main], exclusionLists: s.vip ? [] : [vip] },
      ...(s.ab ? { abTesting: true, subjectA: s.ab[0], subjectB: s.ab[1], splitRule: 20, winnerCriteria: 'open', winnerDelay: 4 } : { subject: s.subject }),
      htmlContent: `<html><body><h1>${s.subject}</h1><p>${s.preview}</p><p>${brand.company}</p></body></html>`,
    });
  }
  world.addCampaign({ ...base, name: brand.held.name, subject: brand.held.subject, status: 'suspended', scheduledAt: at(brand.held.hours), recipients: { lists: [main], exclusionLists: [] } });
};
