// What the facebook-pages tests share: the Page, a fake Page token, a connected client on a
// simulator behind msw, and a week of scheduled posts of every shape the adapter re-creates.
import type { SetupServer } from 'msw/node';
import { facebookPages } from '../../adapters/facebook-pages/adapter.js';
import { createFacebookPagesSimulator, type FacebookPagesSimulator } from '../../adapters/facebook-pages/simulator.js';
import type { AdapterClient } from '../../adapters/types.js';
import { HOUR, ManualClock } from '../support/clock.js';
import { routeToSimulator } from '../support/msw.js';
import type { Exchange } from '../specs/openapi-contract.js';

export const BASE_URL = 'https://graph.facebook.com';
/** Obviously fake. */
export const TOKEN = 'EAAFakePageToken0000000000000000001';
export const PAGE = '104180000000001';
export const SETTINGS = { apiVersion: 'v25.0', pageSize: 20 };

/** `count` scheduled posts an hour apart from two hours on, in every re-creatable shape. */
export function seedScheduled(sim: FacebookPagesSimulator, clock: ManualClock, count: number, page = PAGE): string[] {
  const start = Math.floor(clock.now().getTime() / HOUR) * HOUR + 2 * HOUR;
  return Array.from({ length: count }, (_, i) =>
    sim.world.addPost({
      page,
      message: `Scheduled post ${i}`,
      ...(i % 3 === 1 && { link: `https://acme.example/p/${i}` }),
      ...(i % 5 === 2 && { call_to_action: { type: 'LEARN_MORE', value: { link: `https://acme.example/cta/${i}` } } }),
      ...(i % 7 === 3 && { feed_targeting: { geo_locations: { countries: ['CA', 'US'] } } }),
      ...(i % 11 === 4 && { place_id: '110843418940484' }),
      scheduledAt: new Date(start + i * HOUR),
    }),
  );
}

export interface Setup {
  clock: ManualClock;
  sim: FacebookPagesSimulator;
  client: AdapterClient;
  connect(overrides?: { credentials?: Record<string, string>; accountIds?: string[]; settings?: unknown }): AdapterClient;
}

export function setup(server: SetupServer, options: { credentials?: Record<string, string>; record?: Exchange[]; seed?: 'sandbox' | 'empty' } = {}): Setup {
  const clock = new ManualClock();
  const credentials = options.credentials ?? { accessToken: TOKEN };
  const sim = createFacebookPagesSimulator({ clock, credentials, accountIds: [PAGE], seed: options.seed ?? 'empty' });
  routeToSimulator(server, BASE_URL, sim, options.record);
  const connect: Setup['connect'] = (overrides = {}) =>
    facebookPages.connect({
      connectionId: 'facebook-pages-test',
      accountIds: overrides.accountIds ?? [PAGE],
      settings: (overrides.settings ?? SETTINGS) as typeof SETTINGS,
      credentials: overrides.credentials ?? credentials,
      timeoutMs: 2_000,
      clock,
    });
  return { clock, sim, client: connect(), connect };
}
