// What the google-ads tests share: fake credentials (never real), customers, and a connected
// client on a simulator routed through msw at the network edge.
import type { SetupServer } from 'msw/node';
import { googleAds, type GoogleAdsSettings } from '../../adapters/google-ads/adapter.js';
import { createGoogleAdsSimulator, type GoogleAdsSimulator } from '../../adapters/google-ads/simulator.js';
import type { AdapterClient, LimitWait } from '../../adapters/types.js';
import type { Exchange } from '../specs/openapi-contract.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator } from '../support/msw.js';

export const BASE_URL = 'https://googleads.googleapis.com';
/** Google's token endpoint is another host; tests point it at the simulator, which plays both. */
export const TOKEN_URL = `${BASE_URL}/token`;
export const CREDENTIALS = {
  developerToken: 'fake-dev-token-DO-NOT-USE-0001',
  clientId: 'fake-client-0001.apps.googleusercontent.com',
  clientSecret: 'fake-client-secret-0001',
  refreshToken: 'fake-refresh-token-0001',
};
export const CUSTOMERS = ['123-456-7890', '2345678901']; // the first written with dashes, as the UI shows it

export interface Setup {
  clock: ManualClock;
  sim: GoogleAdsSimulator;
  client: AdapterClient;
  waits: LimitWait[];
  connect(settings?: Partial<GoogleAdsSettings>, credentials?: Record<string, string>): AdapterClient;
}

export function setUp(server: SetupServer, settings: Partial<GoogleAdsSettings> = {}, exchanges?: Exchange[]): Setup {
  const clock = new ManualClock();
  const sim = createGoogleAdsSimulator({ clock, credentials: CREDENTIALS, accountIds: CUSTOMERS, seed: 'empty' });
  routeToSimulator(server, BASE_URL, sim, exchanges);
  const waits: LimitWait[] = [];
  const connect = (more: Partial<GoogleAdsSettings> = {}, credentials: Record<string, string> = CREDENTIALS): AdapterClient =>
    googleAds.connect({
      connectionId: 'google-ads-test',
      accountIds: CUSTOMERS,
      settings: googleAds.settingsSchema.parse({ oauthTokenUrl: TOKEN_URL, ...settings, ...more }),
      credentials,
      timeoutMs: 2_000,
      clock,
      onWait: (wait) => waits.push(wait),
    });
  return { clock, sim, client: connect(), waits, connect };
}
