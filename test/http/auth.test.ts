// 401 on every /v1 route without a valid `Authorization: Bearer <api key>`; only the refusal is audited.
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, TEST_API_KEY, type Harness } from '../support/service.js';
import { expectError, expectUnchanged, worldOf } from './assertions.js';

describe('API keys', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const pauseBody = { severity: 3, reason: 'unauthorised attempt' };

  it.each([
    ['empty', { authorization: '' }, 'missing', /send an API key/],
    ['malformed (no Bearer)', { authorization: TEST_API_KEY }, 'malformed', /not valid/],
    ['malformed (Basic)', { authorization: `Basic ${Buffer.from(`u:${TEST_API_KEY}`).toString('base64')}` }, 'malformed', /not valid/],
    ['unknown', { authorization: 'Bearer cp_this-key-was-never-issued' }, 'unknown key', /not valid/],
  ])('%s key: 401 with WWW-Authenticate, nothing done, only auth.failed audited', async (_name, headers, reason, message) => {
    h = await startHarness(server);
    const before = await worldOf(h);
    // Every case sets `authorization`, which overrides the good key the harness would send.
    const reply = await h.call('POST', '/v1/pauses?wait=true', pauseBody, headers);
    const error = expectError(reply, 401, 'unauthorized');
    expect(error.message).toMatch(message);
    expect(reply.headers.get('www-authenticate')).toBe('Bearer realm="crisis-pause"');
    const [entry] = await expectUnchanged(h, before, { authFailures: 1 });
    // Requests made in-process crossed no socket: their client address is `unknown`.
    expect(entry!.data).toEqual({ reason, method: 'POST', path: '/v1/pauses', client: 'unknown' });
    expect(entry!.actor).toMatchObject({ type: 'api-key', id: 'anonymous' });
    expect(JSON.stringify(entry)).not.toContain('cp_this-key-was-never-issued');
    expect(JSON.stringify(entry)).not.toContain(TEST_API_KEY);
  });

  it('no Authorization header at all: 401 asking for a key', async () => {
    h = await startHarness(server);
    const before = await worldOf(h);
    const response = await h.service.app.request('/v1/pauses', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(pauseBody),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="crisis-pause"');
    expect((await response.json()).error).toEqual({ code: 'unauthorized', message: 'send an API key: Authorization: Bearer <key>' });
    const [entry] = await expectUnchanged(h, before, { authFailures: 1 });
    expect(entry!.data).toMatchObject({ reason: 'missing' });
  });

  it.each([
    ['GET', '/v1/severities'],
    ['GET', '/v1/connections'],
    ['GET', '/v1/pauses'],
    ['GET', '/v1/pauses/pau_x'],
    ['GET', '/v1/pauses/pau_x/items'],
    ['POST', '/v1/pauses/pau_x/resume'],
    ['POST', '/v1/pauses/pau_x/retry'],
    ['POST', '/v1/pauses/pau_x/items/itm_x/release'],
    ['POST', '/v1/pauses/pau_x/items/itm_x/keep'],
    ['GET', '/v1/audit'],
    ['GET', '/v1/no-such-route'],
  ])('%s %s needs a key', async (method, url) => {
    h = await startHarness(server);
    const before = await worldOf(h);
    const reply = await h.call(method, url, undefined, { authorization: '' });
    expectError(reply, 401, 'unauthorized');
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer /);
    await expectUnchanged(h, before, { authFailures: 1 });
  });

  it('takes the scheme case-insensitively and a trailing space, and the key as is', async () => {
    h = await startHarness(server);
    expect((await h.call('GET', '/v1/severities', undefined, { authorization: `bearer ${TEST_API_KEY} ` })).status).toBe(200);
    // The key itself is case-sensitive: an upper-cased key is another key.
    const upper = await h.call('GET', '/v1/severities', undefined, { authorization: `Bearer ${TEST_API_KEY.toUpperCase()}` });
    expectError(upper, 401, 'unauthorized');
  });

  it('records who acted with the key that was used', async () => {
    h = await startHarness(server);
    const reply = await h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'who' });
    expect(reply.status).toBe(201);
    expect(reply.body.pause.actor).toMatchObject({ type: 'api-key', id: expect.stringMatching(/^key_/), role: 'admin' });
    expect(reply.body.pause.source).toBe('api');
  });
});
