// Realistic sandbox content for `npm start`: a brand's week in Buffer, per connection. Each
// connection names its Buffer organization (its account ids); Acme's and Globex's organizations
// get their own channels and copy, any other id a generic brand. Live posts (scheduled, earliest
// two hours ahead) and what must stay untouched: posts sent last week, drafts, one waiting for
// approval, and a TikTok queue a person paused. Deterministic and relative to the clock.
import type { SimulatorSeed } from '../kit/simulator/seed.js';
import type { AssetInput, CreateInput, MetadataInput } from './schemas.js';
import type { BufferWorld, SimChannel } from './simulator-world.js';

/** The organizations of the sandbox connections buffer-acme and buffer-globex. */
export const ACME_ORG = '64b7f0c2a1e4d3b2c1a0f001';
export const GLOBEX_ORG = '64b7f0c2a1e4d3b2c1a0f002';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Brand {
  name: string;
  site: string;
  channels: Array<{ service: string; name: string; type: string }>;
  copy: string[];
}

const BRANDS: Record<string, Brand> = {
  [ACME_ORG]: {
    name: 'Acme',
    site: 'acme.example',
    channels: [
      { service: 'instagram', name: 'acme', type: 'business' },
      { service: 'facebook', name: 'Acme', type: 'page' },
      { service: 'linkedin', name: 'Acme Inc.', type: 'page' },
      { service: 'twitter', name: 'acme', type: 'profile' },
    ],
    copy: [
      'Meet the Acme Trailblazer 2: lighter frame, longer battery. Pre-orders open Monday.',
      'Behind the scenes: every Acme backpack is tested for 10,000 zip cycles before it ships.',
      'Our spring sale starts Friday: 20% off outdoor gear, free shipping over $50.',
      'Join our live Q&A with the Acme design team this Thursday at 5pm ET.',
      'Tip of the week: descale your Acme Kettle every 4 weeks for the best-tasting tea.',
      'We are hiring! Join the Acme support team, remote or in Toronto.',
      'Customer story: how Riverside Café runs its kitchen on Acme appliances.',
    ],
  },
  [GLOBEX_ORG]: {
    name: 'Globex',
    site: 'globex.example',
    channels: [
      { service: 'linkedin', name: 'Globex Corporation', type: 'page' },
      { service: 'instagram', name: 'globex', type: 'business' },
      { service: 'threads', name: 'globex', type: 'profile' },
      { service: 'mastodon', name: 'globex@mastodon.example', type: 'profile' },
    ],
    copy: [
      'Globex Q4 outlook: three new plants, one mission — cleaner energy for every city.',
      'Inside Globex R&D: the fusion test cell reached 12 minutes of stable output.',
      'Globex is a Great Place to Work for the fifth year running. Thank you, team.',
      'Webinar Tuesday: grid storage at scale, with Globex chief engineer Hank Scorpio.',
      'Our sustainability report is out: 41% fewer emissions per megawatt since 2022.',
      'Globex volunteers planted 3,000 trees in Cypress Creek this weekend.',
      'Now hiring field engineers in Cypress Creek, Oslo and Osaka.',
    ],
  },
};

function brandOf(organizationId: string): Brand {
  return BRANDS[organizationId] ?? { ...BRANDS[ACME_ORG]!, name: `Brand ${organizationId.slice(-4)}`, site: 'brand.example' };
}

