// Brevo adapter: the shared adapter contract on the Brevo simulator, through msw at the network
// edge. Brevo's own edge cases are in brevo-*.test.ts.
import { brevo, type BrevoSettings } from '../../adapters/brevo/adapter.js';
import { API_KEY, BASE_URL, seedCampaigns } from './brevo-fixture.js';
import { runAdapterContract } from './contract.js';

runAdapterContract<BrevoSettings>({
  adapter: brevo,
  baseUrl: BASE_URL,
  credentials: { apiKey: API_KEY },
  accountIds: [],
  // Small pages so the contract walks offsets.
  settings: { pageSize: 2, rateLimitTier: 'general' },
  seed: seedCampaigns,
});
