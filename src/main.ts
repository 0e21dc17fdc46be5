// The composition root: the only module with side effects (files, ports, signals, stdout).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createRegistry } from '../adapters/registry.js';
import { bootstrapApiKey } from './auth/bootstrap.js';
import { sleep, systemClock } from './clock.js';
import { composeService } from './compose.js';
import { ConfigError } from './config/config-error.js';
import { checkConnections, defaultConfigFile, loadConfigFile, loadEnv } from './config/load.js';
import { createLogger } from './logger.js';
import type { Served } from './serve.js';
import { listen, StartupError } from './startup-error.js';
import { DataDirLockedError, lockDataDir } from './store/data-dir-lock.js';
import { LowdbStore } from './store/lowdb/lowdb-store.js';

async function main(): Promise<void> {
  const env = loadEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const configFile = path.resolve(env.CONFIG_FILE ?? defaultConfigFile());
  const config = loadConfigFile(configFile);
  const specs = checkConnections(config, createRegistry(), configFile);
  const clock = systemClock;

  // The lock first: nothing may be written to a data directory another service holds.
  const dataDir = path.resolve(env.DATA_DIR);
  await mkdir(dataDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new StartupError(`cannot create ${dataDir} (${error.code ?? error.message}); set DATA_DIR`);
  });
  const unlock = await lockDataDir(dataDir, {
    // A container killed without releasing its lock is replaced without a person: the new one
    // waits for the old lock to go silent, and gives up as soon as it sees it is alive.
    waitForStale: { onWait: (message) => logger.warn('the data directory is locked elsewhere', { detail: message }) },
    onLost: (reason) => {
      // Another service writes there now: every further write of ours would clobber its own.
      logger.error('stopping at once: the data directory is no longer ours', { reason });
      process.exit(1);
    },
  });
  const undo: Array<() => Promise<void>> = [unlock];
  try {
    // The embedded sandbox runs unless SANDBOX_URL points at one of its own (npm run sandbox). Its
    // code is loaded only then; it keeps its worlds in DATA_DIR/sandbox so a restart finds the
    // platforms as they were (an active pause's items still suspended).
    let sandboxUrl = env.SANDBOX_URL;
    let sandboxServer: Served | null = null;
    if (!sandboxUrl && specs.some((s) => s.config.sandbox)) {
      const { Sandbox } = await import('./sandbox/sandbox.js');
      const sandbox = await Sandbox.create(specs, process.env, {
        clock,
        seed: 'sandbox',
        latencyMs: env.SANDBOX_LATENCY_MS,
        enforceLimits: true,
        worldsDir: path.join(dataDir, 'sandbox'),
      });
      for (const notice of sandbox.notices) logger.warn(notice);
      undo.unshift(() => sandbox.flush());
      sandboxServer = await listen(sandbox.fetch, env.SANDBOX_PORT, '127.0.0.1', 'SANDBOX_PORT');
      undo.unshift(() => sandboxServer!.close());
      sandboxUrl = sandboxServer.url;
    }

    const store = await LowdbStore.open(dataDir);
    undo.unshift(() => store.close());
    for (const notice of store.notices) logger.warn(notice);
    const service = await composeService({ config, specs, env: process.env, store, clock, sleep, logger, sandboxUrl, trustedProxies: env.TRUST_PROXY });
    // Listening before the first key is made: a start that fails on a busy port never makes a
    // key it could not show.
    const server = await listen(service.app.fetch, env.PORT, env.HOST, 'PORT');
    const newKey = await bootstrapApiKey(store, clock, env.BOOTSTRAP_API_KEY);
    for (const c of service.connections.filter((c) => c.unusable))
      logger.warn('connection cannot be used; its items will fail until this is fixed', { connection: c.id, code: c.unusable!.code, reason: c.unusable!.message });
    const recovering = await service.start();

    console.log(`crisis-pause listening on ${server.url} (the console: ${server.url}/)`);
    if (sandboxServer) console.log(`sandbox platforms on ${sandboxServer.url} (state: ${sandboxServer.url}/__sandbox/state)`);
    else if (sandboxUrl) console.log(`using sandbox platforms at ${sandboxUrl}`);
    if (newKey) console.log(`first API key (shown once, stored hashed): ${newKey}`);
    if (recovering.length > 0) console.log(`finishing ${recovering.length} interrupted pause(s): ${recovering.join(', ')}`);

    // Refused API keys of addresses that went quiet are summarized in the audit log once a window.
    const sweeper = setInterval(() => void service.authFailures.sweep(), service.authFailures.limits.windowMs);
    sweeper.unref();

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info('stopping', { signal });
      clearInterval(sweeper);
      service.scheduler.stop();
      await server.close();
      // Work still running is safe to cut: the next start reconciles it. Give it a moment first.
      await Promise.race([service.pauses.idle(), sleep(10_000)]);
      await service.authFailures.sweep(true);
      await service.stop();
      for (const step of undo) await step();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  } catch (error) {
    for (const step of undo) await step().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  // A problem a person can fix is one line; anything else is a bug, shown whole.
  const known = error instanceof ConfigError || error instanceof StartupError || error instanceof DataDirLockedError;
  console.error(known ? `crisis-pause cannot start: ${error.message}` : error);
  process.exit(1);
});
