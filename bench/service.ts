// The real service, composed as main.ts composes it (default config and platform limits, real
// store on disk, real sleep and clock) and served on loopback; only the sandbox URL and the
// data directory (a fresh temporary one) are the benchmark's.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { createRegistry } from '../adapters/registry.js';
import { bootstrapApiKey } from '../src/auth/bootstrap.js';
import { sleep, systemClock } from '../src/clock.js';
import { composeService } from '../src/compose.js';
import { checkConnections } from '../src/config/load.js';
import { benchConfig } from './config.js';
import { createLogger } from '../src/logger.js';
import { serveFetch } from '../src/serve.js';
import { AUDIT_FILE, LowdbStore } from '../src/store/lowdb/lowdb-store.js';
import { countingStore } from './counting-store.js';

const run = promisify(execFile);

export const BENCH_API_KEY = 'bench-api-key-0123456789abcdef';

export async function startService(sandboxUrl: string) {
  const config = benchConfig();
  const specs = checkConnections(config, createRegistry());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-bench-'));
  const lowdb = await LowdbStore.open(dataDir);
  const counted = countingStore(lowdb);
  // Warnings and errors are counted and the first few kept: a retry storm shows up here.
  const logged = { warn: 0, error: 0, first: [] as string[] };
  const logger = createLogger('warn', (line) => {
    const level = (JSON.parse(line) as { level: 'warn' | 'error' }).level;
    logged[level]++;
    if (logged.first.length < 5) logged.first.push(line.slice(0, 400));
  });
  const service = await composeService({ config, specs, env: {}, store: counted.store, clock: systemClock, sleep, logger, sandboxUrl });
  await bootstrapApiKey(counted.store, systemClock, BENCH_API_KEY);
  const server = await serveFetch(service.app.fetch, 0);
  await service.start();

  const sizeOf = async (file: string) => (await stat(path.join(dataDir, file)).catch(() => ({ size: 0 }))).size;
  return {
    url: server.url,
    logged,
    fileWrites: () => lowdb.stats.fileWrites,
    bytesWritten: () => lowdb.stats.bytesWritten,
    writesRequested: counted.requested,
    /** everything the store keeps in DATA_DIR but the audit log: snapshot and journal */
    dataFileBytes: async () => (await Promise.all((await readdir(dataDir)).filter((f) => f !== AUDIT_FILE).map(sizeOf))).reduce((a, b) => a + b, 0),
    auditFileBytes: () => sizeOf(AUDIT_FILE),
    /** the pause's item states as the disk holds them (not as memory does), read by another process */
    async diskItemStates(pauseId: string): Promise<Record<string, number>> {
      const script = fileURLToPath(new URL('./disk-states.ts', import.meta.url));
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script, dataDir, pauseId]);
      return JSON.parse(stdout) as Record<string, number>;
    },
    async close() {
      await server.close();
      await service.pauses.idle();
      await lowdb.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export type Service = Awaited<ReturnType<typeof startService>>;
