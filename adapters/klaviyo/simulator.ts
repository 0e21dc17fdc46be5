// A stateful fake of Klaviyo's REST API (revision 2026-07-15) for tests, the sandbox and the
// benchmark, on the kit's simulator builder: real paths, JSON:API resources and error documents,
// filters and cursor pages, `Klaviyo-API-Key` auth and the `revision` header, 429 `throttled` with
// Retry-After per endpoint tier, and scheduled campaigns that go out when their time comes.
import type { Hono } from 'hono';
import { buildSimulator, type BuiltSimulator } from '../kit/simulator/build-simulator.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { seedKlaviyo } from './seed.js';
import { campaignRoutes } from './simulator-campaigns.js';
import { flowRoutes } from './simulator-flows.js';
import { authError, errorResponse, internalError, notFound, revisionError, SimError, THROTTLES } from './simulator-http.js';
import { limitRoutes } from './simulator-limits.js';
import { KlaviyoWorld } from './simulator-world.js';

export type KlaviyoSimulator = BuiltSimulator<KlaviyoWorld>;

export function createKlaviyoSimulator(options: SimulatorOptions): KlaviyoSimulator {
  return buildSimulator(
    {
      platform: 'klaviyo',
      world: ({ clock, data }) => (data !== undefined ? KlaviyoWorld.load(data, clock) : new KlaviyoWorld(clock)),
      seed: seedKlaviyo,
      seedNumber: 0x6b6c6176, // "klav"
      apiPath: '/api/*',
      authenticate(c, _world, tools) {
        const refusal = authError(c, Object.values(tools.options.credentials)) ?? revisionError(c);
        return refusal ? errorResponse(refusal) : null;
      },
      throttles: THROTTLES,
      serverError: internalError,
      // Limits per endpoint tier live in the routes (simulator-limits.ts): the builder's guard has one rate only.
      routes: (app: Hono, world: KlaviyoWorld) => {
        limitRoutes(app, options.enforceLimits ?? false);
        campaignRoutes(app, world);
        flowRoutes(app, world);
      },
      notFound: () => errorResponse(notFound()),
      onError: (error) => (error instanceof SimError ? errorResponse(error) : internalError()),
    },
    options,
  );
}
