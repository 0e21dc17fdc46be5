// The reported defect: `npm start` re-seeded its sandbox at every start, so after a restart an
// active pause showed everything live again. Now the embedded sandbox keeps its worlds in
// DATA_DIR/sandbox: start, change the platforms, restart, and the change is still there.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxItem } from '../../adapters/kit/simulator/types.js';
import { SANDBOX_CREDENTIAL } from '../../src/connections/sandbox-credential.js';
import { writeCoreConfig } from '../support/core-config.js';
import { api, getJson, startProcess, type Running } from '../support/process.js';
import { comparableWorld, liveIds } from '../support/service.js';

const KEY = 'restart-api-key-0123456789abcdef';

describe('end to end: the embedded sandbox remembers across restarts', () => {
  let dataDir: string;
  const running: Running[] = [];

  let configFile: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-restart-'));
    configFile = await writeCoreConfig(dataDir);
  });

  afterAll(async () => {
    for (const p of running) await p.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<{ process: Running; base: string; sandbox: string }> {
    const service = startProcess('src/main.ts', { PORT: '0', SANDBOX_PORT: '0', DATA_DIR: path.join(dataDir, 'data'), CONFIG_FILE: configFile, BOOTSTRAP_API_KEY: KEY, LOG_LEVEL: 'warn' });
    running.push(service);
    const base = await service.waitFor(/listening on (http:\/\/\S+)/);
    const sandbox = await service.waitFor(/sandbox platforms on (http:\/\/\S+)/);
    return { process: service, base, sandbox };
  }
  const world = async (sandbox: string): Promise<Record<string, SandboxItem[]>> => (await getJson(`${sandbox}/__sandbox/state`)).body;
  const posts = (w: Record<string, SandboxItem[]>) => w['hootsuite-acme']!;

  it('keeps a change made through a platform API, and an active pause stays suspended', async () => {
    const first = await start();
    const seeded = await world(first.sandbox);
    // A person deletes a post awaiting approval in "Hootsuite"...
    const pending = posts(seeded).find((r) => r.status === 'PENDING_APPROVAL')!;
    expect((await fetch(`${first.sandbox}/hootsuite-acme/v1/messages/${pending.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${SANDBOX_CREDENTIAL}` } })).status).toBe(200);
    // ...and the service pauses everything at severity 1 (posts).
    const paused = await api(first.base, KEY)('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'restart drill' });
    expect(paused.status).toBe(201);
    const during = await world(first.sandbox);
    expect(posts(during).filter((r) => r.live)).toEqual([]);
    expect(await first.process.stop('SIGTERM')).toBe(0);
    expect((await readdir(path.join(dataDir, 'data', 'sandbox'))).sort()).toEqual(['hootsuite-acme.json', 'mailchimp-acme.json', 'meta-ads-acme.json']);

    const second = await start();
    const after = await world(second.sandbox);
    expect(after).toEqual(during);
    expect(posts(after).map((r) => r.id)).not.toContain(pending.id);
    // Resume puts back what the pause took, on the platforms as they were kept.
    const resumed = await api(second.base, KEY)('POST', `/v1/pauses/${paused.body.pause.id}/resume?wait=true`, {});
    expect(resumed.body.pause.state).toBe('resumed');
    const back = await world(second.sandbox);
    expect(liveIds(back).length).toBe(liveIds(seeded).length);
    const withoutPending = { ...seeded, 'hootsuite-acme': posts(seeded).filter((r) => r.id !== pending.id) };
    expect(comparableWorld(back)).toEqual(comparableWorld(withoutPending));
    expect(await second.process.stop('SIGTERM')).toBe(0);
  }, 120_000);

  it('npm run sandbox given a directory keeps its worlds there across its own restarts', async () => {
    const dir = path.join(dataDir, 'standalone');
    const start = async () => {
      const sandbox = startProcess('src/sandbox/main.ts', { SANDBOX_PORT: '0', CONFIG_FILE: configFile }, [dir]);
      running.push(sandbox);
      return { process: sandbox, url: await sandbox.waitFor(/sandbox platforms on (http:\/\/\S+)/) };
    };
    const first = await start();
    expect(await first.process.waitFor(/keeping their worlds in (\S+)/)).toBe(dir);
    const live = posts(await world(first.url)).find((r) => r.live)!;
    const gone = await fetch(`${first.url}/hootsuite-acme/v1/messages/${live.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${SANDBOX_CREDENTIAL}` } });
    expect(gone.status).toBe(200);
    const before = await world(first.url);
    expect(await first.process.stop('SIGTERM')).toBe(0);

    const second = await start();
    expect(await world(second.url)).toEqual(before);
    expect(await second.process.stop('SIGTERM')).toBe(0);
  }, 60_000);
});
