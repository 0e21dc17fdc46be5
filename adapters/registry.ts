// The one place that knows the concrete adapters. `src/` reaches platforms only through here.
import type { PlatformAdapter } from './types.js';
import { hootsuite } from './hootsuite/adapter.js';
import { metaAds } from './meta-ads/adapter.js';
import { mailchimp } from './mailchimp/adapter.js';
import { klaviyo } from './klaviyo/adapter.js';

export interface AdapterRegistry {
  get(platform: string): PlatformAdapter | undefined;
  platforms(): string[];
}

export const BUILT_IN_ADAPTERS: readonly PlatformAdapter[] = [
  hootsuite as PlatformAdapter,
  metaAds as PlatformAdapter,
  mailchimp as PlatformAdapter,
  klaviyo as PlatformAdapter,
];

export function createRegistry(adapters: readonly PlatformAdapter[] = BUILT_IN_ADAPTERS): AdapterRegistry {
  const byPlatform = new Map(adapters.map((a) => [a.platform, a]));
  return {
    get: (platform) => byPlatform.get(platform),
    platforms: () => [...byPlatform.keys()],
  };
}
