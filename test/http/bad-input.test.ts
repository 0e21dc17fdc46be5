// 400: every malformed request is refused with the zod issues, and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { expectError, expectUnchanged, worldOf } from './assertions.js';

describe('400 bad input', () => {
  const server = useMsw();
  let h: Harness;
  let pauseId: string;
  let itemId: string;
  // Each request is refused against a service holding an active pause, so "nothing changed" means something.
  beforeEach(async () => {
    h = await startHarness(server);
    pauseId = (await h.pause(3)).id;
    itemId = (await h.items(pauseId))[0]!.id;
  });
  afterEach(() => h?.close());

  /** Sends a bad request, checks the 400 shape and that nothing changed; returns the error. */
  async function refused(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const before = await worldOf(h);
    const error = expectError(await h.call(method, url, body, headers), 400, 'invalid_request');
    await expectUnchanged(h, before);
    return error as { code: string; message: string; details?: Array<{ path: string; message: string; code: string }> };
  }

  it('lists every zod issue of a pause request with its path', async () => {
    const error = await refused('POST', '/v1/pauses', { severity: 0, reason: '   ', scope: { connections: [] }, dryRun: 'yes' });
    expect(error.message).toMatch(/^invalid body: /);
    const paths = error.details!.map((d) => d.path).sort();
    expect(paths).toEqual(['dryRun', 'reason', 'scope.connections', 'severity']);
    for (const detail of error.details!) expect(detail).toEqual({ path: expect.any(String), message: expect.any(String), code: expect.any(String) });
    expect(error.details!.find((d) => d.path === 'reason')!.message).toMatch(/say why/);
  });

  it.each([
    ['a missing reason', { severity: 3 }, 'reason'],
    ['a missing severity', { reason: 'r' }, 'severity'],
    ['a fractional level', { severity: 1.5, reason: 'r' }, 'severity'],
    ['a too-long reason', { severity: 1, reason: 'x'.repeat(2001) }, 'reason'],
    ['an empty tag', { severity: 1, reason: 'r', scope: { tags: [''] } }, 'scope.tags.0'],
  ])('refuses %s', async (_name, body, path) => {
    const error = await refused('POST', '/v1/pauses', body);
    expect(error.details!.map((d) => d.path)).toContain(path);
  });

  it('refuses unknown fields: the schemas are strict, at the top and inside scope', async () => {
    const top = await refused('POST', '/v1/pauses', { severity: 1, reason: 'r', force: true });
    expect(top.details).toEqual([expect.objectContaining({ path: '', code: 'unrecognized_keys' })]);
    expect(top.details![0]!.message).toContain('force');
    expect(top.message).toMatch(/\(body\)/);
    const nested = await refused('POST', '/v1/pauses', { severity: 1, reason: 'r', scope: { brands: ['acme'] } });
    expect(nested.details).toEqual([expect.objectContaining({ path: 'scope', code: 'unrecognized_keys' })]);
    for (const [url, body] of [
      [`/v1/pauses/${pauseId}/resume`, { missed: 'hold', everything: true }],
      [`/v1/pauses/${pauseId}/retry`, { force: true }],
      [`/v1/pauses/${pauseId}/items/${itemId}/keep`, { note: 'why' }],
      [`/v1/pauses/${pauseId}/items/${itemId}/release`, { at: '2026-12-01T10:00:00Z' }],
    ] as const)
      expect((await refused('POST', url, body)).details![0]!.code).toBe('unrecognized_keys');
  });

  it('refuses a body that is not JSON, or not an object', async () => {
    expect((await refused('POST', '/v1/pauses', '{"severity": 3,')).message).toBe('the body is not valid JSON');
    expect((await refused('POST', `/v1/pauses/${pauseId}/resume`, "{missed:'now'}")).message).toBe('the body is not valid JSON');
    for (const body of ['[]', '"red-alert"', 'null', '3']) expect((await refused('POST', '/v1/pauses', body)).details![0]!.path).toBe('');
  });

  it('refuses a pause request without a body', async () => {
    expect((await refused('POST', '/v1/pauses')).message).toBe('a JSON body is required');
    expect((await refused('POST', '/v1/pauses', '  \n')).message).toBe('a JSON body is required');
  });

  it('refuses bad resume and release bodies', async () => {
    expect((await refused('POST', `/v1/pauses/${pauseId}/resume`, { missed: 'later' })).details![0]!.path).toBe('missed');
    expect((await refused('POST', `/v1/pauses/${pauseId}/resume`, { items: [] })).details![0]!.path).toBe('items');
    expect((await refused('POST', `/v1/pauses/${pauseId}/resume`, { items: itemId })).details![0]!.path).toBe('items');
    expect((await refused('POST', `/v1/pauses/${pauseId}/resume`, { dryRun: 'true' })).details![0]!.path).toBe('dryRun');
    for (const scheduledAt of ['tomorrow', '2026-12-01', '2026-12-01T10:00:00', 1_764_583_200_000])
      expect((await refused('POST', `/v1/pauses/${pauseId}/items/${itemId}/release`, { scheduledAt })).details![0]!.path).toBe('scheduledAt');
  });

  it.each([
    ['/v1/pauses?limit=0', 'limit'],
    ['/v1/pauses?limit=201', 'limit'],
    ['/v1/pauses?limit=abc', 'limit'],
    ['/v1/pauses?limit=1.5', 'limit'],
    ['/v1/pauses?state=bogus', 'state'],
    ['/v1/pauses?cursor=', 'cursor'],
    ['/v1/pauses/{pause}/items?limit=0', 'limit'],
    ['/v1/pauses/{pause}/items?limit=1001', 'limit'],
    ['/v1/pauses/{pause}/items?state=gone', 'state'],
    ['/v1/pauses/{pause}/items?kind=tweet', 'kind'],
    ['/v1/audit?limit=0', 'limit'],
    ['/v1/audit?limit=10001', 'limit'],
    ['/v1/audit?since=yesterday', 'since'],
  ])('refuses the query of GET %s', async (url, path) => {
    const error = await refused('GET', url.replace('{pause}', pauseId));
    expect(error.message).toMatch(/^invalid query: /);
    expect(error.details!.map((d) => d.path)).toEqual([path]);
  });

  it.each(['/v1/pauses', '/v1/pauses/{pause}/items', '/v1/audit'])('refuses a forged cursor on %s', async (url) => {
    const forged = Buffer.from('../../etc/passwd').toString('base64url');
    for (const cursor of ['%%%', forged, Buffer.from('pau_doesNotExist').toString('base64url')])
      expect((await refused('GET', `${url.replace('{pause}', pauseId)}?cursor=${encodeURIComponent(cursor)}`)).message).toMatch(/cursor/);
  });

  it.each([
    ['POST', '/v1/pauses?wait=maybe', { severity: 1, reason: 'r' }],
    ['POST', '/v1/pauses/{pause}/resume?wait=1', {}],
    ['POST', '/v1/pauses/{pause}/retry?wait=yes', undefined],
  ])('refuses a bad ?wait on %s %s', async (method, url, body) => {
    const error = await refused(method, url.replace('{pause}', pauseId), body);
    expect(error.details!.map((d) => d.path)).toEqual(['wait']);
  });

  it.each([
    ['with a space', 'incident 42'],
    ['with a slash', 'incident/42'],
    ['too long', 'k'.repeat(256)],
    ['empty', ''],
  ])('refuses an Idempotency-Key %s, and stores nothing under it', async (_name, key) => {
    const error = await refused('POST', '/v1/pauses', { severity: 1, reason: 'r', scope: { connections: ['hootsuite-acme'] } }, { 'idempotency-key': key });
    expect(error.message).toMatch(/Idempotency-Key/);
  });

  it('accepts the longest Idempotency-Key (255 characters)', async () => {
    const reply = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'r', scope: { connections: ['hootsuite-acme'] } }, { 'idempotency-key': 'k'.repeat(255) });
    expect(reply.status).toBe(202);
  });
});
