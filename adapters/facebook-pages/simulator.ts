// A stateful in-memory Graph API for a Page's scheduled posts (tests, the sandbox, the
// benchmark), on the kit's simulator builder: real paths, fields, cursor paging, batch requests,
// `/feed` creates with Meta's scheduling rules, Graph error shapes, OAuth and appsecret_proof
// errors, and Meta's throttle signals for Pages.
import type { Hono } from 'hono';
import { buildSimulator, type BuiltSimulator, type SimulatorTools } from '../kit/simulator/build-simulator.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { seedFacebookPages } from './seed.js';
import { authenticate, filesOf, paramsOf } from './simulator-auth.js';
import { common, graphErrorResponse, pagesBucThrottled, pageThrottled } from './simulator-errors.js';
import { serveCdn } from './simulator-photos.js';
import { graphApp } from './simulator-routes.js';
import { FacebookPagesWorld } from './simulator-world.js';

export type FacebookPagesSimulator = BuiltSimulator<FacebookPagesWorld>;

/**
 * The signals a `rate-limit` fault may play (its `variant`): `page` 32 + X-Page-Usage (default),
 * `buc` 80001 + X-Business-Use-Case-Usage (the Page's budget, with the regain time), `app` 4 +
 * X-App-Usage, `user` 17, `window` 613; `http-429` is a bare HTTP 429.
 */
export const THROTTLE_SIGNALS = ['page', 'buc', 'app', 'user', 'window', 'http-429'] as const;
export type ThrottleSignal = (typeof THROTTLE_SIGNALS)[number];

export function createFacebookPagesSimulator(options: SimulatorOptions): FacebookPagesSimulator {
  let made: FacebookPagesWorld | null = null;
  return buildSimulator(
    {
      platform: 'facebook-pages',
      world: ({ clock, accountIds, data }) => {
        // A connection that names an app secret gets an app that requires it (a saved world keeps its own).
        const world = data !== undefined ? FacebookPagesWorld.load(data, clock) : new FacebookPagesWorld(clock, { requireAppSecret: options.credentials['appSecret'] !== undefined });
        // Pages exist for every configured id whatever the seed: Pages are not items.
        for (const id of accountIds) if (/^\d+$/.test(id)) world.addPage(id);
        return (made = world);
      },
      seed: seedFacebookPages,
      authenticate: (c, world, tools) => authenticate(c, world, tools.options),
      throttles: throttles(() => made),
      ...common.handlers,
      routes,
    },
    options,
  );
}

function routes(app: Hono, world: FacebookPagesWorld, tools: SimulatorTools): void {
  const graph = graphApp(world, tools.options.clock);
  // The body was read by authenticate: the Graph routes get its parameters, not the stream.
  app.get('/__cdn/*', (c) => serveCdn(world, new URL(c.req.url).pathname.slice('/__cdn'.length)));
  app.all('*', async (c) => graph.fetch(c.req.raw, { params: await paramsOf(c), files: filesOf(c) }));
}

function throttles(world: () => FacebookPagesWorld | null): Record<ThrottleSignal, () => Response> {
  const page = () => world()?.firstPage()?.id ?? '0';
  return {
    page: () => pageThrottled(),
    buc: () => pagesBucThrottled(page()),
    app: common.appLimitReached,
    user: () => graphErrorResponse({ status: 400, code: 17, transient: true, message: '(#17) User request limit reached' }),
    window: () => graphErrorResponse({ status: 400, code: 613, transient: true, message: '(#613) Calls to this api have exceeded the rate limit.' }),
    'http-429': common.bareTooManyRequests,
  };
}
