// A planned pause across real restarts: the service is killed (SIGKILL) while its plan waits,
// started again once the start has passed — it starts the pause by itself — killed again, and
// started once the end has passed: it resumes by itself, and the platforms hold what they held.
// And while the service runs, its own timer starts and ends a plan on time.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxItem } from '../../adapters/kit/simulator/types.js';
import { writeCoreConfig } from '../support/core-config.js';
import { api, getJson, startProcess, type Running } from '../support/process.js';
import { comparableWorld, liveIds } from '../support/service.js';
import { until } from '../support/until.js';

const KEY = 'planned-api-key-0123456789abcdef';

describe('end to end: a planned pause that starts and ends across restarts', () => {
  let sandboxProcess: Running;
  let sandbox: string;
  let dataDir: string;
  let configFile: string;
  const running: Running[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-planned-'));
    configFile = await writeCoreConfig(path.join(dataDir, '..'), undefined, `${path.basename(dataDir)}-config.json`);
    sandboxProcess = startProcess('src/sandbox/main.ts', { SANDBOX_PORT: '0', CONFIG_FILE: configFile });
    sandbox = await sandboxProcess.waitFor(/sandbox platforms on (http:\/\/\S+)/);
  }, 60_000);

  afterAll(async () => {
    for (const p of running) await p.stop('SIGKILL');
    await sandboxProcess.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(configFile, { force: true });
  });

  async function startService() {
    const service = startProcess('src/main.ts', { PORT: '0', DATA_DIR: dataDir, CONFIG_FILE: configFile, SANDBOX_URL: sandbox, BOOTSTRAP_API_KEY: KEY, LOG_LEVEL: 'warn' });
    running.push(service);
    const base = await service.waitFor(/listening on (http:\/\/\S+)/);
    return { process: service, call: api(base, KEY) };
  }
  const kill = async (service: Awaited<ReturnType<typeof startService>>) => {
    service.process.child.kill('SIGKILL');
    await service.process.exited;
  };
  const world = async (): Promise<Record<string, SandboxItem[]>> => (await getJson(`${sandbox}/__sandbox/state`)).body;
  const passed = (at: string) => until(async () => Date.now() > Date.parse(at), `${at} to pass`, 60_000, 50);

  it('starts by itself after a restart past startsAt, and resumes by itself after one past endsAt', async () => {
    const before = await world();
    const first = await startService();
    // Far enough apart that the second service has suspended everything before the end.
    const startsAt = new Date(Date.now() + 2_000).toISOString();
    const endsAt = new Date(Date.now() + 30_000).toISOString();
    const planned = await first.call('POST', '/v1/pauses', { severity: 3, reason: 'national day of mourning', startsAt, endsAt });
    expect(planned.status).toBe(201);
    const id = planned.body.pause.id;
    await kill(first);
    await passed(startsAt);
    expect(liveIds(await world())).toEqual(liveIds(before));

    const second = await startService();
    await until(async () => (await second.call('GET', `/v1/pauses/${id}`)).body.state === 'active', 'the planned pause to start', 60_000, 50);
    expect(liveIds(await world())).toEqual([]);
    // The end is still ahead: the kill below spans it (else this test would prove less than it says).
    expect(Date.now()).toBeLessThan(Date.parse(endsAt));
    await kill(second);
    await passed(endsAt);

    const third = await startService();
    await until(async () => (await third.call('GET', `/v1/pauses/${id}`)).body.state === 'resumed', 'the planned end', 60_000, 50);
    expect(comparableWorld(await world())).toEqual(comparableWorld(before));
    const audit = (await third.call('GET', `/v1/audit?pauseId=${id}&limit=1000`)).body.data as Array<{ action: string; source: string }>;
    expect(audit.filter((e) => e.source === 'schedule').map((e) => e.action)).toEqual(expect.arrayContaining(['pause.plan-started', 'pause.plan-ended', 'pause.resume-requested']));
    expect(audit.filter((e) => e.action === 'pause.plan-started')).toHaveLength(1);
    await kill(third);
  }, 180_000);

  it('starts and ends on time while the service runs: its timer, woken by the new plan', async () => {
    const before = await world();
    const service = await startService();
    const startsAt = new Date(Date.now() + 2_000).toISOString();
    const endsAt = new Date(Date.now() + 6_000).toISOString();
    const id = (await service.call('POST', '/v1/pauses', { severity: 1, reason: 'anniversary', startsAt, endsAt })).body.pause.id;
    await until(async () => (await service.call('GET', `/v1/pauses/${id}`)).body.state === 'active', 'the start', 30_000, 50);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(startsAt));
    expect(liveIds(await world()).filter((i) => i.startsWith('hootsuite'))).toEqual([]);
    await until(async () => (await service.call('GET', `/v1/pauses/${id}`)).body.state === 'resumed', 'the end', 30_000, 50);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(endsAt));
    expect(comparableWorld(await world())).toEqual(comparableWorld(before));

    // A pause that starts now with a planned end wakes the timer too.
    const quarterEnds = new Date(Date.now() + 8_000).toISOString();
    const answer = await service.call('POST', '/v1/pauses', { severity: 1, reason: 'a short silence', endsAt: quarterEnds });
    expect(answer.status).toBe(202);
    const now = answer.body.pause;
    expect(now).toMatchObject({ state: 'suspending', schedule: { startsAt: null, endsAt: quarterEnds } });
    await until(async () => (await service.call('GET', `/v1/pauses/${now.id}`)).body.state === 'resumed', 'the planned end of a pause started now', 30_000, 50);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(quarterEnds));
    expect(comparableWorld(await world())).toEqual(comparableWorld(before));
    await kill(service);
  }, 90_000);
});
