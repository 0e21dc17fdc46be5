// 503 when the store cannot write: the service refuses every change (nothing may reach a
// platform without a durable snapshot), says so in the error shape without paths or stacks,
// stops being ready, and logs it under the request id.
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { expectError } from './assertions.js';

describe('a store that cannot write', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('answers 503, refuses every later change, turns not ready, and touches no platform', async () => {
    h = await startHarness(server);
    await h.service.start();
    // The data directory disappears under the running service (a volume unmounted).
    await rm(h.dataDir, { recursive: true, force: true });
    const reply = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'r' }, { 'x-request-id': 'req-disk-gone' });
    const error = expectError(reply, 503, 'unavailable');
    expect(error.message).toMatch(/cannot be written \(ENOENT\); fix the disk and restart/);
    expect(reply.text).not.toContain(h.dataDir);
    const logged = h.logLines.map((l) => JSON.parse(l)).find((l) => l.level === 'error');
    expect(logged).toMatchObject({ requestId: 'req-disk-gone', code: 'unavailable' });

    const again = await h.call('POST', '/v1/pauses', { severity: 3, reason: 'again' });
    expectError(again, 503, 'unavailable');
    const ready = await h.call('GET', '/readyz', undefined, { authorization: '' });
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('ENOENT') });
    await h.service.pauses.idle();
    for (const simulator of h.sandbox.simulators.values()) expect(simulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
