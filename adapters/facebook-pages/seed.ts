// Realistic sandbox content: a brand's Facebook Page with a week of scheduled posts (text,
// links, calls to action, audience targeting, a place), one scheduled photo post (its image
// served by the simulated CDN; suspended with its bytes), posts already published and drafts
// that must stay untouched. Distinct per Page (so per connection): Acme's and Globex's Pages get
// their own copy; any other Page gets one of them by its id. Deterministic, relative to the clock.
import type { SimulatorSeed } from '../kit/simulator/seed.js';
import type { FacebookPagesWorld, PostInput } from './simulator-world.js';

const HOUR = 3_600_000;
export const ACME_PAGE = '104180000000001';
export const GLOBEX_PAGE = '104180000000002';

interface Brand {
  name: string;
  site: string;
  scheduled: Array<Omit<PostInput, 'page' | 'scheduledAt'>>;
  photo: string;
  published: string[];
  drafts: string[];
}

const ACME: Brand = {
  name: 'Acme',
  site: 'https://acme.example',
  scheduled: [
    { message: 'Meet the Acme Trailblazer 2: lighter frame, longer battery. Pre-orders open Monday.', link: 'https://acme.example/trailblazer-2' },
    { message: 'Five ways to halve your morning routine with the Acme Kettle Pro.', link: 'https://acme.example/blog/kettle-pro-tips' },
    { message: 'We are hiring in Vancouver and remote: join the Acme support team.', link: 'https://acme.example/careers', place_id: '110843418940484' },
    { message: 'Behind the scenes: 10,000 zip cycles for every Acme backpack before it ships.' },
    { message: 'Weekend project: a bird feeder with the Acme Maker Kit. Share yours with #AcmeMakers' },
    { message: 'Spring sale starts Friday: 20% off outdoor gear.', link: 'https://acme.example/sale', call_to_action: { type: 'SHOP_NOW', value: { link: 'https://acme.example/sale' } } },
    { message: 'Live Q&A with the Acme design team, Thursday 5pm PT.', call_to_action: { type: 'LEARN_MORE', value: { link: 'https://acme.example/live' } } },
    { message: 'Pour nos clients au Canada : la livraison est gratuite cette semaine.', feed_targeting: { geo_locations: { countries: ['CA'] }, locales: [1003] } },
    { message: 'Thank you to the 250 volunteers at last weekend’s shoreline clean-up.' },
    { message: 'Tip of the week: descale your Acme Kettle every 4 weeks.', targeting: { geo_locations: { countries: ['US', 'CA'] } } },
  ],
  photo: 'The new Trailblazer 2 colours, photographed on the North Shore.',
  published: ['Our sustainability report is out: 68% recycled packaging this year.', 'Happy Friday! What are you building this weekend?'],
  drafts: ['DRAFT — holiday gift guide copy, waiting for legal review.', 'DRAFT — recall FAQ (do not publish).'],
};

const GLOBEX: Brand = {
  name: 'Globex',
  site: 'https://globex.example',
  scheduled: [
    { message: 'Globex Q4 product keynote: watch live on Tuesday at 10am ET.', link: 'https://globex.example/keynote', call_to_action: { type: 'WATCH_MORE', value: { link: 'https://globex.example/keynote' } } },
    { message: 'New Globex Home Hub firmware brings energy reports to every room.', link: 'https://globex.example/hub-firmware' },
    { message: 'Customer story: how Harbor Logistics cut downtime 30% with Globex sensors.', link: 'https://globex.example/stories/harbor' },
    { message: 'Globex engineers will be at CES booth 4411. Come say hello!', place_id: '108424279189115' },
    { message: 'Webinar: securing smart buildings end to end.', link: 'https://globex.example/webinar', call_to_action: { type: 'SIGN_UP', value: { link: 'https://globex.example/webinar' } } },
    { message: 'UK customers: Globex support now answers 24/7 by chat.', feed_targeting: { geo_locations: { countries: ['GB'] } }, place_id: '106078429431815' },
    { message: 'Throwback: the very first Globex thermostat, 1998.' },
    { message: 'Holiday hours for Globex support are now online.', link: 'https://globex.example/support/hours' },
  ],
  photo: 'Inside the new Globex assembly line in Columbus.',
  published: ['Globex named a top workplace for the third year running.', 'Our annual community grants are open for applications.'],
  drafts: ['DRAFT — pricing change announcement (embargoed).'],
};

function brandOf(pageId: string): Brand {
  if (pageId === ACME_PAGE) return ACME;
  if (pageId === GLOBEX_PAGE) return GLOBEX;
  const sum = [...pageId].reduce((s, d) => s + Number(d), 0);
  return sum % 2 === 0 ? ACME : GLOBEX;
}

export const seedFacebookPages: SimulatorSeed<FacebookPagesWorld> = (world, { clock, accountIds, random }) => {
  const pages = accountIds.length > 0 ? accountIds.filter((id) => /^\d+$/.test(id)) : [ACME_PAGE];
  const now = clock.now().getTime();
  const top = Math.floor(now / HOUR) * HOUR;
  for (const page of pages) {
    const brand = brandOf(page);
    world.addPage(page, brand.name, 'Product/service');
    // A week ahead, from two hours on, at whole hours (and a few minutes past, as people do).
    brand.scheduled.forEach((post, i) => {
      const hours = 2 + Math.floor((i * 7 * 24) / brand.scheduled.length) + Math.floor(random() * 6);
      world.addPost({ ...post, page, scheduledAt: new Date(top + hours * HOUR + Math.floor(random() * 4) * 15 * 60_000) });
    });
    world.addPost({ page, message: brand.photo, media: 'photo', scheduledAt: new Date(top + 30 * HOUR) });
    brand.published.forEach((message, i) => world.addPost({ page, message, link: `${brand.site}/news/${i + 1}`, published: true }));
    brand.drafts.forEach((message) => world.addPost({ page, message, published: false }));
  }
};
