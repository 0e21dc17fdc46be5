// What the TikTok ads tests share: the vendor's base URL, fake credentials, advertisers, and a
// connected client on a simulator routed through msw.
import type { SetupServer } from 'msw/node';
import { tiktokAds, type TiktokAdsSettings } from '../../adapters/tiktok-ads/adapter.js';
import { createTiktokAdsSimulator, type TiktokAdsSimulator } from '../../adapters/tiktok-ads/simulator.js';
import type { AdapterClient, AdapterContext } from '../../adapters/types.js';
import type { Exchange } from '../specs/openapi-contract.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator } from '../support/msw.js';

export const BASE_URL = 'https://business-api.tiktok.com';
/** obviously fake */
export const TOKEN = 'fake-tiktok-token-0c7e9a1b2d3f';
export const ADVERTISERS = ['7301000000000000001', '7302000000000000003'];
export const SETTINGS: TiktokAdsSettings = { environment: 'production', rateLevel: 'basic', pageSize: 20 };

export interface Rig {
  clock: ManualClock;
  sim: TiktokAdsSimulator;
  client: AdapterClient;
  connect(over?: Partial<AdapterContext<TiktokAdsSettings>>): AdapterClient;
}

export function rig(server: SetupServer, options: { exchanges?: Exchange[]; seed?: 'sandbox' | 'empty' } = {}): Rig {
  const clock = new ManualClock();
  const sim = createTiktokAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: ADVERTISERS, seed: options.seed ?? 'empty' });
  routeToSimulator(server, BASE_URL, sim, options.exchanges);
  const connect = (over: Partial<AdapterContext<TiktokAdsSettings>> = {}): AdapterClient =>
    tiktokAds.connect({ connectionId: 'tiktok-test', accountIds: ADVERTISERS, settings: SETTINGS, credentials: { accessToken: TOKEN }, timeoutMs: 2_000, clock, ...over });
  return { clock, sim, client: connect(), connect };
}
