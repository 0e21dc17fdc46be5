// Crash safety by construction, checked the hard way: the real service is killed with SIGKILL at
// a random moment of a pause, an escalation, a resume or a retry, restarted on the same data, and
// driven to the end. Every seed must end with the platforms exactly as before (ids of re-created
// Hootsuite messages aside), nothing doubled, and an audit chain without a gap. The sandbox runs
// in its own process, so the platforms outlive each crash as real ones would.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SandboxItem } from '../../adapters/kit/simulator/types.js';
import { writeCoreConfig } from '../support/core-config.js';
import { api, getJson, startProcess, type Running } from '../support/process.js';
import { comparableWorld, liveIds } from '../support/service.js';
import { until } from '../support/until.js';

const KEY = 'random-kill-api-key-0123456789';
const PHASES = ['pause', 'escalation', 'resume', 'retry'] as const;
type Phase = (typeof PHASES)[number];
const SEEDS = Array.from({ length: 10 }, (_, i) => ({ seed: i + 1, phase: PHASES[i % PHASES.length]! }));

/** Deterministic per seed, so a failing seed can be run again as it was. */
function random(seed: number): () => number {
  let state = seed * 2654435761;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** At most this many seeds at once (each runs a sandbox and a service): the machine has 2 cores. */
const AT_ONCE = 2;
let slots = AT_ONCE;
const waiting: Array<() => void> = [];
async function slot(): Promise<() => void> {
  if (slots > 0) slots--;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  return () => {
    const next = waiting.shift();
    if (next) next();
    else slots++;
  };
}

describe.concurrent('end to end: SIGKILL at a random moment', () => {
  // The test context's own onTestFinished: in concurrent tests the imported one is not this test's.
  it.for(SEEDS)('seed $seed, killed during the $phase, ends with the world as before', { timeout: 600_000 }, async ({ seed, phase }, { onTestFinished }) => {
    onTestFinished(await slot());
    const running: Running[] = [];
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `crisis-pause-kill-${seed}-`));
    onTestFinished(async () => {
      for (const p of running) await p.stop('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    });
    // Few, short retries: a failure the retry phase injects fails fast instead of backing off.
    const configFile = await writeCoreConfig(path.join(dataDir, '..'), (config) => (config.execution = { ...config.execution, retries: 1, backoffMs: 100 }), `crisis-pause-kill-${seed}-config.json`);
    onTestFinished(() => rm(configFile, { force: true }));
    const rng = random(seed);
    const sandboxProcess = startProcess('src/sandbox/main.ts', { SANDBOX_PORT: '0', SANDBOX_LATENCY_MS: '20', CONFIG_FILE: configFile });
    running.push(sandboxProcess);
    const sandbox = await sandboxProcess.waitFor(/sandbox platforms on (http:\/\/\S+)/);
    const world = async (): Promise<Record<string, SandboxItem[]>> => (await getJson(`${sandbox}/__sandbox/state`)).body;
    const faults = (method: 'POST' | 'DELETE', body?: unknown) =>
      fetch(`${sandbox}/__sandbox/faults`, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const before = await world();

    let service = await startService();
    async function startService() {
      const p = startProcess('src/main.ts', { PORT: '0', DATA_DIR: dataDir, CONFIG_FILE: configFile, SANDBOX_URL: sandbox, BOOTSTRAP_API_KEY: KEY, LOG_LEVEL: 'error' });
      running.push(p);
      const base = await p.waitFor(/listening on (http:\/\/\S+)/);
      return { process: p, call: api(base, KEY) };
    }
    /** SIGKILL after a random moment of the phase under test, then a new service on the same data. */
    async function killAndRestart(during: Phase) {
      if (during !== phase) return;
      await new Promise((resolve) => setTimeout(resolve, 30 + rng() * 2_500));
      service.process.child.kill('SIGKILL');
      await service.process.exited;
      service = await startService();
    }
    const pauseOf = async (id: string) => (await service.call('GET', `/v1/pauses/${id}`)).body;
    const settled = (state: string) => async (id: string) => {
      await until(async () => {
        const p = await pauseOf(id);
        return p.state === state && p.work.length === 0;
      }, `pause ${id} ${state} with no work left`, 90_000, 50);
      return pauseOf(id);
    };

    if (phase === 'retry') await faults('POST', { connection: 'mailchimp-acme', kind: 'server-error', method: 'POST', times: 1_000_000 });
    const opened = await service.call('POST', '/v1/pauses', { severity: phase === 'escalation' ? 1 : 3, reason: `kill drill ${seed}` });
    expect(opened.status).toBe(202);
    const id = opened.body.pause.id as string;
    await killAndRestart('pause');
    let pause = await settled('active')(id);

    if (phase === 'escalation') {
      const escalated = await service.call('POST', '/v1/pauses', { severity: 3, reason: `worse ${seed}` });
      expect(escalated.body).toMatchObject({ outcome: 'escalated', pause: { id, state: 'suspending' } });
      await killAndRestart('escalation');
      pause = await settled('active')(id);
    }
    if (phase === 'retry') {
      expect(pause.failures.items).toBeGreaterThan(0);
      await faults('DELETE');
      expect((await service.call('POST', `/v1/pauses/${id}/retry`)).status).toBe(202);
      await killAndRestart('retry');
      pause = await settled('active')(id);
    }
    expect(pause).toMatchObject({ severity: 3, complete: true });
    expect(liveIds(await world())).toEqual([]);

    expect((await service.call('POST', `/v1/pauses/${id}/resume`, {})).status).toBe(202);
    await killAndRestart('resume');
    let resumed = await settled('resumed')(id);
    // An answer lost in a crash leaves an item failed, never doubled: a retry settles it.
    for (let attempt = 0; attempt < 3 && !resumed.complete; attempt++) {
      await service.call('POST', `/v1/pauses/${id}/retry`);
      resumed = await settled('resumed')(id);
    }
    expect(resumed.complete).toBe(true);

    const after = await world();
    for (const connection of Object.keys(before)) expect(after[connection]!.length, `${connection}: nothing doubled`).toBe(before[connection]!.length);
    expect(comparableWorld(after)).toEqual(comparableWorld(before));
    const audit = (await service.call('GET', '/v1/audit?limit=10000')).body.data as Array<{ seq: number }>;
    expect(audit.map((e) => e.seq)).toEqual(audit.map((_, i) => i + 1));
  });
});
