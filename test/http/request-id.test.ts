// X-Request-Id: the caller's id is echoed when sane and recorded in the audit; otherwise one is made.
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

describe('X-Request-Id', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const GENERATED = /^req_[A-Za-z0-9_-]{16}$/;

  it('echoes a sane id and records it with the change it caused', async () => {
    h = await startHarness(server);
    const id = 'incident-42.retry:1_A';
    const reply = await h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'r' }, { 'x-request-id': id });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('x-request-id')).toBe(id);
    expect(reply.body.pause.requestId).toBe(id);
    const audit = (await h.call('GET', `/v1/audit?pauseId=${reply.body.pause.id}`)).body.data as Array<{ requestId: string }>;
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e) => e.requestId === id)).toBe(true);
  });

  it('makes one when none is sent, a new one per request', async () => {
    h = await startHarness(server);
    const a = await h.call('GET', '/v1/severities');
    const b = await h.call('GET', '/v1/severities');
    expect(a.headers.get('x-request-id')).toMatch(GENERATED);
    expect(b.headers.get('x-request-id')).toMatch(GENERATED);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });

  it.each([
    ['spaces', 'two words'],
    ['a newline-free injection attempt', 'abc"}{"x'],
    ['slashes', '../../etc/passwd'],
    ['too long', 'a'.repeat(129)],
    ['non-ASCII', 'réquest'],
  ])('replaces an insane id (%s) with its own', async (_name, given) => {
    h = await startHarness(server);
    const reply = await h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'r' }, { 'x-request-id': given });
    expect(reply.status).toBe(201);
    const id = reply.headers.get('x-request-id');
    expect(id).toMatch(GENERATED);
    expect(reply.body.pause.requestId).toBe(id);
  });

  it('accepts the longest sane id (128 characters)', async () => {
    h = await startHarness(server);
    const id = 'b'.repeat(128);
    expect((await h.call('GET', '/healthz', undefined, { 'x-request-id': id })).headers.get('x-request-id')).toBe(id);
  });

  it('is on error responses too: 401, 404 and 400', async () => {
    h = await startHarness(server);
    const unauthorized = await h.call('GET', '/v1/pauses', undefined, { authorization: '', 'x-request-id': 'r-401' });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('x-request-id')).toBe('r-401');
    const failure = (await h.store.listAudit({ limit: 1000 })).data.find((e) => e.action === 'auth.failed');
    expect(failure?.requestId).toBe('r-401');

    const missing = await h.call('GET', '/v1/pauses/pau_nope', undefined, { 'x-request-id': 'r-404' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe('r-404');
    const bad = await h.call('GET', '/v1/pauses?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-request-id')).toMatch(GENERATED);
  });
});
