// Brevo adapter: the shared adapter contract on the Brevo simulator, through msw at the network
// edge. Brevo's own edge cases are in brevo-*.test.ts.
import { brevo, type BrevoSettings } from '../../adapters/brevo/adapter.js';
import type { BrevoSimulator } from '../../adapters/brevo/simulator.js';
import type { Simulator } from '../../adapters/kit/simulator/types.js';
import { DAY, HOUR, type ManualClock } from '../support/clock.js';
import { runAdapterContract } from './contract.js';

export const BASE_URL = 'https://api.brevo.com';
export const API_KEY = 'xkeysib-test-0000-not-a-real-key';

/** Scheduled campaigns across lists, plus campaigns that are not live. */
export function seedCampaigns(simulator: Simulator, clock: ManualClock): void {
  const sim = simulator as BrevoSimulator;
  const at = (ms: number) => new Date(clock.now().getTime() + ms);
  sim.world.addCampaign({ name: 'Weekly Digest', subject: 'This week at Acme', status: 'queued', scheduledAt: at(3 * HOUR) });
  sim.world.addCampaign({ name: 'Black Friday', subject: 'Up to 40% off', status: 'queued', scheduledAt: at(DAY), recipients: { lists: [7], exclusionLists: [2] } });
  sim.world.addCampaign({ name: 'A/B: Cyber Monday', status: 'queued', scheduledAt: at(3 * DAY), abTesting: true, subjectA: 'Free shipping', subjectB: 'Shipping on us', splitRule: 20, winnerCriteria: 'open', winnerDelay: 4 });
  sim.world.addCampaign({ name: 'Gift Guide', subject: '48 gifts', status: 'queued', scheduledAt: at(6 * DAY), sendAtBestTime: true });
  // Not live: sent, a draft, suspended by a person, archived.
  sim.world.addCampaign({ name: 'Last week', subject: 'Autumn favourites', status: 'sent', scheduledAt: at(-2 * DAY) });
  sim.world.addCampaign({ name: 'Spring (draft)', subject: 'Spring preview', status: 'draft' });
  sim.world.addCampaign({ name: 'On hold', subject: 'Points waiting', status: 'suspended', scheduledAt: at(2 * DAY) });
  sim.world.addCampaign({ name: 'Old promo', subject: 'Old', status: 'archive' });
}

runAdapterContract<BrevoSettings>({
  adapter: brevo,
  baseUrl: BASE_URL,
  credentials: { apiKey: API_KEY },
  accountIds: [],
  // Small pages so the contract walks offsets.
  settings: { pageSize: 2, rateLimitTier: 'general' },
  seed: seedCampaigns,
});
