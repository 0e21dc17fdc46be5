// Realistic sandbox content for `npm start`: an online shop's newsletters over the next three
// weeks. Deterministic (the context's random numbers) and relative to the clock; the earliest
// send is more than two hours away so nothing goes out during a demo. The kit's one seeding
// signature: seed(world, {clock, accountIds, random}).
import { rebrand, type SimulatorSeed } from '../kit/simulator/seed.js';
import { nextQuarterHour } from './mappers-time.js';
import type { MailchimpWorld } from './simulator-world.js';

const HOUR = 3_600_000;

const SCHEDULED = [
  { hours: 3, title: 'Weekly Digest — Nov 24', subject: 'This week at Acme: 5 things worth your time', preview: 'New arrivals, a store opening and a recipe.' },
  { hours: 27, title: 'Black Friday Early Access', subject: 'You’re in: Black Friday starts early for you', preview: '24 hours before everyone else.', batch: { batch_count: 4, batch_delay: 30 } },
  { hours: 52, title: 'Black Friday — Doors Open', subject: 'Up to 40% off, today only', preview: 'Our biggest sale of the year is live.', timewarp: true },
  { hours: 100, title: 'Cyber Monday', subject: 'Cyber Monday: free shipping on everything', preview: 'Ends at midnight.' },
  { hours: 170, title: 'Holiday Gift Guide', subject: '48 gifts they’ll actually use', preview: 'Sorted by budget, from $15.' },
  { hours: 242, title: 'Loyalty Points Reminder', subject: 'You have points waiting', preview: 'Spend them before they expire.', plaintext: true },
  { hours: 340, title: 'Winter Collection Launch', subject: 'Meet the Winter Collection', preview: 'Warm layers, made to last.' },
  { hours: 480, title: 'Year in Review', subject: 'Our year, and what’s next', preview: 'Thank you for being part of it.' },
] as const;

const DRAFTS = [
  { title: 'New Year Sale (draft)', subject: 'New year, new deals' },
  { title: 'Spring Preview (draft)', subject: 'A first look at spring' },
];

const SENT = [
  { hoursAgo: 26, title: 'Weekly Digest — Nov 17', subject: 'This week at Acme: autumn favourites' },
  { hoursAgo: 170, title: 'Customer Survey', subject: 'Two minutes? Tell us how we did' },
  { hoursAgo: 340, title: 'Autumn Clearance', subject: 'Last chance: autumn clearance' },
];

export const seedMailchimp: SimulatorSeed<MailchimpWorld> = (world, { clock, accountIds, random, brand }) => {
  // Written for Acme, said of the connection's brand.
  const say = (text: string): string => rebrand(text, brand);
  const now = clock.now().getTime();
  const [main = 'a1b2c3d4e5', vip = main] = accountIds.length > 0 ? accountIds : ['a1b2c3d4e5', 'f6e5d4c3b2'];
  const lists = { main: { listId: main, listName: say('Acme Newsletter'), recipientCount: 48_210 }, vip: { listId: vip, listName: say('Acme VIP Customers'), recipientCount: 3_150 } };
  // A few quarter hours of jitter so the schedule does not look machine-made.
  const at = (hours: number): Date => nextQuarterHour(new Date(now + hours * HOUR + Math.floor(random() * 4) * 15 * 60_000));

  SCHEDULED.forEach((s, i) => {
    world.addCampaign({
      ...(i === 1 ? lists.vip : lists.main),
      type: 'plaintext' in s ? 'plaintext' : 'regular',
      status: 'schedule',
      sendAt: at(s.hours),
      title: s.title,
      subjectLine: say(s.subject),
      previewText: s.preview,
      timewarp: 'timewarp' in s,
      batchDelivery: 'batch' in s ? s.batch : null,
    });
  });
  for (const d of DRAFTS) world.addCampaign({ ...lists.main, status: 'save', title: d.title, subjectLine: say(d.subject) });
  for (const s of SENT) world.addCampaign({ ...lists.main, status: 'sent', sendAt: new Date(now - s.hoursAgo * HOUR), title: s.title, subjectLine: say(s.subject) });
  world.addCampaign({ ...lists.main, type: 'rss', status: 'sending', title: 'Blog Roundup (RSS)', subjectLine: say('New on the Acme blog: *|RSSITEM:TITLE|*') });
  world.addCampaign({ ...lists.vip, type: 'rss', status: 'paused', title: 'Product Updates (RSS, paused)', subjectLine: say('What’s new at Acme') });

  world.addAutomation({
    ...lists.main,
    title: 'Welcome Series',
    emails: [{ subjectLine: say('Welcome to Acme!') }, { subjectLine: 'Our story, in 60 seconds', delayDays: 2 }, { subjectLine: '10% off your first order', delayDays: 5 }],
  });
  world.addAutomation({
    ...lists.main,
    title: 'Abandoned Cart',
    workflowType: 'abandonedCart',
    emails: [{ subjectLine: 'You left something behind' }, { subjectLine: 'Still thinking it over?', delayDays: 1 }],
  });
  // A person paused the second email of this one: restore must leave it paused.
  world.addAutomation({
    ...lists.vip,
    title: 'Birthday Rewards',
    workflowType: 'dateAdded',
    emails: [{ subjectLine: 'Happy birthday — a gift inside' }, { subjectLine: 'Your birthday gift expires soon', status: 'paused', delayDays: 7 }],
  });
  // Paused by a person: never listed, never touched.
  world.addAutomation({
    ...lists.main,
    title: 'Win-back (paused)',
    workflowType: 'emailFollowup',
    emails: [{ subjectLine: 'We miss you', status: 'paused' }, { subjectLine: 'A little something to come back', status: 'paused', delayDays: 7 }],
  });
};
