// A stateful in-memory Hootsuite REST API v1 (messages, me) for tests, the sandbox and the
// benchmark, on the kit's simulator builder: real paths, fields, validation errors, cursor
// pagination, bearer auth, Hootsuite's 429 bodies and headers, its 20/s and 100,000/day limits,
// members whose posts need approval, and scheduled messages that get sent when their time comes.
import type { Context, Hono } from 'hono';
import { buildSimulator, type BuiltSimulator, type SimulatorTools } from '../kit/simulator/build-simulator.js';
import { bearerToken } from '../kit/simulator/requests.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { profilesFor, seedHootsuite } from './seed.js';
import { createMessages } from './simulator-create.js';
import { ERRORS, errorResponse, quotaHeaders } from './simulator-errors.js';
import { listMessages } from './simulator-listing.js';
import type { MessageState } from './schemas.js';
import { HootsuiteWorld, MEMBER_ID } from './simulator-world.js';

export type HootsuiteSimulator = BuiltSimulator<HootsuiteWorld>;

const PER_SECOND = 20;
/** States Hootsuite refuses to delete with 40003: the message is going out or went out. */
const UNDELETABLE_STATES: ReadonlySet<MessageState> = new Set(['SUBMITTED', 'SENT', 'SEND_FAILED_PERMANENTLY']);

/** Quota and per-second headers on an answer, as Hootsuite sends them on every one. */
function withQuota(c: Context, tools: SimulatorTools, remaining?: number): void {
  const { lastSecond, lastDay } = tools.usage();
  for (const [k, v] of Object.entries(quotaHeaders(lastDay, remaining ?? PER_SECOND - lastSecond))) c.header(k, v);
}

// Hootsuite documents no Retry-After, only "back off until the end of the current rate limit
// window" (developer.hootsuite.com/docs/api-rate-limits).
const throttled = (error: (typeof ERRORS)[keyof typeof ERRORS], retryAfter?: string) => (c: Context, _cause: unknown, tools: SimulatorTools) => {
  withQuota(c, tools, 0);
  if (retryAfter) c.header('Retry-After', retryAfter);
  return errorResponse(c, error);
};

export function createHootsuiteSimulator(options: SimulatorOptions): HootsuiteSimulator {
  return buildSimulator(
    {
      platform: 'hootsuite',
      world: ({ clock, accountIds, data }) => {
        if (data !== undefined) return HootsuiteWorld.load(data, clock);
        const world = new HootsuiteWorld(clock);
        // Profiles exist for every configured account id whatever the seed: accounts are not items.
        for (const profile of profilesFor(accountIds)) world.addProfile(profile);
        return world;
      },
      seed: seedHootsuite,
      apiPath: '/v1/*',
      authenticate(c, world, tools) {
        const token = bearerToken(c);
        if (token === null) return errorResponse(c, ERRORS.missingToken);
        if (token !== tools.options.credentials.accessToken) return errorResponse(c, ERRORS.invalidToken);
        world.advance();
        withQuota(c, tools);
        return null;
      },
      throttles: {
        // The documented throttled body, for the per-second limit and the daily quota alike.
        'account-limit': throttled(ERRORS.rateLimited),
        // Other codes the swagger lists for throttling, and a Retry-After some say Hootsuite sends.
        'too-many-requests': throttled(ERRORS.tooManyRequests),
        'api-plan-limit': throttled(ERRORS.apiPlanLimit),
        'with-retry-after': throttled(ERRORS.tooManyRequests, '1'),
      },
      serverError: (c) => errorResponse(c, ERRORS.internal),
      // "Rate limits are applied per second … within the current rate limit window": fixed windows.
      limits: { perSecond: PER_SECOND, perSecondWindow: 'fixed', perDay: 100_000, throttle: 'account-limit' },
      routes,
      notFound: (c) => errorResponse(c, ERRORS.notFound),
      onError: (_error, c) => errorResponse(c, ERRORS.internal),
    },
    options,
  );
}

function routes(app: Hono, world: HootsuiteWorld, tools: SimulatorTools): void {
  app.get('/v1/me', (c) =>
    c.json({
      data: {
        id: MEMBER_ID,
        email: 'social@acme.example',
        fullName: 'Acme Social Team',
        companyName: 'Acme',
        isActive: true,
        timezone: 'America/Vancouver',
        language: 'en',
        createdDate: '2019-03-04T17:12:45Z',
        modifiedDate: '2026-01-12T09:30:00Z',
      },
    }),
  );

  app.get('/v1/messages', (c) => {
    const answer = listMessages(world, {
      startTime: c.req.query('startTime'),
      endTime: c.req.query('endTime'),
      state: c.req.query('state'),
      socialProfileIds: c.req.queries('socialProfileIds') ?? [],
      limit: c.req.query('limit'),
      cursor: c.req.query('cursor'),
      includeUnscheduledReviewMsgs: c.req.query('includeUnscheduledReviewMsgs'),
    });
    return 'code' in answer ? errorResponse(c, answer) : c.json(shown(answer));
  });

  app.post('/v1/messages', async (c) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (body === undefined) return errorResponse(c, { status: 400, code: 1100, message: 'Invalid JSON schema' });
    const answer = createMessages(world, body, tools.options.clock.now());
    return 'code' in answer ? errorResponse(c, answer) : c.json(shown(answer));
  });

  app.get('/v1/messages/:messageId', (c) => {
    const message = world.get(c.req.param('messageId'));
    return message ? c.json(shown({ data: message })) : errorResponse(c, ERRORS.notFound);
  });

  app.delete('/v1/messages/:messageId', (c) => {
    const message = world.get(c.req.param('messageId'));
    if (!message) return errorResponse(c, ERRORS.notFound);
    if (UNDELETABLE_STATES.has(message.state)) return errorResponse(c, ERRORS.cannotDelete);
    world.remove(message);
    // "Delete requests return a 200 OK with an empty data envelope" (DeleteMessageResponseEnvelope).
    return c.json({ data: [] });
  });
}

/**
 * An answer as Hootsuite's swagger describes it: it marks no field nullable, so a value the world
 * holds as null (no sequence number, no next page) is left out rather than sent as null.
 */
function shown<T>(answer: T): T {
  return JSON.parse(JSON.stringify(answer, (_key, value: unknown) => (value === null ? undefined : value))) as T;
}
