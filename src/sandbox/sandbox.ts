import { Hono } from 'hono';
import { z } from 'zod';
import type { SandboxItem, Simulator } from '../../adapters/kit/simulator/types.js';
import type { Clock } from '../../adapters/types.js';
import type { ConnectionSpec } from '../config/load.js';
import { SANDBOX_CREDENTIAL } from '../connections/sandbox-credential.js';
import { WorldFiles } from './world-files.js';

export interface SandboxOptions {
  clock: Clock;
  seed: 'sandbox' | 'empty';
  latencyMs: number;
  enforceLimits: boolean;
  /** keep each connection's world in this directory across restarts (seeded only when none is there) */
  worldsDir?: string;
  /** how long changes gather before a world is written (default 200 ms) */
  saveDebounceMs?: number;
}

const FaultSchema = z.object({
  connection: z.string(),
  kind: z.enum(['rate-limit', 'server-error', 'timeout', 'reset']),
  variant: z.string().optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  times: z.number().int().min(1).optional(),
  after: z.number().int().min(0).optional(),
  holdMs: z.number().int().min(0).optional(),
  applied: z.boolean().optional(),
});

/**
 * The sandbox platforms: one simulator per sandbox connection, served under
 * `/<connection id>/…` with the platform's real paths below it, plus `/__sandbox/*` to read
 * the state of every platform and to inject faults.
 */
export class Sandbox {
  readonly simulators = new Map<string, Simulator>();
  readonly #app: Hono;
  readonly #files: WorldFiles | null;

  /** Loads each sandbox connection's simulator (simulator code is imported only here). */
  static async create(specs: readonly ConnectionSpec[], env: NodeJS.ProcessEnv, options: SandboxOptions): Promise<Sandbox> {
    const files = options.worldsDir ? new WorldFiles(options.worldsDir, options.saveDebounceMs) : null;
    const simulators = new Map<string, Simulator>();
    for (const { config, adapter } of specs.filter((s) => s.config.sandbox)) {
      const credentials = Object.fromEntries(
        Object.entries(config.credentials).map(([key, variable]) => [key, env[variable] || SANDBOX_CREDENTIAL]),
      );
      const saved = files?.read(config.id, adapter.platform);
      const createSimulator = await adapter.loadSimulator();
      const simulator = createSimulator({
        clock: options.clock,
        credentials,
        accountIds: config.accountIds,
        seed: options.seed,
        connectionId: config.id,
        ...(saved !== undefined && { world: saved }),
        latencyMs: options.latencyMs,
        enforceLimits: options.enforceLimits,
      });
      if (files) {
        const save = () => files.schedule(config.id, adapter.platform, () => simulator.exportWorld());
        simulator.onChange(save);
        // A fresh seed is relative to the clock: keep it, so a restart does not seed again.
        if (saved === undefined) save();
      }
      simulators.set(config.id, simulator);
    }
    return new Sandbox(simulators, files);
  }

  private constructor(simulators: Map<string, Simulator>, files: WorldFiles | null) {
    for (const [id, simulator] of simulators) this.simulators.set(id, simulator);
    this.#files = files;
    this.#app = this.#routes();
  }

  readonly fetch = (request: Request, env?: unknown): Response | Promise<Response> => this.#app.fetch(request, env);

  /** problems met loading saved worlds (a file set aside), for the operator's log */
  get notices(): readonly string[] {
    return this.#files?.notices ?? [];
  }

  state(): Record<string, SandboxItem[]> {
    return Object.fromEntries([...this.simulators].map(([id, simulator]) => [id, simulator.state()]));
  }

  /** Writes every world with changes not yet on disk. */
  async flush(): Promise<void> {
    await this.#files?.flush();
  }

  #routes(): Hono {
    return new Hono()
      .get('/__sandbox/state', (c) => c.json(this.state()))
      .get('/__sandbox/requests', (c) => {
        const connection = c.req.query('connection');
        const simulator = connection ? this.simulators.get(connection) : undefined;
        if (!simulator) return c.json({ error: { code: 'not_found', message: 'name a sandbox connection: ?connection=<id>' } }, 404);
        return c.json({ data: simulator.requests });
      })
      .post('/__sandbox/faults', async (c) => {
        const parsed = FaultSchema.safeParse(await c.req.json().catch(() => null));
        if (!parsed.success) return c.json({ error: { code: 'invalid_request', message: parsed.error.issues[0]?.message } }, 400);
        const { connection, path, ...rule } = parsed.data;
        const simulator = this.simulators.get(connection);
        if (!simulator) return c.json({ error: { code: 'not_found', message: `no sandbox connection ${connection}` } }, 404);
        try {
          simulator.faults.inject({ ...rule, ...(path !== undefined && { path: new RegExp(path) }) });
        } catch (error) {
          return c.json({ error: { code: 'invalid_request', message: (error as Error).message } }, 400);
        }
        return c.json({ injected: parsed.data }, 201);
      })
      .delete('/__sandbox/faults', (c) => {
        for (const simulator of this.simulators.values()) simulator.faults.clear();
        return c.body(null, 204);
      })
      .all('/:connection/*', async (c) => {
        const simulator = this.simulators.get(c.req.param('connection'));
        if (!simulator) return c.json({ error: { code: 'not_found', message: `no sandbox connection ${c.req.param('connection')}` } }, 404);
        return simulator.fetch(await withoutPrefix(c.req.raw, c.req.param('connection')), c.env);
      });
  }
}

/** The same request with `/<connection id>` taken off the path, as the platform would see it. */
async function withoutPrefix(request: Request, connection: string): Promise<Request> {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(connection.length + 1) || '/';
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  // As a reverse proxy says it: a simulator that hands out URLs to itself (Meta's CDN image
  // URLs) puts the prefix back in them.
  const headers = new Headers(request.headers);
  headers.set('x-forwarded-prefix', `/${connection}`);
  return new Request(url, { method: request.method, headers, ...(hasBody && { body: await request.arrayBuffer() }) });
}
