// What the Brevo tests share: the base URL, an obviously fake key, a seeded world, a connect helper.
import { brevo, type BrevoSettings } from '../../adapters/brevo/adapter.js';
import type { BrevoSimulator } from '../../adapters/brevo/simulator.js';
import type { Simulator } from '../../adapters/kit/simulator/types.js';
import type { AdapterClient, AdapterContext, LimitWait } from '../../adapters/types.js';
import { DAY, HOUR, type ManualClock } from '../support/clock.js';

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

export interface ConnectOptions {
  settings?: Partial<BrevoSettings> | Record<string, unknown>;
  apiKey?: string;
  accountIds?: string[];
  limits?: AdapterContext<unknown>['limits'];
  waits?: LimitWait[];
}

export function connectBrevo(clock: ManualClock, options: ConnectOptions = {}): AdapterClient {
  return brevo.connect({
    connectionId: 'brevo-test',
    accountIds: options.accountIds ?? [],
    settings: { pageSize: 50, rateLimitTier: 'general', ...options.settings } as BrevoSettings,
    credentials: { apiKey: options.apiKey ?? API_KEY },
    timeoutMs: 2_000,
    clock,
    // Tests go faster than Brevo's 5/s spread; the hourly limit stays.
    limits: options.limits ?? { requestsPerSecond: 1000 },
    ...(options.waits && { onWait: (wait: LimitWait) => options.waits!.push(wait) }),
  });
}
