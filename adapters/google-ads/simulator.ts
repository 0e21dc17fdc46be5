// A stateful in-memory Google Ads REST API v25 for campaigns (tests, the sandbox, the benchmark), on
// the kit's simulator builder: GAQL search with fixed 10,000-row pages and page tokens, campaigns
// mutate with partial failure, Google's error shapes, the OAuth token endpoint and expiring access
// tokens, the developer token's daily operations quota, and RESOURCE_EXHAUSTED with a retryDelay.
import type { Hono } from 'hono';
import { API_VERSION } from './adapter-settings.js';
import { buildSimulator, type BuiltSimulator, type SimulatorTools } from '../kit/simulator/build-simulator.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { seedGoogleAds } from './seed.js';
import { adsFailure, badPayload, frontEndError, internalError, notFoundPath, quotaExhausted } from './simulator-errors.js';
import { mutate } from './simulator-mutate.js';
import { authenticate, tokenEndpoint } from './simulator-oauth.js';
import { search } from './simulator-search.js';
import { GoogleAdsWorld } from './simulator-world.js';

export type GoogleAdsSimulator = BuiltSimulator<GoogleAdsWorld>;

/** Seconds an injected RESOURCE_TEMPORARILY_EXHAUSTED asks to wait. */
export const INJECTED_RETRY_S = 17;

/**
 * The signals a `rate-limit` fault may play: `temporarily-exhausted` (the default: a short-term
 * rate, ACCOUNT scope, retryDelay 17 s), `daily-quota` (the developer token's operations spent,
 * DEVELOPER scope, retryDelay until the oldest leaves the 24 hours: an hour here), `bare-429`.
 */
export const THROTTLE_SIGNALS = ['temporarily-exhausted', 'daily-quota', 'bare-429'] as const;

const ROUTE = new RegExp(`^/${API_VERSION}/customers/([^/]+)/(googleAds:search|campaigns:mutate)$`);

export function createGoogleAdsSimulator(options: SimulatorOptions): GoogleAdsSimulator {
  return buildSimulator(
    {
      platform: 'google-ads',
      seedNumber: 20261201,
      world: ({ clock, accountIds, data }) => {
        const world = data !== undefined ? GoogleAdsWorld.load(data, clock) : new GoogleAdsWorld(clock);
        // Customers exist for every configured id whatever the seed: customers are not items.
        for (const id of accountIds) world.addCustomer(id);
        return world;
      },
      seed: seedGoogleAds,
      apiPath: `/${API_VERSION}/*`,
      // GAQL search reads over POST: a fault aimed at reads hits it.
      faultMethod: (method, path) => (method === 'POST' && path.endsWith('/googleAds:search') ? 'GET' : method),
      authenticate: (c, world, tools) => authenticate(c, world, tools.options),
      throttles: {
        'temporarily-exhausted': () => quotaExhausted('RESOURCE_TEMPORARILY_EXHAUSTED', 'ACCOUNT', 'Requests per customer per second', INJECTED_RETRY_S * 1000),
        'daily-quota': () => quotaExhausted('RESOURCE_EXHAUSTED', 'DEVELOPER', 'Number of operations for basic access', 3_600_000),
        'bare-429': () => frontEndError('RESOURCE_EXHAUSTED', 'Resource has been exhausted (e.g. check quota).'),
      },
      serverError: () => internalError(),
      routes,
      notFound: (c) => notFoundPath(new URL(c.req.url).pathname),
      onError: () => internalError(),
    },
    options,
  );
}

function routes(app: Hono, world: GoogleAdsWorld, tools: SimulatorTools): void {
  app.post('/token', (c) => tokenEndpoint(c, world, tools.options));
  app.post(`/${API_VERSION}/customers/*`, async (c) => {
    const m = ROUTE.exec(new URL(c.req.url).pathname);
    if (!m) return notFoundPath(new URL(c.req.url).pathname);
    const customerId = m[1]!;
    if (!/^\d{10}$/.test(customerId)) {
      return adsFailure('INVALID_ARGUMENT', [{ errorCode: { requestError: 'INVALID_CUSTOMER_ID' }, message: 'Invalid customer ID.' }]);
    }
    const customer = world.customer(customerId);
    if (!customer) {
      return adsFailure('PERMISSION_DENIED', [
        { errorCode: { authorizationError: 'USER_PERMISSION_DENIED' }, message: "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header." },
      ]);
    }
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return badPayload('Expected a JSON object.');
    const fields = body as Record<string, unknown>;
    return m[2] === 'googleAds:search' ? search(world, customerId, customer, fields) : mutate(world, customerId, customer, fields);
  });
}
