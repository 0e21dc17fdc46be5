// 413 for a body over 256 KiB (in-process and over real HTTP, with and without Content-Length)
// and 415 for a body that is not application/json; neither changes anything.
import http from 'node:http';
import { http as mock, passthrough } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { serveFetch, type Served } from '../../src/serve.js';
import { useMsw } from '../support/msw.js';
import { startHarness, TEST_API_KEY, type Harness } from '../support/service.js';
import { expectError, expectUnchanged, worldOf } from './assertions.js';

const KiB = 1024;

describe('413 and 415', () => {
  const server = useMsw();
  let h: Harness;
  let served: Served | undefined;
  afterEach(async () => {
    await served?.close();
    served = undefined;
    await h?.close();
  });

  const big = (bytes: number) => JSON.stringify({ severity: 3, reason: 'x'.repeat(bytes) });

  it('413 for a pause request over 256 KiB; a big body under it is judged on its content', async () => {
    h = await startHarness(server);
    const before = await worldOf(h);
    const error = expectError(await h.call('POST', '/v1/pauses', big(257 * KiB)), 413, 'payload_too_large');
    expect(error.message).toBe('the body is larger than 256 KiB');
    // Just under the limit: read, and refused for what it says (reason too long), not its size.
    expectError(await h.call('POST', '/v1/pauses', big(255 * KiB)), 400, 'invalid_request');
    await expectUnchanged(h, before);
  });

  it('413 before the API key is checked: an oversized body is never read, and not audited', async () => {
    h = await startHarness(server);
    const before = await worldOf(h);
    expectError(await h.call('POST', '/v1/pauses', big(300 * KiB), { authorization: '' }), 413, 'payload_too_large');
    await expectUnchanged(h, before);
  });

  /** A raw request to the real server on loopback; `chunked` leaves Content-Length out. */
  function post(url: string, body: string, chunked: boolean): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
      const request = http.request(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${TEST_API_KEY}`,
          'content-type': 'application/json',
          ...(chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': Buffer.byteLength(body) }),
        },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      });
      // The server may answer and close before the whole body is sent.
      request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      if (chunked) for (let i = 0; i < body.length; i += 16 * KiB) request.write(body.slice(i, i + 16 * KiB));
      else request.write(body);
      request.end();
    });
  }

  it.each([
    ['with Content-Length', false],
    ['chunked, without Content-Length', true],
  ])('413 over real HTTP, %s', async (_name, chunked) => {
    h = await startHarness(server);
    served = await serveFetch(h.service.app.fetch, 0);
    // msw refuses unknown requests: let the ones to our own server through to it.
    server.use(mock.all(`${served.url}/*`, () => passthrough()));
    const before = await worldOf(h);
    const reply = await post(`${served.url}/v1/pauses`, big(400 * KiB), chunked);
    expect(reply.status).toBe(413);
    expect(reply.body).toEqual({ error: { code: 'payload_too_large', message: 'the body is larger than 256 KiB' } });
    // And a normal request on the same server goes through.
    const ok = await post(`${served.url}/v1/pauses`, JSON.stringify({ severity: 1, reason: 'r', dryRun: true }), chunked);
    expect(ok.status).toBe(200);
    await expectUnchanged(h, before);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['JSON Patch', 'application/json-patch+json'],
    ['JSON sequence', 'application/json-seq'],
    ['JSONP', 'application/jsonp'],
    ['no type, only a charset', '; charset=utf-8'],
  ])('415 for %s, even when the text is valid JSON', async (_name, type) => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    const [item] = await h.items(pause.id);
    const before = await worldOf(h);
    const body = JSON.stringify({ severity: 3, reason: 'r' });
    for (const url of ['/v1/pauses', `/v1/pauses/${pause.id}/resume`, `/v1/pauses/${pause.id}/retry`, `/v1/pauses/${pause.id}/items/${item!.id}/keep`]) {
      const error = expectError(await h.call('POST', url, url === '/v1/pauses' ? body : '{}', { 'content-type': type }), 415, 'unsupported_media_type');
      expect(error.message).toBe('send the body as application/json');
    }
    await expectUnchanged(h, before);
  });

  it('415 for a body with no Content-Type at all', async () => {
    h = await startHarness(server);
    const before = await worldOf(h);
    const response = await h.service.app.request('/v1/pauses', {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}` },
      body: new TextEncoder().encode(JSON.stringify({ severity: 1, reason: 'r' })),
    });
    expect(response.status).toBe(415);
    expect((await response.json()).error.code).toBe('unsupported_media_type');
    await expectUnchanged(h, before);
  });

  it('takes application/json with parameters and in any case', async () => {
    h = await startHarness(server);
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', 'application/json;charset=UTF-8']) {
      const reply = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'r', dryRun: true }, { 'content-type': type });
      expect(reply.status, type).toBe(200);
    }
  });

  it('an empty optional body needs no Content-Type: resume with text/plain and nothing in it', async () => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`, '', { 'content-type': 'text/plain' });
    expect(reply.status).toBe(200);
    expect(reply.body.pause.state).toBe('resumed');
  });
});
