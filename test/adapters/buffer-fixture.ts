// What the Buffer tests share: the real base URL, a fake API key, an organization with channels
// on several networks, and a world of live and not-live posts.
import { buffer, type BufferSettings } from '../../adapters/buffer/adapter.js';
import type { BufferSimulator } from '../../adapters/buffer/simulator.js';
import type { SimChannel } from '../../adapters/buffer/simulator-world.js';
import type { Simulator } from '../../adapters/kit/simulator/types.js';
import type { AdapterClient } from '../../adapters/types.js';
import { HOUR, MINUTE, type ManualClock } from '../support/clock.js';

export const BASE_URL = 'https://api.buffer.com';
/** Obviously fake: never a real key. */
export const API_KEY = 'buf_test_key_not_a_secret_7f3a9c';
export const ORG = '64b7f0c2a1e4d3b2c1a0f0aa';
export const SETTINGS: BufferSettings = { plan: 'team', pageSize: 10, channelIds: [] };

export interface Channels {
  instagram: SimChannel;
  facebook: SimChannel;
  linkedin: SimChannel;
  twitter: SimChannel;
  paused: SimChannel;
}

export function addChannels(sim: BufferSimulator): Channels {
  const w = sim.world;
  return {
    instagram: w.addChannel({ organizationId: ORG, service: 'instagram', name: 'acme', type: 'business' }),
    facebook: w.addChannel({ organizationId: ORG, service: 'facebook', name: 'Acme', type: 'page' }),
    linkedin: w.addChannel({ organizationId: ORG, service: 'linkedin', name: 'Acme Inc.', type: 'page' }),
    twitter: w.addChannel({ organizationId: ORG, service: 'twitter', name: 'acme', type: 'profile' }),
    paused: w.addChannel({ organizationId: ORG, service: 'tiktok', name: 'acme', type: 'business', isQueuePaused: true }),
  };
}

/** `live` scheduled posts over the channels (more than a bulk), plus posts that are not live. */
export function seedPosts(simulator: Simulator, clock: ManualClock, live = 30): Channels {
  const sim = simulator as BufferSimulator;
  const c = addChannels(sim);
  const now = clock.now().getTime();
  const at = (ms: number) => new Date(Math.floor((now + ms) / MINUTE) * MINUTE).toISOString();
  const image = (n: number) => ({ image: { url: `https://media.acme.example/${n}.jpg`, metadata: { altText: `photo ${n}` } } });
  for (let i = 0; i < live; i++) {
    const dueAt = at(2 * HOUR + i * 3 * HOUR);
    switch (i % 4) {
      case 0:
        sim.world.addPost({ channelId: c.instagram.id, text: `Instagram ${i}`, schedulingType: i % 8 === 0 ? 'notification' : 'automatic', assets: [image(i)], metadata: { instagram: { type: 'post', shouldShareToFeed: true, firstComment: '#acme' } }, status: 'scheduled', dueAt });
        break;
      case 1:
        sim.world.addPost({ channelId: c.facebook.id, text: `Facebook ${i}`, schedulingType: 'automatic', assets: [], metadata: { facebook: { type: 'post', linkAttachment: { url: 'https://acme.example/news', title: 'News', description: 'Read more' } } }, status: 'scheduled', dueAt });
        break;
      case 2:
        sim.world.addPost({ channelId: c.linkedin.id, text: `LinkedIn ${i}`, schedulingType: 'automatic', assets: [{ document: { url: 'https://media.acme.example/deck.pdf', title: 'Deck', thumbnailUrl: 'https://media.acme.example/deck.jpg' } }], tagIds: ['64b7f0c2a1e4d3b2c1a0fa01'], metadata: { linkedin: { firstComment: 'More soon' } }, status: 'scheduled', dueAt });
        break;
      default:
        sim.world.addPost({ channelId: c.twitter.id, text: `X ${i}`, schedulingType: 'automatic', assets: [{ video: { url: `https://media.acme.example/${i}.mp4` } }], status: 'scheduled', dueAt });
    }
  }
  // Not live: sent, a draft, waiting for approval, and scheduled on a queue a person paused.
  sim.world.addPost({ channelId: c.twitter.id, text: 'Sent last week', schedulingType: 'automatic', assets: [], status: 'sent', dueAt: at(-2 * 24 * HOUR) });
  sim.world.addPost({ channelId: c.linkedin.id, text: 'A draft', schedulingType: 'automatic', assets: [], status: 'draft', dueAt: null });
  sim.world.addPost({ channelId: c.facebook.id, text: 'Needs approval', schedulingType: 'automatic', assets: [], status: 'needs_approval', dueAt: at(5 * HOUR) });
  sim.world.addPost({ channelId: c.paused.id, text: 'Held by a person', schedulingType: 'automatic', assets: [{ video: { url: 'https://media.acme.example/clip.mp4' } }], metadata: { tiktok: { title: 'clip' } }, status: 'scheduled', dueAt: at(6 * HOUR) });
  return c;
}

export const connect = (clock: ManualClock, settings: Partial<BufferSettings> = {}, key = API_KEY, accountIds = [ORG]): AdapterClient =>
  buffer.connect({ connectionId: 'buffer-test', accountIds, settings: { ...SETTINGS, ...settings }, credentials: { apiKey: key }, timeoutMs: 2_000, clock });
