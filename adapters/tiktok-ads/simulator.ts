// A stateful in-memory TikTok API for Business v1.3 for campaigns (tests, the sandbox, the
// benchmark), on the kit's simulator builder: the real paths (trailing slash included), the
// `Access-Token` header, JSON `fields`/`filtering` parameters, page-number paging, the
// {code, message, request_id, data} envelope with errors in HTTP 200 answers, 20001 partial
// successes, and TikTok's throttle codes (40100 per app, 40133 per advertiser).
import type { Context, Hono } from 'hono';
import { buildSimulator, type BuiltSimulator } from '../kit/simulator/build-simulator.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import type { Clock } from '../types.js';
import { API_PREFIX, RATE_LEVELS } from './adapter-settings.js';
import { seedTiktokAds } from './seed.js';
import { advertiserThrottled, appThrottled, noPermission, okAnswer, pageNotFound, paramError, systemError, tokenInvalid, tokenMissing } from './simulator-errors.js';
import { campaignPage } from './simulator-listing.js';
import { parseCampaignQuery } from './simulator-params.js';
import { statusUpdate } from './simulator-update.js';
import { TiktokAdsWorld } from './simulator-world.js';

export type TiktokAdsSimulator = BuiltSimulator<TiktokAdsWorld>;

/**
 * The signals a `rate-limit` fault may play (its `variant`): `app-qps` 40100 for the app's
 * per-second limit (default; what the limit guard answers), `app-qpm` 40100 naming the
 * per-minute limit, `advertiser-qps` 40133, `http-429` a bare HTTP 429 from the gateway.
 */
export const THROTTLE_SIGNALS = ['app-qps', 'app-qpm', 'advertiser-qps', 'http-429'] as const;

const BASIC = RATE_LEVELS.basic;

export function createTiktokAdsSimulator(options: SimulatorOptions): TiktokAdsSimulator {
  const { clock } = options;
  return buildSimulator(
    {
      platform: 'tiktok-ads',
      world: ({ clock: worldClock, accountIds, data }) => {
        const world = data !== undefined ? TiktokAdsWorld.load(data, worldClock) : new TiktokAdsWorld(worldClock);
        // Advertisers exist for every configured id whatever the seed: accounts are not items.
        for (const id of accountIds) world.addAdvertiser(id);
        return world;
      },
      seed: seedTiktokAds,
      apiPath: `${API_PREFIX}/*`,
      authenticate: (c, world) => {
        const token = c.req.header('access-token');
        if (!token) return tokenMissing(clock);
        if (world.isRevoked(token) || token !== options.credentials['accessToken']) return tokenInvalid(clock);
        return null;
      },
      throttles: {
        'app-qps': () => appThrottled(clock, 'QPS', BASIC.qps),
        'app-qpm': () => appThrottled(clock, 'QPM', BASIC.qpm),
        'advertiser-qps': (c) => advertiserThrottled(clock, new URL(c.req.url).searchParams.get('advertiser_id') ?? '0'),
        'http-429': () => new Response('Too Many Requests', { status: 429, headers: { 'content-type': 'text/plain' } }),
      },
      serverError: () => systemError(clock),
      limits: { perSecond: BASIC.qps, perDay: BASIC.qpd, throttle: 'app-qps' },
      routes: (app, world) => routes(app, world, clock),
      notFound: pageNotFound,
      onError: () => systemError(clock),
    },
    options,
  );
}

function routes(app: Hono, world: TiktokAdsWorld, clock: Clock): void {
  app.get(`${API_PREFIX}/campaign/get/`, (c) => {
    const query = parseCampaignQuery(new URL(c.req.url).searchParams);
    if (typeof query === 'string') return paramError(clock, query);
    if (!world.hasAdvertiser(query.advertiserId)) return noPermission(clock, query.advertiserId);
    return okAnswer(clock, campaignPage(world, query));
  });
  app.post(`${API_PREFIX}/campaign/status/update/`, async (c: Context) => {
    if (!/application\/json/i.test(c.req.header('content-type') ?? '')) return paramError(clock, 'Content-Type must be application/json.');
    const body: unknown = await c.req.json().catch(() => undefined);
    return statusUpdate(world, clock, body);
  });
}
