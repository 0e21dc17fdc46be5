// Realistic sandbox content for `npm start`: the brand's (Acme's, or Globex's) social profiles and about nine weeks of
// scheduled messages (so listing walks several 4-week windows), a few already sent, two waiting
// for approval and one rejected. Deterministic (the context's random numbers) and relative to
// the clock. The kit's one seeding signature: seed(world, {clock, accountIds, random}).
import { rebrandJson, type SimulatorSeed } from '../kit/simulator/seed.js';
import type { JsonObject } from '../types.js';
import { thumbnailOf } from './simulator-create.js';
import type { ProfileType } from './simulator-world-data.js';
import type { HootsuiteWorld, SimMessage, SimProfile } from './simulator-world.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SCHEDULED_COUNT = 48;
const SPREAD_DAYS = 63;

const OWN_PROFILES: SimProfile[] = [
  profile('115185509', 'FACEBOOKPAGE', '177463958820', 'Acme', 'https://www.facebook.com/177463958820'),
  profile('115185510', 'TWITTER', '1261768027', 'acme', 'https://x.com/acme'),
  profile('115185511', 'LINKEDINCOMPANY', '2414183', 'Acme Inc.', 'https://www.linkedin.com/company/acme'),
  profile('115185512', 'INSTAGRAMBUSINESS', '17841400008460056', 'acme', 'https://www.instagram.com/acme'),
];

const COPY = [
  'Meet the Acme Trailblazer 2: lighter frame, longer battery, same lifetime warranty. Pre-orders open Monday.',
  'Five ways our customers cut their morning routine in half with the Acme Kettle Pro. Number 3 surprised us too.',
  'We are hiring! Join the Acme support team in Vancouver or remote. Apply at acme.example/careers',
  'Behind the scenes: how we test every Acme backpack for 10,000 zip cycles before it ships.',
  'Weekend project idea: build a bird feeder with the Acme Maker Kit. Share yours with #AcmeMakers',
  'Our spring sale starts Friday: 20% off outdoor gear, free shipping over $50. Set a reminder!',
  'Customer story: how Riverside Café runs its whole kitchen on Acme appliances.',
  'Join our live Q&A with the Acme design team this Thursday at 5pm PT. Bring your questions.',
  'New in the Acme app: track your orders and warranty in one place. Update now.',
  'Thank you to the 250 volunteers who joined the Acme shoreline clean-up last weekend.',
  'Tip of the week: descale your Acme Kettle every 4 weeks for the best-tasting tea.',
  'The Acme Trailblazer 2 review round-up: "the best commuter bike under $1,000".',
  'Only 3 days left to enter the #AcmeMakers contest. Winners get a full Maker Kit bundle.',
  'Our sustainability report is out: 68% recycled packaging this year, 90% is next year’s goal.',
  'Webinar: Scaling customer support without losing the personal touch. Register at acme.example/webinar',
  'Happy Friday! What are you building this weekend? Tell us below.',
];

const TAGS = [['spring-launch'], ['hiring'], ['community'], ['product', 'spring-launch'], ['webinar']];

/**
 * The social profiles behind configured account ids: they exist whatever the seed (accounts are
 * not items), with networks taken in turn from Acme's own set.
 */
export function profilesFor(accountIds: readonly string[]): SimProfile[] {
  return accountIds.map((id, i) => ({ ...OWN_PROFILES[i % OWN_PROFILES.length]!, id }));
}

