// The one place that knows the concrete adapters. `src/` reaches platforms only through here.
import type { PlatformAdapter } from './types.js';
import { hootsuite } from './hootsuite/adapter.js';
import { metaAds } from './meta-ads/adapter.js';
import { mailchimp } from './mailchimp/adapter.js';
import { linkedInAds } from './linkedin-ads/adapter.js';
import { facebookPages } from './facebook-pages/adapter.js';
import { sendgrid } from './sendgrid/adapter.js';
import { tiktokAds } from './tiktok-ads/adapter.js';
import { brevo } from './brevo/adapter.js';
import { buffer } from './buffer/adapter.js';
import { googleAds } from './google-ads/adapter.js';
import { klaviyo } from './klaviyo/adapter.js';

export interface AdapterRegistry {
  get(platform: string): PlatformAdapter | undefined;
  platforms(): string[];
}

export const BUILT_IN_ADAPTERS: readonly PlatformAdapter[] = [
  hootsuite as PlatformAdapter,
  metaAds as PlatformAdapter,
  mailchimp as PlatformAdapter,
  linkedInAds as PlatformAdapter,
  facebookPages as PlatformAdapter,
  sendgrid as PlatformAdapter,
  tiktokAds as PlatformAdapter,
  brevo as PlatformAdapter,
  buffer as PlatformAdapter,
  googleAds as PlatformAdapter,
  klaviyo as PlatformAdapter,
];

export function createRegistry(adapters: readonly PlatformAdapter[] = BUILT_IN_ADAPTERS): AdapterRegistry {
  const byPlatform = new Map(adapters.map((a) => [a.platform, a]));
  return {
    get: (platform) => byPlatform.get(platform),
    platforms: () => [...byPlatform.keys()],
  };
}
