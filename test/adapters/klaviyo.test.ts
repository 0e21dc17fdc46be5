// Klaviyo: the shared adapter contract, run on the Klaviyo simulator through msw at the network
// edge, with Klaviyo's own rate limits in force in the client (no configured rate).
import { klaviyo, type KlaviyoSettings } from '../../adapters/klaviyo/adapter.js';
import type { KlaviyoSimulator } from '../../adapters/klaviyo/simulator.js';
import { runAdapterContract } from './contract.js';
import { API_KEY, BASE_URL, seedWeek } from './klaviyo-fixture.js';

runAdapterContract<KlaviyoSettings>({
  adapter: klaviyo,
  baseUrl: BASE_URL,
  credentials: { apiKey: API_KEY },
  accountIds: [],
  settings: { pageSize: 2, revision: '2026-07-15' },
  seed: (simulator, clock) => seedWeek(simulator as KlaviyoSimulator, clock),
});
