// A stateful in-memory Twilio SendGrid v3 Single Sends API for tests, the sandbox and the
// benchmark, on the kit's simulator builder: real paths, fields, page tokens, bearer auth, API key
// permissions, SendGrid's error bodies, X-RateLimit-* headers on every answer and its 429, and
// scheduled Single Sends that go out when their time comes.
import type { Context } from 'hono';
import { buildSimulator, type BuiltSimulator, type SimulatorTools } from '../kit/simulator/build-simulator.js';
import { bearerToken } from '../kit/simulator/requests.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { seedSendGrid } from './seed.js';
import { ERRORS, errorResponse, rateLimitHeaders } from './simulator-errors.js';
import { endpointOf, EndpointLimits } from './simulator-limits.js';
import { singleSendRoutes } from './simulator-routes.js';
import { SendGridWorld } from './simulator-world.js';

export type SendGridSimulator = BuiltSimulator<SendGridWorld>;

/** Methods a read-only Marketing key may use (search is a POST that reads). */
const reads = (c: Context): boolean => c.req.method === 'GET' || (c.req.method === 'POST' && new URL(c.req.url).pathname.endsWith('/search'));

export function createSendGridSimulator(options: SimulatorOptions): SendGridSimulator {
  const limits = new EndpointLimits(options.clock);
  const endpoint = (c: Context) => endpointOf(c.req.method, new URL(c.req.url).pathname);
  const throttled = (headers: boolean) => (c: Context) => {
    if (headers) rateLimitHeaders(c, { ...limits.peek(endpoint(c)), remaining: 0 });
    return errorResponse(c, ERRORS.tooManyRequests);
  };
  return buildSimulator(
    {
      platform: 'sendgrid',
      world: ({ clock, accountIds, data }) => (data !== undefined ? SendGridWorld.load(data, clock) : new SendGridWorld(clock, accountIds.join(','))),
      seed: seedSendGrid,
      apiPath: '/v3/*',
      authenticate(c, world, tools: SimulatorTools) {
        // "The API key must be sent as a bearer token in the Authorization header."
        const token = bearerToken(c);
        if (token === null) return errorResponse(c, ERRORS.authorizationRequired);
        if (token !== tools.options.credentials.apiKey) return errorResponse(c, ERRORS.invalidKey);
        const usage = limits.take(endpoint(c), tools.options.enforceLimits ?? false);
        if (usage.over && tools.options.enforceLimits) return throttled(true)(c);
        rateLimitHeaders(c, usage);
        const access = world.access();
        if (access === 'none' || (access === 'read' && !reads(c))) return errorResponse(c, ERRORS.forbidden);
        return null;
      },
      throttles: {
        // The documented 429: X-RateLimit-Remaining 0 and the epoch second the period resets.
        'too-many-requests': throttled(true),
        // A bare 429 (a proxy, an undocumented path): no headers to say when to come back.
        'without-reset': throttled(false),
      },
      serverError: (c) => errorResponse(c, ERRORS.internal),
      routes: (app, world) => singleSendRoutes(app, world, options.clock),
      notFound: (c) => errorResponse(c, ERRORS.notFound),
      onError: (_error, c) => errorResponse(c, ERRORS.internal),
    },
    options,
  );
}
