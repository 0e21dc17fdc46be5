// A stateful in-memory LinkedIn Marketing API for ad campaigns (tests, the sandbox, the
// benchmark), on the kit's simulator builder: the real `/rest/adAccounts/{id}/adCampaigns` paths,
// Rest.li 2.0 query syntax, the search finder's pageSize / pageToken paging, BATCH_GET and
// BATCH_PARTIAL_UPDATE with per-entity results, Bearer auth, the LinkedIn-Version header (426 when
// missing or not active), Rest.li error bodies and LinkedIn's 429s.
import type { Context, Hono } from 'hono';
import { buildSimulator, type BuiltSimulator } from '../kit/simulator/build-simulator.js';
import { bearerToken } from '../kit/simulator/requests.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { LAST_SUNSET_VERSION } from './adapter-settings.js';
import { seedLinkedInAds } from './seed.js';
import { badRequest, ERRORS, nonexistentVersion, notFound, restliError, THROTTLES, type ThrottleSignal } from './simulator-errors.js';
import { campaignRoutes } from './simulator-routes.js';
import { LinkedInAdsWorld } from './simulator-world.js';

export type LinkedInAdsSimulator = BuiltSimulator<LinkedInAdsWorld>;

/** Versions stay active about a year after their month (README, "Facts settled"). */
const ACTIVE_MONTHS = 12;

/** Whether LinkedIn serves this `LinkedIn-Version` (YYYYMM or YYYYMM.RR) at `now`. */
export function isActiveVersion(version: string, now: Date): boolean {
  const match = /^(\d{4})(\d{2})(?:\.\d{2})?$/.exec(version);
  if (!match) return false;
  const month = Number(match[1]) * 12 + Number(match[2]) - 1;
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return version.slice(0, 6) > LAST_SUNSET_VERSION && month <= current && month > current - ACTIVE_MONTHS;
}

function authenticate(c: Context, world: LinkedInAdsWorld, options: SimulatorOptions): Response | null {
  const token = bearerToken(c);
  if (token === null) return restliError(c, ERRORS.missingToken);
  if (token !== options.credentials['accessToken']) return restliError(c, ERRORS.invalidToken);
  if (world.isExpired(token)) return restliError(c, ERRORS.expiredToken);
  const version = c.req.header('linkedin-version');
  if (!version) return restliError(c, ERRORS.versionMissing);
  if (!isActiveVersion(version, world.now)) return restliError(c, nonexistentVersion(version));
  // Without it LinkedIn reads the request as Rest.li 1.0, where List(…) is no syntax at all.
  if (c.req.header('x-restli-protocol-version') !== '2.0.0') return restliError(c, badRequest('X-Restli-Protocol-Version: 2.0.0 is required for this syntax'));
  return null;
}

export function createLinkedInAdsSimulator(options: SimulatorOptions): LinkedInAdsSimulator {
  return buildSimulator(
    {
      platform: 'linkedin-ads',
      world: ({ clock, accountIds, data }) => {
        const world = data !== undefined ? LinkedInAdsWorld.load(data, clock) : new LinkedInAdsWorld(clock);
        // Ad accounts exist for every configured id whatever the seed: accounts are not items.
        for (const id of accountIds) if (!world.account(id)) world.addAccount(id);
        return world;
      },
      seed: seedLinkedInAds,
      apiPath: '/rest/*',
      authenticate: (c, world, tools) => authenticate(c, world, tools.options),
      throttles: throttles(),
      serverError: (c) => restliError(c, ERRORS.internal),
      // LinkedIn's daily limits are per endpoint and unpublished: 100,000 a day is our sandbox's.
      limits: { perDay: 100_000, throttle: 'application-day' },
      routes: (app: Hono, world) => campaignRoutes(app, world),
      notFound: (c) => restliError(c, notFound(`No virtual resource found for ${new URL(c.req.url).pathname}`)),
      onError: (_error, c) => restliError(c, ERRORS.internal),
    },
    options,
  );
}

function throttles(): Record<ThrottleSignal, (c: Context) => Response> {
  return {
    'application-day': (c) => restliError(c, THROTTLES['application-day']),
    'member-day': (c) => restliError(c, THROTTLES['member-day']),
    infrastructure: (c) => restliError(c, THROTTLES.infrastructure),
    // LinkedIn documents none; if one ever comes, the adapter honours it.
    'with-retry-after': (c) => restliError(c, THROTTLES.infrastructure, { 'Retry-After': '2' }),
  };
}
