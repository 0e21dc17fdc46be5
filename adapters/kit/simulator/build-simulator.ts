// The simulator builder: a platform describes its world, its authentication, its throttle
// signals, its limits and its routes; this assembles the same simulator every platform gets:
// `GET /__sandbox/state` outside the fault layer, request recording with credentials masked,
// latency, limit guards, faults with the platform's own signals, seeding or a loaded world.
import { Hono, type Context } from 'hono';
import type { Clock, JsonValue } from '../../types.js';
import { simulatorEdge } from './edge.js';
import { Faults } from './faults.js';
import { LimitGuard, type LimitVerdict, type PlatformLimits } from './limit-guard.js';
import { brandOf, brandSeed, seededRandom, type SimulatorSeed } from './seed.js';
import type { RecordedRequest, Simulator, SimulatorOptions } from './types.js';
import type { SimWorld } from './world.js';

/** What the builder hands a platform's handlers besides the world. */
export interface SimulatorTools {
  options: SimulatorOptions;
  /** what the platform's usage headers report */
  usage(): { lastSecond: number; lastDay: number };
}

export type ThrottleCause = Exclude<LimitVerdict, 'ok'> | 'fault';

export interface SimulatorSpec<W extends SimWorld> {
  platform: string;
  /** A world: empty, or loaded from `data` (an export); throws on data it cannot read. */
  world(input: { clock: Clock; accountIds: readonly string[]; data?: JsonValue }): W;
  seed: SimulatorSeed<W>;
  /** the number the sandbox seed's random numbers start from */
  seedNumber?: number;
  /** where the platform checks credentials (default: everywhere but `/__sandbox/*`) */
  apiPath?: string;
  /**
   * The platform's own refusal for a request's credentials, or null to go on (it may set headers).
   * May read the body (Meta takes `access_token` from a form body): Hono caches what it parsed.
   */
  authenticate(c: Context, world: W, tools: SimulatorTools): Response | null | Promise<Response | null>;
  /** The platform's throttle signals by name; the first is the default. */
  throttles: Readonly<Record<string, (c: Context, cause: ThrottleCause, tools: SimulatorTools) => Response>>;
  serverError(c: Context): Response;
  /** what the platform enforces (`enforceLimits`), and which throttle answers a breach */
  limits?: PlatformLimits & { throttle?: string };
  routes(app: Hono, world: W, tools: SimulatorTools): void;
  /**
   * The method injected faults match a request by, for a platform that reads over POST too
   * (GraphQL queries, Google Ads' GAQL search): `GET` for those, so a fault aimed at the
   * platform's reads — a failed listing — means the same everywhere.
   */
  faultMethod?(method: string, path: string, body: string): string;
  notFound(c: Context): Response;
  onError(error: Error, c: Context): Response;
}

export interface BuiltSimulator<W extends SimWorld> extends Simulator {
  /** the platform's objects, with its typed seeding and inspection methods */
  readonly world: W;
}

export function buildSimulator<W extends SimWorld>(spec: SimulatorSpec<W>, options: SimulatorOptions): BuiltSimulator<W> {
  const { clock, accountIds } = options;
  const world = spec.world({ clock, accountIds, ...(options.world !== undefined && { data: options.world }) });
  if (options.world === undefined && options.seed === 'sandbox') {
    const brand = brandOf(options.connectionId);
    spec.seed(world, { clock, accountIds, brand, random: seededRandom(brandSeed(spec.seedNumber ?? 20261121, brand)) });
  }
  const throttleNames = Object.keys(spec.throttles);
  const faults = new Faults(throttleNames);
  const requests: RecordedRequest[] = [];
  const guard = new LimitGuard(spec.limits ?? {}, clock);
  const tools: SimulatorTools = { options, usage: () => guard.usage() };
  const throttle = (c: Context, variant: string | undefined, cause: ThrottleCause): Response => spec.throttles[variant ?? throttleNames[0]!]!(c, cause, tools);

  const app = new Hono();
  // The sandbox's own window on the world: outside the platform API, so no auth, faults or latency.
  app.get('/__sandbox/state', (c) => c.json(world.state()));
  app.use(
    '*',
    simulatorEdge({
      latencyMs: options.latencyMs ?? 0,
      faults,
      requests,
      guard,
      enforce: options.enforceLimits ?? false,
      ...(spec.limits?.throttle !== undefined && { limitVariant: spec.limits.throttle }),
      signals: { rateLimited: (c, variant, cause) => throttle(c, variant, cause ?? 'fault'), serverError: spec.serverError },
      secrets: Object.values(options.credentials),
      ...(spec.faultMethod && { faultMethod: spec.faultMethod }),
    }),
  );
  app.use(spec.apiPath ?? '*', async (c, next) => {
    const refusal = await spec.authenticate(c, world, tools);
    if (refusal) return refusal;
    await next();
  });
  spec.routes(app, world, tools);
  app.notFound(spec.notFound);
  app.onError(spec.onError);

  return {
    platform: spec.platform,
    world,
    faults,
    requests,
    fetch: (request, env) => Promise.resolve(app.fetch(request, env)),
    state: () => world.state(),
    exportWorld: () => world.exportData(),
    onChange: (listener) => world.onChange(listener),
  };
}
