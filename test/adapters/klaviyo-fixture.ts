// What the Klaviyo tests share: the real host msw intercepts, an obviously fake private key, and a
// connected client on the manual clock.
import type { KlaviyoSettings } from '../../adapters/klaviyo/adapter.js';
import { klaviyo } from '../../adapters/klaviyo/adapter.js';
import type { KlaviyoSimulator } from '../../adapters/klaviyo/simulator.js';
import type { AdapterClient, LimitWait } from '../../adapters/types.js';
import { HOUR, type ManualClock } from '../support/clock.js';

export const BASE_URL = 'https://a.klaviyo.com';
export const API_KEY = 'pk_fake_test_0123456789abcdef0123456789';

export const at = (clock: ManualClock, hours: number): Date => new Date(clock.now().getTime() + hours * HOUR);

export function connect(clock: ManualClock, over: { apiKey?: string; settings?: unknown; fast?: boolean; onWait?: (w: LimitWait) => void } = {}): AdapterClient {
  return klaviyo.connect({
    connectionId: 'klaviyo-test',
    accountIds: [],
    settings: (over.settings ?? {}) as KlaviyoSettings,
    credentials: { apiKey: over.apiKey ?? API_KEY },
    timeoutMs: 2_000,
    clock,
    // Tests raise the rate: Klaviyo's own tiers are tested in klaviyo-limits.test.ts.
    ...(over.fast !== false && { limits: { requestsPerSecond: 1000 } }),
    ...(over.onWait && { onWait: over.onWait }),
  });
}

/** A week of a brand's email: scheduled campaigns and live flows, and what must stay untouched. */
export function seedWeek(sim: KlaviyoSimulator, clock: ManualClock): void {
  const { world } = sim;
  world.addCampaign({ name: 'Weekly digest', sendAt: at(clock, 5) });
  world.addCampaign({ name: 'Winter sale', sendAt: at(clock, 30), strategy: { method: 'throttled', throttlePercentage: 20 } });
  world.addCampaign({ name: 'Local time launch', sendAt: at(clock, 52), strategy: { method: 'static', isLocal: true, sendPastRecipientsImmediately: true } });
  world.addCampaign({ name: 'Draft', status: 'Draft', sendAt: null });
  world.addCampaign({ name: 'Already sent', status: 'Sent', sendAt: at(clock, -20) });
  world.addCampaign({ name: 'Cancelled', status: 'Cancelled', sendAt: at(clock, 10) });
  world.addFlow({ name: 'Welcome series', triggerType: 'Added to List' });
  world.addFlow({ name: 'Abandoned cart' });
  world.addFlow({ name: 'Win-back (paused by a person)', status: 'manual' });
  world.addFlow({ name: 'Birthday (draft)', status: 'draft', triggerType: 'Date Based' });
}
