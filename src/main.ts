// The composition root: the only module with side effects (files, ports, signals, stdout).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createRegistry } from '../adapters/registry.js';
import { bootstrapApiKey } from './auth/bootstrap.js';
import { ConfigError } from './config/config-error.js';
import { checkConnections, defaultConfigFile, loadConfigFile, loadEnv } from './config/load.js';
import { composeService } from './compose.js';
import { sleep, systemClock } from './clock.js';
import { createLogger } from './logger.js';
import { serveFetch, type Served } from './serve.js';
import { lockDataDir } from './store/data-dir-lock.js';
import { LowdbStore } from './store/lowdb-store.js';

async function main(): Promise<void> {
  const env = loadEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const configFile = path.resolve(env.CONFIG_FILE ?? defaultConfigFile());
  const config = loadConfigFile(configFile);
  const specs = checkConnections(config, createRegistry(), configFile);
  const clock = systemClock;

  const dataDir = path.resolve(env.DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  const unlock = await lockDataDir(dataDir);

  // The embedded sandbox runs unless SANDBOX_URL points at one of its own (npm run sandbox). Its
  // code is loaded only then; it keeps its worlds in DATA_DIR/sandbox so a restart finds the
  // platforms as they were (an active pause's items still suspended).
  let sandboxUrl = env.SANDBOX_URL;
  let sandbox: { flush(): Promise<void> } | null = null;
  let sandboxServer: Served | null = null;
  if (!sandboxUrl && specs.some((s) => s.config.sandbox)) {
    const { Sandbox } = await import('./sandbox/sandbox.js');
    const embedded = await Sandbox.create(specs, process.env, {
      clock,
      seed: 'sandbox',
      latencyMs: env.SANDBOX_LATENCY_MS,
      enforceLimits: true,
      worldsDir: path.join(dataDir, 'sandbox'),
    });
    for (const notice of embedded.notices) logger.warn(notice);
    sandboxServer = await serveFetch(embedded.fetch, env.SANDBOX_PORT);
    sandboxUrl = sandboxServer.url;
    sandbox = embedded;
  }

  const store = await LowdbStore.open(dataDir);
  for (const notice of store.notices) logger.warn(notice);
  const service = await composeService({ config, specs, env: process.env, store, clock, sleep, logger, sandboxUrl });
  const newKey = await bootstrapApiKey(store, service.audit, clock, env.BOOTSTRAP_API_KEY);
  for (const c of service.connections.filter((c) => c.missingCredentials.length > 0))
    logger.warn('connection has no credentials; its items will fail until they are set', { connection: c.id, missing: c.missingCredentials });

  const server = await serveFetch(service.app.fetch, env.PORT, env.HOST);
  const recovering = await service.start();

  console.log(`crisis-pause listening on ${server.url}`);
  if (sandboxServer) console.log(`sandbox platforms on ${sandboxServer.url} (state: ${sandboxServer.url}/__sandbox/state)`);
  else if (sandboxUrl) console.log(`using sandbox platforms at ${sandboxUrl}`);
  if (newKey) console.log(`first API key (shown once, stored hashed): ${newKey}`);
  if (recovering.length > 0) console.log(`finishing ${recovering.length} interrupted pause(s): ${recovering.join(', ')}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    await server.close();
    // Work still running is safe to cut: the next start reconciles it. Give it a moment first.
    await Promise.race([service.pauses.idle(), sleep(10_000)]);
    await store.close();
    await sandboxServer?.close();
    await sandbox?.flush();
    await unlock();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `crisis-pause cannot start: ${error.message}` : error);
  process.exit(1);
});
