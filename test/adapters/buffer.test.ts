// Buffer adapter: the shared contract on Buffer's simulator, through msw at the network edge.
// Buffer's own edge cases are in buffer-*.test.ts.
import { buffer, type BufferSettings } from '../../adapters/buffer/adapter.js';
import { runAdapterContract } from './contract.js';
import { API_KEY, BASE_URL, ORG, seedPosts, SETTINGS } from './buffer-fixture.js';

runAdapterContract<BufferSettings>({
  adapter: buffer,
  baseUrl: BASE_URL,
  credentials: { apiKey: API_KEY },
  accountIds: [ORG],
  // Small pages so the contract walks Buffer's cursors.
  settings: SETTINGS,
  seed: (simulator, clock) => void seedPosts(simulator, clock),
});
