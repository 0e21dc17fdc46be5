// End to end: the real server on an ephemeral port with the embedded sandbox, driven over HTTP
// as the README's tour does. Pause at severity 3, check every live item is suspended and what
// people had paused is untouched, resume, and check the world is as it was.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxItem } from '../../adapters/kit/simulator/types.js';
import { api, getJson, startProcess, type Running } from '../support/process.js';
import { comparableWorld, liveIds } from '../support/service.js';

const KEY = 'e2e-api-key-0123456789abcdef';

describe('end to end: npm start, pause at severity 3, resume', () => {
  let service: Running;
  let dataDir: string;
  let base: string;
  let sandbox: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-e2e-'));
    service = startProcess('src/main.ts', { PORT: '0', SANDBOX_PORT: '0', DATA_DIR: dataDir, BOOTSTRAP_API_KEY: KEY, LOG_LEVEL: 'warn' });
    base = await service.waitFor(/listening on (http:\/\/\S+)/);
    sandbox = await service.waitFor(/sandbox platforms on (http:\/\/\S+)/);
  }, 60_000);

  afterAll(async () => {
    expect(await service.stop('SIGTERM')).toBe(0);
    await rm(dataDir, { recursive: true, force: true });
  });

  const world = async (): Promise<Record<string, SandboxItem[]>> => (await getJson(`${sandbox}/__sandbox/state`)).body;

  it('suspends every live item, leaves what people paused, and puts everything back', async () => {
    const call = api(base, KEY);
    expect((await getJson(`${base}/healthz`)).status).toBe(200);
    expect((await getJson(`${base}/readyz`)).status).toBe(200);
    expect((await call('GET', '/v1/pauses')).status).toBe(200);
    expect((await getJson(`${base}/v1/pauses`)).status).toBe(401);

    const before = await world();
    expect(Object.keys(before).sort()).toEqual(['hootsuite-acme', 'mailchimp-acme', 'meta-ads-acme']);
    const live = liveIds(before);
    expect(live.length).toBeGreaterThan(50);

    const paused = await call('POST', '/v1/pauses?wait=true', { severity: 3, reason: 'A post went wrong' });
    expect(paused.status).toBe(201);
    expect(paused.body.pause).toMatchObject({ state: 'active', severity: 3, severityName: 'red-alert' });
    expect(paused.body.pause.counts.byState.suspended).toBe(live.length);

    const during = await world();
    expect(liveIds(during)).toEqual([]);
    for (const [connection, rows] of Object.entries(before))
      for (const row of rows.filter((r) => !r.live)) expect(during[connection]).toContainEqual(row);

    const resumed = await call('POST', `/v1/pauses/${paused.body.pause.id}/resume?wait=true`, {});
    expect(resumed.status).toBe(200);
    expect(resumed.body.pause.state).toBe('resumed');
    expect(resumed.body.pause.counts.byState.restored).toBe(live.length);
    expect(comparableWorld(await world())).toEqual(comparableWorld(before));

    const audit = await call('GET', `/v1/audit?pauseId=${paused.body.pause.id}&limit=10000`);
    expect(audit.body.data.filter((e: { action: string }) => e.action === 'item.restored')).toHaveLength(live.length);
  }, 120_000);
});
