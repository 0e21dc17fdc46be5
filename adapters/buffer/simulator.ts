// A stateful in-memory Buffer GraphQL API (account, channels, posts, createPost, deletePost) for
// tests, the sandbox and the benchmark, on the kit's simulator builder: `POST /` (and `/graphql`,
// where Buffer's own n8n node sends), Bearer API keys, Buffer's schema enforced by graphql-js,
// Relay cursors, typed mutation errors, its 429 RATE_LIMIT_EXCEEDED with RateLimit-* headers and
// its rolling 15-minute / 24-hour / 30-day limits by plan.
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { GraphQLError } from 'graphql';
import { buildSimulator, type BuiltSimulator, type SimulatorTools } from '../kit/simulator/build-simulator.js';
import { bearerToken } from '../kit/simulator/requests.js';
import type { SimulatorOptions } from '../kit/simulator/types.js';
import { seedBuffer } from './seed.js';
import { faultMethod, runGraphql } from './simulator-graphql.js';
import { BufferLimits } from './simulator-limits.js';
import { listPosts, type PostsArgs } from './simulator-listing.js';
import { createPost, deletePost, type CreatePostArgs } from './simulator-mutations.js';
import { BufferWorld } from './simulator-world.js';

export type BufferSimulator = BuiltSimulator<BufferWorld> & { limits: BufferLimits };

const errorBody = (message: string, code: string, extra: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { code, ...extra } }] });

export function createBufferSimulator(options: SimulatorOptions): BufferSimulator {
  const limits = new BufferLimits(options.clock);
  let world: BufferWorld;
  const rateHeaders = (c: Context) => {
    const s = limits.state(world.plan);
    c.header('RateLimit-Limit', String(s.limit));
    c.header('RateLimit-Remaining', String(s.remaining));
    c.header('RateLimit-Reset', s.reset.toISOString());
  };
  // "When a rate limit is exceeded, you will receive an HTTP 429 … retryAfter (in seconds)" (guides/api-limits).
  const throttled = (retryAfterS: number, extra: Record<string, unknown> = { limitType: 'CLIENT_ACCOUNT' }) => (c: Context) => {
    rateHeaders(c);
    return c.json(errorBody('Too many requests from this client. Please try again later.', 'RATE_LIMIT_EXCEEDED', { ...extra, retryAfter: retryAfterS }), 429);
  };

  const sim = buildSimulator(
    {
      platform: 'buffer',
      world: ({ clock, accountIds, data }) => {
        world = data !== undefined ? BufferWorld.load(data, clock) : new BufferWorld(clock);
        // Organizations exist for every configured id whatever the seed: accounts are not items.
        for (const id of accountIds) if (!world.organization(id)) world.addOrganization({ id, name: `Organization ${id.slice(-4)}`, ownerEmail: 'owner@brand.example' });
        return world;
      },
      seed: seedBuffer,
      authenticate(c, w, tools) {
        const key = bearerToken(c);
        // "Requests without a valid key will return a 401 Unauthorized error" (guides/authentication).
        if (key === null || key !== tools.options.credentials.apiKey) return c.json(errorBody('Unauthorized', 'UNAUTHORIZED'), 401);
        const over = limits.enter(w.plan, tools.options.enforceLimits ?? false);
        if (over) return throttled(over.retryAfterS)(c);
        w.advance();
        rateHeaders(c);
        return null;
      },
      throttles: {
        // The documented answer; a fault waits out a whole 15-minute window.
        'rate-limit': (c) => throttled(900)(c),
        // As Buffer's live API was seen answering: the window named, no retryAfter (RateLimit-Reset only).
        'window-only': (c) => {
          rateHeaders(c);
          return c.json(errorBody('Too many requests from this client. Please try again later.', 'RATE_LIMIT_EXCEEDED', { window: '15m' }), 429);
        },
      },
      serverError: (c) => c.json(errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'), 500),
      routes,
      faultMethod,
      notFound: (c) => c.json(errorBody('Not found', 'NOT_FOUND'), 404),
      onError: (_e, c) => c.json(errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'), 500),
    },
    options,
  );
  return Object.assign(sim, { limits });
}

function routes(app: Hono, world: BufferWorld, _tools: SimulatorTools): void {
  const notFound = (what: string) => new GraphQLError(`${what} not found`, { extensions: { code: 'NOT_FOUND' } });
  const root = {
    account: () => ({ ...world.account, timezone: 'America/New_York', organizations: world.organizations().map((o) => ({ ...o, channelCount: world.channelsOf(o.id).length })) }),
    channels: ({ input }: { input: { organizationId: string; filter?: { isLocked?: boolean | null } | null } }) => {
      if (!world.organization(input.organizationId)) throw notFound('Organization');
      const locked = input.filter?.isLocked;
      return world.channelsOf(input.organizationId).filter((c) => locked === undefined || locked === null || c.isLocked === locked);
    },
    post: ({ input }: { input: { id: string } }) => world.get(input.id) ?? Promise.reject(notFound('Post')),
    posts: (args: PostsArgs) => listPosts(world, args),
    createPost: ({ input }: { input: CreatePostArgs }) => createPost(world, input),
    deletePost: ({ input }: { input: { id: string } }) => deletePost(world, input.id),
  };
  const handle = async (c: Context) => {
    const body: unknown = await c.req.json().catch(() => undefined);
    if (body === undefined) return c.json(errorBody('POST body missing, invalid Content-Type, or JSON object has no keys.', 'BAD_REQUEST'), 400);
    const answer = await runGraphql(body, root);
    return c.json(answer.body, answer.status as ContentfulStatusCode);
  };
  app.post('/', handle);
  app.post('/graphql', handle);
}
