// Crash safety end to end: the sandbox runs as its own process (npm run sandbox) so the
// platforms outlive the service; the service is killed with SIGKILL mid-pause and mid-resume,
// restarted on the same data, and must finish the work without doing anything twice.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxItem } from '../../adapters/kit/simulator/types.js';
import { writeCoreConfig } from '../support/core-config.js';
import { api, getJson, startProcess, type Running } from '../support/process.js';
import { comparableWorld, liveIds } from '../support/service.js';
import { until } from '../support/until.js';

const KEY = 'crash-api-key-0123456789abcdef';

describe('end to end: crash and restart', () => {
  let sandboxProcess: Running;
  let sandbox: string;
  let dataDir: string;
  let configFile: string;
  const running: Running[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-crash-'));
    configFile = await writeCoreConfig(path.join(dataDir, '..'), undefined, `${path.basename(dataDir)}-config.json`);
    // Latency makes each pass take long enough to kill the service half-way through.
    sandboxProcess = startProcess('src/sandbox/main.ts', { SANDBOX_PORT: '0', SANDBOX_LATENCY_MS: '40', CONFIG_FILE: configFile });
    sandbox = await sandboxProcess.waitFor(/sandbox platforms on (http:\/\/\S+)/);
  }, 60_000);

  afterAll(async () => {
    for (const p of running) await p.stop('SIGKILL');
    await sandboxProcess.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(configFile, { force: true });
  });

  async function startService(): Promise<{ process: Running; call: ReturnType<typeof api> }> {
    const service = startProcess('src/main.ts', { PORT: '0', DATA_DIR: dataDir, CONFIG_FILE: configFile, SANDBOX_URL: sandbox, BOOTSTRAP_API_KEY: KEY, LOG_LEVEL: 'warn' });
    running.push(service);
    const base = await service.waitFor(/listening on (http:\/\/\S+)/);
    return { process: service, call: api(base, KEY) };
  }

  const world = async (): Promise<Record<string, SandboxItem[]>> => (await getJson(`${sandbox}/__sandbox/state`)).body;
  const posts = (w: Record<string, SandboxItem[]>) => w['hootsuite-acme']!;

  const waitFor = (condition: () => Promise<boolean>, what: string) => until(condition, what, 60_000, 20);

  it('finishes an interrupted pause and an interrupted resume after SIGKILL', async () => {
    const before = await world();
    const live = liveIds(before);

    // Pause, and kill the service once some posts are deleted but not all.
    const first = await startService();
    const started = await first.call('POST', '/v1/pauses', { severity: 3, reason: 'crash drill' });
    expect(started.status).toBe(202);
    const pauseId = started.body.pause.id;
    const livePosts = posts(before).filter((r) => r.live).length;
    await waitFor(async () => {
      const gone = livePosts - posts(await world()).filter((r) => r.live).length;
      return gone >= 5;
    }, 'some posts suspended');
    first.process.child.kill('SIGKILL');
    await first.process.exited;
    expect(liveIds(await world()).length).toBeGreaterThan(0);

    const second = await startService();
    await second.process.waitFor(/finishing 1 interrupted pause/);
    await waitFor(async () => (await second.call('GET', `/v1/pauses/${pauseId}`)).body.state === 'active', 'the pause to finish');
    const paused = (await second.call('GET', `/v1/pauses/${pauseId}`)).body;
    expect(paused.counts.total).toBe(live.length);
    expect(paused.counts.byState.suspended).toBe(live.length);
    expect(liveIds(await world())).toEqual([]);

    // Resume, and kill it once some posts are re-created but not all.
    const resuming = await second.call('POST', `/v1/pauses/${pauseId}/resume`, {});
    expect(resuming.status).toBe(202);
    await waitFor(async () => posts(await world()).filter((r) => r.live).length >= 5, 'some posts re-created');
    second.process.child.kill('SIGKILL');
    await second.process.exited;

    const third = await startService();
    await third.process.waitFor(/finishing 1 interrupted pause/);
    await waitFor(async () => (await third.call('GET', `/v1/pauses/${pauseId}`)).body.state === 'resumed', 'the resume to finish');
    const resumed = (await third.call('GET', `/v1/pauses/${pauseId}`)).body;
    expect(resumed.counts.byState.restored).toBe(live.length);
    const after = await world();
    expect(posts(after)).toHaveLength(posts(before).length); // no post re-created twice
    expect(comparableWorld(after)).toEqual(comparableWorld(before));
  }, 180_000);
});