export const seedBuffer: SimulatorSeed<BufferWorld> = (world, { clock, accountIds, random }) => {
  const orgIds = accountIds.length > 0 ? accountIds : [ACME_ORG];
  // Distinct ids per connection: from the organization id's last digits.
  world.startIdsAt(1 + (parseInt(orgIds[0]!.slice(-4), 16) % 4096) * 0x10000);
  for (const organizationId of orgIds) {
    const brand = brandOf(organizationId);
    // Named after the brand (the organization may exist already, generically named, from the account ids).
    world.addOrganization({ id: organizationId, name: brand.name, ownerEmail: `social@${brand.site}` });
    const channels = brand.channels.map((c) => world.addChannel({ organizationId, service: c.service, name: c.name, displayName: brand.name, type: c.type }));
    const now = clock.now().getTime();
    const midnight = Math.floor(now / DAY) * DAY;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

    // The week ahead: two posts a day, 13:00–22:45 UTC on quarter hours, the earliest 2 h ahead.
    for (let i = 0; i < 14; i++) {
      let at = midnight + Math.floor(i / 2) * DAY + (13 + Math.floor(random() * 10)) * HOUR + Math.floor(random() * 4) * 15 * 60_000;
      while (at < now + 2 * HOUR) at += DAY;
      const channel = channels[i % channels.length]!;
      world.addPost({ ...content(channel, pick(brand.copy), brand, random), status: 'scheduled', dueAt: new Date(at).toISOString() });
    }
    // Untouched: sent last week, drafts, one waiting for a person's approval.
    for (let i = 0; i < 3; i++) {
      const channel = channels[i % channels.length]!;
      world.addPost({ ...content(channel, brand.copy[i]!, brand, random), status: 'sent', dueAt: new Date(midnight - (i + 1) * DAY + 15 * HOUR).toISOString() });
    }
    for (const text of [`Draft: ${brand.name} holiday campaign teaser`, `Draft: ${brand.name} product recall FAQ (legal to review)`]) {
      world.addPost({ ...content(channels[2]!, text, brand, random), status: 'draft', dueAt: null });
    }
    world.addPost({ ...content(channels[0]!, `${brand.name} statement on the shipping delay. Needs approval.`, brand, random), status: 'needs_approval', dueAt: new Date(midnight + 3 * DAY + 17 * HOUR).toISOString() });
    // A TikTok queue a person paused: its scheduled posts will not go out, so they are not ours.
    const tiktok = world.addChannel({ organizationId, service: 'tiktok', name: brand.name.toLowerCase(), displayName: brand.name, type: 'business', isQueuePaused: true });
    for (let i = 0; i < 2; i++) {
      world.addPost({ ...content(tiktok, pick(brand.copy), brand, random), status: 'scheduled', dueAt: new Date(midnight + (i + 2) * DAY + 19 * HOUR).toISOString() });
    }
  }
};

/** Per network: Instagram always carries an image and a type, Facebook sometimes a link, LinkedIn a first comment. */
function content(channel: SimChannel, text: string, brand: Brand, random: () => number): CreateInput {
  const image = (n: number): AssetInput => ({ image: { url: `https://media.${brand.site}/social/${n}.jpg`, metadata: { altText: `${brand.name} photo ${n}` } } });
  const input: CreateInput = { channelId: channel.id, text, schedulingType: 'automatic', assets: [] };
  const metadata: MetadataInput = {};
  if (channel.service === 'instagram') {
    input.assets = [image(Math.floor(random() * 900) + 100)];
    metadata.instagram = { type: 'post', shouldShareToFeed: true, ...(random() < 0.5 && { firstComment: `#${brand.name} #new` }) };
  } else if (channel.service === 'tiktok') {
    input.assets = [{ video: { url: `https://media.${brand.site}/social/clip-${Math.floor(random() * 90) + 10}.mp4` } }];
    metadata.tiktok = { title: `${brand.name} in 30 seconds` };
  } else if (channel.service === 'facebook' && random() < 0.5) {
    metadata.facebook = { type: 'post', linkAttachment: { url: `https://${brand.site}/news`, title: `${brand.name} news`, description: 'Read more on our site.' } };
  } else if (channel.service === 'linkedin' && random() < 0.5) {
    metadata.linkedin = { firstComment: `More at https://${brand.site}` };
  } else if (random() < 0.3) {
    input.assets = [image(Math.floor(random() * 900) + 100)];
  }
  if (Object.keys(metadata).length > 0) input.metadata = metadata;
  return input;
}
