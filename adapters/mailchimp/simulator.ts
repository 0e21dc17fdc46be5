// A stateful fake of the Mailchimp Marketing API v3.0 for tests, the sandbox and the benchmark, on
// the kit's simulator builder: real paths, fields, offset paging with Mailchimp's filters and
// sort orders, HTTP Basic auth per data center, problem+json errors, its throttling answers and
// its 10 simultaneous connections, Timewarp campaigns that start sending 14 hours early, send
// checklists that refuse a schedule, and scheduled campaigns that go out when their time comes.
import type { Context, Hono } from 'hono';
import { buildSimulator, type BuiltSimulator } from '../kit/simulator/build-simulator.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { seedMailchimp } from './seed.js';
import { automationRoutes } from './simulator-automations.js';
import { campaignRoutes } from './simulator-campaigns.js';
import { authProblem, internalError, problemResponse, THROTTLES } from './simulator-http.js';
import { MailchimpWorld, notFound, SimProblem } from './simulator-world.js';

export type MailchimpSimulator = BuiltSimulator<MailchimpWorld>;

export function createMailchimpSimulator(options: SimulatorOptions): MailchimpSimulator {
  return buildSimulator(
    {
      platform: 'mailchimp',
      world: ({ clock, data }) => (data !== undefined ? MailchimpWorld.load(data, clock) : new MailchimpWorld(clock)),
      seed: seedMailchimp,
      seedNumber: 0x6d61696c, // "mail"
      apiPath: '/3.0/*',
      authenticate(c, world, tools) {
        const problem = authProblem(c, Object.values(tools.options.credentials));
        if (problem) return problemResponse(problem);
        world.advance();
        return null;
      },
      throttles: THROTTLES,
      serverError: internalError,
      // "10 simultaneous connections" and no request-rate limit (Fundamentals page).
      limits: { inFlight: 10, throttle: 'too-many-requests' },
      routes,
      notFound: () => problemResponse(notFound()),
      onError: (error) => (error instanceof SimProblem ? problemResponse(error) : internalError()),
    },
    options,
  );
}

function routes(app: Hono, world: MailchimpWorld): void {
  // https://mailchimp.com/developer/marketing/api/ping/
  app.get('/3.0/ping', (c: Context) => c.json({ health_status: "Everything's Chimpy!" }));
  campaignRoutes(app, world);
  automationRoutes(app, world);
}
