// A stateful in-memory Graph Marketing API for campaigns (tests, the sandbox, the benchmark), on
// the kit's simulator builder: real paths, fields, cursor paging, batch requests, Graph error
// shapes, OAuth and appsecret_proof errors, the ad account's points limit of the app's access
// tier (blocking as Meta does), the hourly Business Use Case budget, and Meta's throttle signals.
import type { Hono } from 'hono';
import { buildSimulator, type BuiltSimulator, type SimulatorTools } from '../kit/simulator/build-simulator.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { ACCESS_TIERS } from './adapter-settings.js';
import { seedMetaAds } from './seed.js';
import { authenticate, paramsOf } from './simulator-auth.js';
import {
  adAccountThrottled,
  bucThrottled,
  bucUsageHeader,
  graphErrorResponse,
  INJECTED_REGAIN_MINUTES,
  pointsThrottled,
  common,
} from './simulator-errors.js';
import { graphApp } from './simulator-routes.js';
import { MetaAdsWorld } from './simulator-world.js';

export type MetaAdsSimulator = BuiltSimulator<MetaAdsWorld>;

/**
 * The signals a `rate-limit` fault may play (its `variant`). Meta throttles mostly in the JSON
 * body: `buc` 80004 + X-Business-Use-Case-Usage (default), `points` 17/2446079 + X-Ad-Account-Usage
 * (what the points limit answers), `ad-account` 613/1487742, `user` 17/2446079 without headers,
 * `app` 4 + X-App-Usage; `http-429` is a bare HTTP 429.
 */
export const THROTTLE_SIGNALS = ['buc', 'points', 'ad-account', 'user', 'app', 'http-429'] as const;
export type ThrottleSignal = (typeof THROTTLE_SIGNALS)[number];

export function createMetaAdsSimulator(options: SimulatorOptions): MetaAdsSimulator {
  // The world the throttle signals describe (set once the builder has made it).
  let made: MetaAdsWorld | null = null;
  return buildSimulator(
    {
      platform: 'meta-ads',
      world: ({ clock, accountIds, data }) => {
        // A connection that names an app secret gets an app that requires it (a saved world keeps its own setting).
        const world = data !== undefined ? MetaAdsWorld.load(data, clock) : new MetaAdsWorld(clock, { requireAppSecret: options.credentials['appSecret'] !== undefined });
        // Ad accounts exist for every configured id whatever the seed: accounts are not items.
        for (const id of accountIds) world.addAccount(id);
        return (made = world);
      },
      seed: seedMetaAds,
      authenticate: (c, world, tools) => authenticate(c, world, tools.options),
      throttles: throttles(() => made),
      ...common.handlers,
      routes,
    },
    options,
  );
}

function routes(app: Hono, world: MetaAdsWorld, tools: SimulatorTools): void {
  const graph = graphApp(world, tools);
  // The body was read by authenticate: the Graph routes get its parameters, not the stream.
  app.all('*', async (c) => graph.fetch(c.req.raw, { params: await paramsOf(c) }));
}

function throttles(world: () => MetaAdsWorld | null): Record<ThrottleSignal, () => Response> {
  // An injected fault speaks of the first ad account, in the app's tier.
  const account = () => world()?.firstAccount()?.account_id ?? '0';
  const tier = () => ACCESS_TIERS[world()?.app.accessTier ?? 'standard'];
  return {
    buc: () => bucThrottled(bucUsageHeader(account(), 100, INJECTED_REGAIN_MINUTES, tier().headerValue)),
    points: () => pointsThrottled(JSON.stringify({ acc_id_util_pct: 100, reset_time_duration: tier().blockMs / 1000, ads_api_access_tier: tier().headerValue })),
    'ad-account': () => adAccountThrottled(),
    user: () => graphErrorResponse({ status: 400, code: 17, subcode: 2446079, transient: true, message: '(#17) User request limit reached' }),
    app: common.appLimitReached,
    'http-429': common.bareTooManyRequests,
  };
}
