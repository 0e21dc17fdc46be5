// The whole service in-process: real store on disk, real adapters, the sandbox platforms behind
// msw at the network edge (http://sandbox.test/<connection>/…), a clock moved by hand and a
// sleep that records each wait instead of waiting.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { http } from 'msw';
import type { SetupServer } from 'msw/node';
import { createRegistry } from '../../adapters/registry.js';
import type { SandboxItem } from '../../adapters/kit/simulator/types.js';
import { bootstrapApiKey } from '../../src/auth/bootstrap.js';
import { composeService } from '../../src/compose.js';
import { checkConnections, defaultConfigFile, loadConfigFile } from '../../src/config/load.js';
import type { AuthFailureLimits } from '../../src/http/auth-failures.js';
import type { Config } from '../../src/config/schema.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { Sandbox } from '../../src/sandbox/sandbox.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { ManualClock } from './clock.js';

export const SANDBOX_URL = 'http://sandbox.test';
export const TEST_API_KEY = 'test-api-key-0123456789abcdef';

export interface HarnessOptions {
  seed?: 'sandbox' | 'empty';
  /** environment the service reads credentials from (the sandbox accepts the same values) */
  env?: Record<string, string>;
  /** environment only the service sees: a credential the sandbox will refuse */
  serviceEnv?: Record<string, string>;
  config?: (config: Config) => Config;
  /** every connection of the default config, all platforms and brands, manual ones included */
  whole?: boolean;
  enforceLimits?: boolean;
  /** each simulated platform's answer time (0 by default): lets a test act while calls are out */
  latencyMs?: number;
  dataDir?: string;
  clock?: ManualClock;
  sandbox?: Sandbox;
  /** where this service reaches the sandbox (two services in one test need two addresses) */
  sandboxUrl?: string;
  /** TRUST_PROXY */
  trustedProxies?: number;
  /**
   * Each recorded wait moves the clock on by as much, so what waits for time (a platform's
   * window, a block) sees it pass; off by default, where the clock moves only by hand.
   */
  sleepAdvancesClock?: boolean;
  /** called at each wait, before the clock moves: a test looks at the service mid-wait */
  onSleep?(ms: number): Promise<void> | void;
  authFailureLimits?: AuthFailureLimits;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * The connections most tests run on: one brand on the three platforms the core was built with
 * (a post scheduler that deletes and re-creates, an ad manager that flips statuses, an email
 * platform that unschedules). Each adapter's own tests cover the others; `whole` takes them all.
 */
export const CORE_CONNECTIONS = ['hootsuite-acme', 'meta-ads-acme', 'mailchimp-acme'];

/** The default config (by default its core connections), with request rates raised so tests do not wait on Hootsuite's 20/s. */
export function testConfig(whole = false): Config {
  const config = loadConfigFile(defaultConfigFile());
  return {
    ...config,
    manual: whole ? config.manual : [],
    // One key drives most tests: a resume needing a second lead is tested on its own.
    resume: { ...config.resume, approvalFrom: whole ? config.resume.approvalFrom : null },
    connections: config.connections.filter((c) => whole || CORE_CONNECTIONS.includes(c.id)).map((c) => ({ ...c, limits: { requestsPerSecond: 100_000 } })),
    execution: { ...config.execution, requestTimeoutMs: 2_000 },
  };
}

export async function startHarness(server: SetupServer, options: HarnessOptions = {}) {
  const clock = options.clock ?? new ManualClock();
  const config = (options.config ?? ((c) => c))(testConfig(options.whole));
  const specs = checkConnections(config, createRegistry());
  const env = { ...options.env };
  const sandbox =
    options.sandbox ??
    (await Sandbox.create(specs, env, { clock, seed: options.seed ?? 'sandbox', latencyMs: options.latencyMs ?? 0, enforceLimits: options.enforceLimits ?? false }));
  const sandboxUrl = options.sandboxUrl ?? SANDBOX_URL;
  server.use(http.all(`${sandboxUrl}/*`, ({ request }) => sandbox.fetch(request)));

  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-test-')));
  const store = await LowdbStore.open(dataDir);
  const logLines: string[] = [];
  const logger: Logger = createLogger('debug', (line) => logLines.push(line));
  const sleeps: number[] = [];
  const service = await composeService({
    config,
    specs,
    env: { ...env, ...options.serviceEnv },
    store,
    clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      await options.onSleep?.(ms);
      if (options.sleepAdvancesClock) clock.advance(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
    logger,
    sandboxUrl,
    ...(options.trustedProxies !== undefined && { trustedProxies: options.trustedProxies }),
    ...(options.authFailureLimits && { authFailureLimits: options.authFailureLimits }),
  });
  await bootstrapApiKey(store, clock, TEST_API_KEY);

  async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${TEST_API_KEY}`, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await service.app.request(url, init);
    const text = await response.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: response.status, body: json, text, headers: response.headers };
  }

  return {
    clock,
    config,
    sandbox,
    store,
    service,
    dataDir,
    sleeps,
    logLines,
    call,
    state: (): Record<string, SandboxItem[]> => sandbox.state(),
    /** pause at a severity and wait until the suspension is done, complete */
    async pause(severity: number | string, extra: Record<string, unknown> = {}) {
      const response = await call('POST', '/v1/pauses?wait=true', { severity, reason: 'test crisis', ...extra });
      if (response.status >= 300) throw new Error(`pause failed: ${response.status} ${response.text}`);
      return response.body.pause;
    },
    /** pause, expecting it to finish with failures: 502 `incomplete`, the pause in the details */
    async pauseIncomplete(severity: number | string, extra: Record<string, unknown> = {}) {
      const response = await call('POST', '/v1/pauses?wait=true', { severity, reason: 'test crisis', ...extra });
      if (response.status !== 502 || response.body?.error?.code !== 'incomplete') throw new Error(`expected an incomplete pause: ${response.status} ${response.text}`);
      return response.body.error.details.pause;
    },
    async resume(pauseId: string, body: Record<string, unknown> = {}) {
      const response = await call('POST', `/v1/pauses/${pauseId}/resume?wait=true`, body);
      if (response.status >= 300) throw new Error(`resume failed: ${response.status} ${response.text}`);
      return response.body.pause;
    },
    /** resume, expecting it to finish with failures: 502 `incomplete` */
    async resumeIncomplete(pauseId: string, body: Record<string, unknown> = {}) {
      const response = await call('POST', `/v1/pauses/${pauseId}/resume?wait=true`, body);
      if (response.status !== 502 || response.body?.error?.code !== 'incomplete') throw new Error(`expected an incomplete resume: ${response.status} ${response.text}`);
      return response.body.error.details.pause;
    },
    async items(pauseId: string, query = '') {
      const response = await call('GET', `/v1/pauses/${pauseId}/items?limit=1000${query}`);
      return response.body.data as Array<Record<string, any>>;
    },
    async close() {
      service.scheduler.stop();
      await service.pauses.idle();
      await store.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sandbox rows without the ids of re-created items, for comparing the world before and after. */
export function comparableWorld(world: Record<string, SandboxItem[]>, ignoreIdsOf: string[] = ['hootsuite-acme']) {
  return Object.fromEntries(
    Object.entries(world).map(([connection, rows]) => [
      connection,
      rows
        .map((r) => (ignoreIdsOf.includes(connection) ? { ...r, id: '(re-created)' } : r))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ]),
  );
}

export const liveIds = (world: Record<string, SandboxItem[]>) =>
  Object.entries(world).flatMap(([connection, rows]) => rows.filter((r) => r.live).map((r) => `${connection}/${r.id}`));
