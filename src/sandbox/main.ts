// `npm run sandbox [-- <directory>]`: the sandbox platforms in their own process, so their state
// outlives a crash of the service. Given a directory, they keep their worlds there across
// restarts of this process too. Point the service at it with SANDBOX_URL.
import path from 'node:path';
import { createRegistry } from '../../adapters/registry.js';
import { systemClock } from '../clock.js';
import { ConfigError } from '../config/config-error.js';
import { checkConnections, defaultConfigFile, loadConfigFile, loadEnv } from '../config/load.js';
import { listen, StartupError } from '../startup-error.js';
import { Sandbox } from './sandbox.js';

async function main(): Promise<void> {
  const env = loadEnv(process.env);
  const configFile = path.resolve(env.CONFIG_FILE ?? defaultConfigFile());
  const specs = checkConnections(loadConfigFile(configFile), createRegistry(), configFile);
  const worldsDir = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  const sandbox = await Sandbox.create(specs, process.env, {
    clock: systemClock,
    seed: process.env.SANDBOX_SEED === 'empty' ? 'empty' : 'sandbox',
    latencyMs: env.SANDBOX_LATENCY_MS,
    enforceLimits: true,
    ...(worldsDir && { worldsDir }),
  });
  for (const notice of sandbox.notices) console.warn(notice);
  const served = await listen(sandbox.fetch, env.SANDBOX_PORT, '127.0.0.1', 'SANDBOX_PORT');
  console.log(`sandbox platforms on ${served.url} for ${[...sandbox.simulators.keys()].join(', ')}`);
  if (worldsDir) console.log(`keeping their worlds in ${worldsDir}`);
  console.log(`start the service with SANDBOX_URL=${served.url}`);
  const stop = () =>
    void served
      .close()
      .then(() => sandbox.flush())
      .then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof StartupError ? `sandbox cannot start: ${error.message}` : error);
  process.exit(1);
});
