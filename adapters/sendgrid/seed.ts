// Realistic sandbox content for `npm start`: a brand's marketing emails for the coming week,
// per connection. A connection's account ids are its contact lists; the brand's content is picked
// by them (Acme's and Globex's lists in config/default.json), so each connection gets its own
// Single Sends, deterministic and relative to the clock. The earliest send is hours away so
// nothing goes out during a demo. Besides the live (scheduled) ones: drafts, one a person
// unscheduled (a draft with a send time kept), and sent ones (triggered), which a pause never touches.
import type { SimulatorSeed } from '../kit/simulator/seed.js';
import type { SendGridWorld } from './simulator-world.js';

const HOUR = 3_600_000;

interface Brand {
  name: string;
  lists: readonly [string, string];
  scheduled: ReadonlyArray<{ hours: number; name: string; subject: string; categories: string[]; vip?: boolean; all?: boolean }>;
  drafts: ReadonlyArray<{ name: string; subject: string; keptHours?: number }>;
  sent: ReadonlyArray<{ hoursAgo: number; name: string; subject: string }>;
}

/** The sandbox's contact lists (config/default.json names them as the connections' account ids). */
export const SANDBOX_LISTS = {
  acme: ['5f2b7c1e-8a4d-4e6b-9c3f-1d2e3f4a5b61', '5f2b7c1e-8a4d-4e6b-9c3f-1d2e3f4a5b62'],
  globex: ['9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d71', '9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d72'],
} as const;

const BRANDS: Record<keyof typeof SANDBOX_LISTS, Brand> = {
  acme: {
    name: 'Acme',
    lists: SANDBOX_LISTS.acme,
    scheduled: [
      { hours: 4, name: 'Weekly Digest — Dec 2', subject: 'This week at Acme: 5 things worth your time', categories: ['newsletter'] },
      { hours: 22, name: 'Winter Sale — VIP Early Access', subject: 'You’re in: the Winter Sale starts early for you', categories: ['promotion', 'vip'], vip: true },
      { hours: 46, name: 'Winter Sale — Doors Open', subject: 'Up to 40% off, today only', categories: ['promotion'] },
      { hours: 75, name: 'Trailblazer 3 Launch', subject: 'Meet the Trailblazer 3', categories: ['product'] },
      { hours: 118, name: 'Holiday Gift Guide', subject: '48 gifts they’ll actually use', categories: ['promotion', 'holiday'], all: true },
      { hours: 160, name: 'Weekly Digest — Dec 9', subject: 'This week at Acme: the cold-weather edition', categories: ['newsletter'] },
    ],
    drafts: [
      { name: 'New Year Sale (draft)', subject: 'New year, new deals' },
      { name: 'Store Opening Vancouver (unscheduled by Dana)', subject: 'We’re opening in Vancouver', keptHours: 30 },
    ],
    sent: [
      { hoursAgo: 20, name: 'Cyber Monday', subject: 'Cyber Monday: free shipping on everything' },
      { hoursAgo: 170, name: 'Weekly Digest — Nov 25', subject: 'This week at Acme: autumn favourites' },
    ],
  },
  globex: {
    name: 'Globex',
    lists: SANDBOX_LISTS.globex,
    scheduled: [
      { hours: 3, name: 'Globex Insider — December', subject: 'Inside Globex: what we shipped in November', categories: ['newsletter'] },
      { hours: 28, name: 'Webinar Invite: Scaling Ops', subject: 'Join us Thursday: scaling operations without the chaos', categories: ['event'] },
      { hours: 50, name: 'Webinar Reminder', subject: 'Tomorrow: Scaling Ops webinar (save your seat)', categories: ['event'], vip: true },
      { hours: 96, name: 'Product Update 4.2', subject: 'Globex 4.2: faster reports and a new API', categories: ['product'] },
      { hours: 140, name: 'Year-End Pricing', subject: 'Lock in this year’s pricing before Dec 31', categories: ['promotion'], all: true },
    ],
    drafts: [
      { name: 'Customer Story: Initech (draft)', subject: 'How Initech cut costs by 30%' },
      { name: 'Partner Summit (unscheduled)', subject: 'Save the date: Globex Partner Summit', keptHours: 60 },
    ],
    sent: [{ hoursAgo: 48, name: 'Globex Insider — November', subject: 'Inside Globex: the autumn release' }],
  },
};

function brandOf(accountIds: readonly string[]): Brand {
  const first = accountIds[0];
  if (first !== undefined && (SANDBOX_LISTS.globex as readonly string[]).includes(first)) return BRANDS.globex;
  return BRANDS.acme;
}

export const seedSendGrid: SimulatorSeed<SendGridWorld> = (world, { clock, accountIds, random }) => {
  const brand = brandOf(accountIds);
  const [main, vip] = accountIds.length > 0 ? [accountIds[0]!, accountIds[1] ?? accountIds[0]!] : brand.lists;
  const now = clock.now().getTime();
  // On a whole minute, with a few minutes of jitter so the schedule does not look machine-made.
  const at = (hours: number): Date => new Date(Math.floor((now + hours * HOUR) / 60_000) * 60_000 + Math.floor(random() * 4) * 5 * 60_000);
  const html = (subject: string) => `<h1>${subject}</h1><p>${brand.name} — ${subject.toLowerCase()}.</p><p><a href="<%asm_group_unsubscribe_raw_url%>">Unsubscribe</a></p>`;

  for (const s of brand.scheduled) {
    world.addSingleSend({
      name: s.name,
      status: 'scheduled',
      sendAt: at(s.hours),
      categories: s.categories,
      listIds: s.all ? [] : [s.vip ? vip : main],
      all: s.all ?? false,
      subject: s.subject,
      html: html(s.subject),
    });
  }
  for (const d of brand.drafts) {
    world.addSingleSend({ name: d.name, status: 'draft', sendAt: d.keptHours ? at(d.keptHours) : null, listIds: [main], subject: d.subject, html: html(d.subject) });
  }
  for (const s of brand.sent) {
    world.addSingleSend({ name: s.name, status: 'triggered', sendAt: new Date(now - s.hoursAgo * HOUR), listIds: [main], subject: s.subject, html: html(s.subject) });
  }
};