export const seedHootsuite: SimulatorSeed<HootsuiteWorld> = (world, { clock, random, brand }) => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  if (world.profiles().length === 0) for (const p of OWN_PROFILES) world.addProfile(rebrandJson(p, brand));
  // Written for Acme, said of the connection's brand.
  const addMessage = (m: Parameters<HootsuiteWorld['addMessage']>[0]) => world.addMessage(rebrandJson(m, brand));
  const profiles = world.profiles();

  const now = clock.now().getTime();
  const earliest = now + 2 * HOUR;
  const midnight = Math.floor(now / DAY) * DAY;

  for (let i = 0; i < SCHEDULED_COUNT; i++) {
    const day = Math.floor((i * SPREAD_DAYS) / SCHEDULED_COUNT);
    // Business hours in North America: 14:00–23:45 UTC, on quarter hours.
    let at = midnight + day * DAY + (14 + Math.floor(random() * 10)) * HOUR + Math.floor(random() * 4) * 15 * 60_000;
    while (at < earliest) at += DAY;
    const p = profiles[i % profiles.length]!;
    addMessage({ ...content(p, pick(COPY), random, pick), profileId: p.id, state: 'SCHEDULED', scheduledSendTime: iso(at) });
  }

  // Already sent last week: never live, never touched.
  for (let i = 0; i < 6; i++) {
    const p = profiles[i % profiles.length]!;
    const at = midnight - (i + 1) * DAY + 16 * HOUR;
    addMessage({ ...content(p, COPY[i]!, random, pick), profileId: p.id, state: 'SENT', scheduledSendTime: iso(at) });
  }

  // Waiting for a person's approval, and one that a reviewer rejected: not live.
  const reviewer = [{ id: '22421144', type: 'MEMBER' }];
  const first = profiles[0]!;
  const third = profiles[2 % profiles.length]!;
  addMessage({
    profileId: first.id,
    state: 'PENDING_APPROVAL',
    text: 'Draft: our statement on the Trailblazer 2 shipping delay. Needs legal review before it goes out.',
    scheduledSendTime: iso(midnight + 3 * DAY + 17 * HOUR),
    sequenceNumber: 1,
    reviewers: reviewer,
  });
  addMessage({
    profileId: third.id,
    state: 'PENDING_APPROVAL',
    text: 'Acme Q3 results: record growth in outdoor gear. Full report at acme.example/investors',
    scheduledSendTime: iso(midnight + 9 * DAY + 15 * HOUR),
    sequenceNumber: 2,
    reviewers: reviewer,
  });
  addMessage({
    profileId: first.id,
    state: 'REJECTED',
    text: 'Flash sale!!! Everything must go!!!',
    scheduledSendTime: iso(midnight + 5 * DAY + 18 * HOUR),
    sequenceNumber: null,
    reviewers: reviewer,
  });
};

type Content = Omit<SimMessage, 'id' | 'socialProfile' | 'state' | 'scheduledSendTime'>;

/** Per-network touches: Instagram always carries media, Facebook may target countries. */
function content(p: SimProfile, text: string, random: () => number, pick: <T>(list: readonly T[]) => T): Content {
  const out: Content = { text };
  if (random() < 0.4) out.tags = pick(TAGS);
  if (p.type === 'INSTAGRAMBUSINESS') {
    out.media = [{ id: Buffer.from(`https://media.acme.example/ig/${Math.floor(random() * 1e6)}.jpg`).toString('base64') }];
  } else if (random() < 0.3) {
    const url = `http://static.ow.ly/photos/normal/${Math.floor(random() * 36 ** 4).toString(36)}.jpg`;
    out.mediaUrls = [{ url, thumbnailUrl: thumbnailOf(url) }];
  }
  if (p.type === 'FACEBOOKPAGE' && random() < 0.5) {
    const targeting: JsonObject = { facebookPage: { countries: [{ k: 'Canada', v: 'CA' }, { k: 'United States', v: 'US' }] } };
    out.targeting = targeting;
  }
  if (p.type === 'TWITTER' && random() < 0.3) out.location = { latitude: 49.2827, longitude: -123.1207 };
  if (random() < 0.2) out.webhookUrls = ['https://hooks.acme.example/hootsuite'];
  if (random() < 0.1) out.emailNotification = true;
  return out;
}

function profile(id: string, type: ProfileType, socialNetworkId: string, username: string, externalURL: string): SimProfile {
  return { id, type, socialNetworkId, socialNetworkUsername: username, externalURL };
}

function iso(at: number): string {
  return new Date(at).toISOString().replace(/\.000Z$/, 'Z');
}
