// A stateful fake of the Brevo API v3 (email campaigns, account) for tests, the sandbox and the
// benchmark, on the kit's simulator builder: real paths, fields, enums and state rules, offset
// paging in order of creation, the `api-key` header, `{code, message}` errors, 429 with the
// x-sib-ratelimit-* headers and its hourly limit, and queued campaigns that go out on time.
import type { Context, Hono } from 'hono';
import { buildSimulator, type BuiltSimulator } from '../kit/simulator/build-simulator.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { REQUESTS_PER_HOUR } from './adapter-settings.js';
import { seedBrevo } from './seed.js';
import { campaignRoutes } from './simulator-campaigns.js';
import { authError, errorResponse, HourlyLimit, internalError, notFound, SimError, throttles } from './simulator-http.js';
import { BrevoWorld } from './simulator-world.js';

export type BrevoSimulator = BuiltSimulator<BrevoWorld>;

export function createBrevoSimulator(options: SimulatorOptions): BrevoSimulator {
  const hourly = new HourlyLimit(REQUESTS_PER_HOUR.general, options.clock);
  const signals = throttles(hourly);
  return buildSimulator(
    {
      platform: 'brevo',
      world: ({ clock, data }) => (data !== undefined ? BrevoWorld.load(data, clock) : new BrevoWorld(clock)),
      seed: seedBrevo,
      seedNumber: 0x62726576, // "brev"
      apiPath: '/v3/*',
      authenticate(c, world, tools) {
        const refusal = authError(c, Object.values(tools.options.credentials));
        if (refusal) return errorResponse(refusal);
        // Brevo's hourly limit, on the simulator's clock; the builder's guard knows only seconds and days.
        if (!hourly.enter(tools.options.enforceLimits ?? false)) return signals['too-many-requests']();
        for (const [name, value] of Object.entries(hourly.headers())) c.header(name, value);
        world.advance();
        return null;
      },
      throttles: signals,
      serverError: internalError,
      routes,
      notFound: () => errorResponse(notFound('Not found')),
      onError: (error) => (error instanceof SimError ? errorResponse(error) : internalError()),
    },
    options,
  );
}

function routes(app: Hono, world: BrevoWorld): void {
  // https://developers.brevo.com/reference/get-account
  app.get('/v3/account', (c: Context) =>
    c.json({
      ...world.account,
      address: { street: '47 Harbour Street', city: 'Portland', zipCode: '97201', country: 'United States' },
      plan: [{ type: 'subscription', credits: 40000, creditsType: 'sendLimit', startDate: '2026-11-01', endDate: '2026-12-01' }],
      relay: { enabled: true, data: { userName: world.account.email, relay: 'smtp-relay.brevo.com', port: 587 } },
    }),
  );
  campaignRoutes(app, world);
}
