// One info line per request (method, path without query, status, duration, request id), and
// never any part of the API key that came with it.
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, TEST_API_KEY, type Harness } from '../support/service.js';

describe('request logging', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const requestLines = () => h.logLines.map((l) => JSON.parse(l)).filter((l) => l.message === 'request');
  /** Every 6-character piece of `secret`: a log holding any of them holds part of it. */
  const pieces = (secret: string) => Array.from({ length: secret.length - 5 }, (_, i) => secret.slice(i, i + 6));

  it('logs method, path without the query, status, duration and request id at info', async () => {
    h = await startHarness(server);
    await h.call('GET', '/v1/pauses?limit=5&state=active', undefined, { 'x-request-id': 'req-log-1' });
    expect(requestLines()).toEqual([
      { level: 'info', time: expect.any(String), message: 'request', method: 'GET', path: '/v1/pauses', status: 200, durationMs: expect.any(Number), requestId: 'req-log-1' },
    ]);
  });

  it('logs no part of the API key, good or bad, nor the Authorization header', async () => {
    h = await startHarness(server);
    const wrong = 'cp_wrong-key-nobody-issued-0123456789';
    expect((await h.call('GET', '/v1/severities', undefined, { authorization: `Bearer ${TEST_API_KEY}` })).status).toBe(200);
    expect((await h.call('POST', '/v1/pauses', { severity: 1, reason: 'r' }, { authorization: `Bearer ${wrong}` })).status).toBe(401);
    expect(requestLines().map((l) => l.status)).toEqual([200, 401]);
    const log = h.logLines.join('\n');
    for (const piece of [...pieces(TEST_API_KEY), ...pieces(wrong)]) expect(log).not.toContain(piece);
    expect(log.toLowerCase()).not.toContain('bearer');
  });

  it('clips a long path instead of copying it whole', async () => {
    h = await startHarness(server);
    await h.call('GET', `/v1/pauses/${'x'.repeat(8000)}`);
    const [line] = requestLines();
    expect(line.status).toBe(404);
    expect(line.path.length).toBeLessThan(250);
    expect(line.path).toMatch(/^\/v1\/pauses\/x+…\(8011 chars\)$/);
  });
});
