// GET /healthz and GET /readyz: liveness always, readiness once start() has finished recovery.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { expectError, expectUnchanged, worldOf } from './assertions.js';

describe('health routes', () => {
  const server = useMsw();
  let h: Harness;
  let dataDir: string | undefined;
  afterEach(async () => {
    await h?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it('GET /healthz answers 200 without an API key', async () => {
    h = await startHarness(server);
    const before = await worldOf(h);
    const reply = await h.call('GET', '/healthz', undefined, { authorization: '' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ status: 'ok' });
    // Probes are not API calls: nothing is audited, not even a missing key.
    await expectUnchanged(h, before);
  });

  it('GET /readyz is 503 until start() has run, then 200', async () => {
    h = await startHarness(server);
    // The harness composes the service but never calls start(): the service is not ready yet.
    const starting = await h.call('GET', '/readyz', undefined, { authorization: '' });
    expect(starting.status).toBe(503);
    expect(starting.body).toEqual({ status: 'starting' });
    expect(starting.text).not.toMatch(/\bat .+:\d+/);

    const recovering = await h.service.start();
    expect(recovering).toEqual([]);
    const ready = await h.call('GET', '/readyz', undefined, { authorization: '' });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('becomes ready only after start() has picked up a pause left unfinished', async () => {
    // A first service leaves a pause `suspending` (as after a crash) in its data dir…
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'crisis-pause-readyz-'));
    const first = await startHarness(server, { dataDir });
    const pause = await first.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    // A retry asked for and stored, whose job never ran: work left pending by a crash.
    await first.store.changePause(pause.id, (p) => ({
      pause: { ...p, state: 'suspending', work: [{ kind: 'retry', id: 'wrk_left', requested: { at: p.createdAt, actor: p.actor, source: 'api', requestId: 'req_x' }, startedAt: p.createdAt }] },
      audit: [],
    }));
    await first.close();
    h = await startHarness(server, { dataDir, clock: first.clock, sandbox: first.sandbox });
    expect((await h.call('GET', '/readyz')).status).toBe(503);
    // …and the next one reports it while starting, then is ready.
    expect(await h.service.start()).toEqual([pause.id]);
    expect((await h.call('GET', '/readyz')).status).toBe(200);
    await h.service.pauses.idle();
    expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body.state).toBe('active');
  });

  it('answers 404 in the error shape for a method the probes do not take', async () => {
    h = await startHarness(server);
    expectError(await h.call('POST', '/healthz'), 404, 'not_found');
  });
});
