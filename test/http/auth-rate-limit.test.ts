// Refused API keys are counted per client address: past the limit the address is answered 429
// until its window ends, and a flood adds a handful of audit entries, not one per request.
// Real HTTP on loopback: Linux routes all of 127.0.0.0/8 there, so each test client binds its
// own source address (127.0.0.2, .3, …) and the server sees distinct clients.
import { stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { http as mock, passthrough } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/audit/audit-entry.js';
import { DEFAULT_AUTH_FAILURE_LIMITS } from '../../src/http/auth-failures.js';
import { serveFetch, type Served } from '../../src/serve.js';
import { AUDIT_FILE } from '../../src/store/lowdb/lowdb-store.js';
import { useMsw } from '../support/msw.js';
import { startHarness, TEST_API_KEY, type Harness, type HarnessOptions } from '../support/service.js';

const { perWindow, windowMs } = DEFAULT_AUTH_FAILURE_LIMITS;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

describe('refused API keys, per client address', () => {
  const server = useMsw();
  let h: Harness;
  let served: Served;
  afterEach(async () => {
    await served?.close();
    await h?.close();
  });

  async function start(options: HarnessOptions & { trustedProxies?: number } = {}) {
    h = await startHarness(server, options);
    served = await serveFetch(h.service.app.fetch, 0);
    server.use(mock.all(`${served.url}/*`, () => passthrough()));
  }

  const agents = new Map<string, http.Agent>();
  afterEach(() => {
    for (const agent of agents.values()) agent.destroy();
    agents.clear();
  });
  /** A request from `from` (a loopback address) with `key` (none: no Authorization header). */
  function send(from: string, urlPath: string, key?: string, headers: Record<string, string> = {}): Promise<Answer> {
    if (!agents.has(from)) agents.set(from, new http.Agent({ keepAlive: true, localAddress: from }));
    return new Promise((resolve, reject) => {
      const request = http.request(`${served.url}${urlPath}`, {
        agent: agents.get(from)!,
        headers: { ...(key !== undefined && { authorization: `Bearer ${key}` }), ...headers },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (c: Buffer) => (text += c.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(text) }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  const authAudit = async (): Promise<AuditEntry[]> => {
    await h.store.flush();
    return (await h.store.listAudit({ limit: 100_000 })).data.filter((e) => e.action === 'auth.failed');
  };

  it('answers 429 with Retry-After past the limit, audits a flood in a handful of entries, and lets the address try again after the window', async () => {
    await start();
    const auditFile = path.join(h.dataDir, AUDIT_FILE);
    await h.store.flush();
    const sizeBefore = (await stat(auditFile)).size;
    const longPath = `/v1/pauses/${'x'.repeat(8000)}`;

    const statuses: number[] = [];
    let limited: Answer | undefined;
    for (let i = 0; i < 3000; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => send('127.0.0.2', longPath, 'cp_guessed-key')));
      for (const answer of batch) statuses.push(answer.status);
      limited ??= batch.find((a) => a.status === 429);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(perWindow);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3000 - perWindow);
    expect(limited!.headers['retry-after']).toBe(String(windowMs / 1000));
    expect(limited!.body).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/too many refused API keys/) } });

    // One entry for the whole flood so far, its path clipped; the audit file barely grew.
    const [first, ...others] = await authAudit();
    expect(others).toEqual([]);
    expect(first!.data).toMatchObject({ reason: 'unknown key', method: 'GET', client: '127.0.0.2' });
    expect((first!.data.path as string).length).toBeLessThan(250);
    expect((await stat(auditFile)).size - sizeBefore).toBeLessThan(2_000);

    // A good key from another address is not affected; from the limited address it waits too.
    expect((await send('127.0.0.3', '/v1/severities', TEST_API_KEY)).status).toBe(200);
    expect((await send('127.0.0.2', '/v1/severities', TEST_API_KEY)).status).toBe(429);

    // After the window the address may try again, and the window it had is summarized once.
    h.clock.advance(windowMs);
    expect((await send('127.0.0.2', '/v1/severities', TEST_API_KEY)).status).toBe(200);
    expect((await send('127.0.0.2', '/v1/severities', 'cp_guessed-again')).status).toBe(401);
    const entries = await authAudit();
    expect(entries).toHaveLength(3);
    const summary = entries.find((e) => e.data.count !== undefined)!;
    expect(summary.data).toEqual({
      client: '127.0.0.2',
      count: 3000 - 1 + 1,
      limited: 3000 - perWindow + 1,
      reasons: { 'unknown key': perWindow - 1, 'rate-limited': 3000 - perWindow + 1 },
      since: expect.any(String),
      until: expect.any(String),
    });
    expect(JSON.stringify(entries)).not.toContain('cp_guessed');
    expect((await stat(auditFile)).size - sizeBefore).toBeLessThan(4_000);
  }, 60_000);

  it('counts what each address does on its own', async () => {
    await start();
    for (let i = 0; i < perWindow; i++) expect((await send('127.0.0.4', '/v1/pauses')).status).toBe(401);
    expect((await send('127.0.0.4', '/v1/pauses')).status).toBe(429);
    expect((await send('127.0.0.5', '/v1/pauses')).status).toBe(401);
    expect((await authAudit()).map((e) => e.data.client)).toEqual(['127.0.0.4', '127.0.0.5']);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy writes it', async () => {
    await start();
    await send('127.0.0.6', '/v1/pauses', undefined, { 'x-forwarded-for': '203.0.113.9' });
    expect((await authAudit()).map((e) => e.data.client)).toEqual(['127.0.0.6']);
  });

  it('with TRUST_PROXY=1, counts the address the proxy saw, not the ones the client wrote', async () => {
    await start({ trustedProxies: 1 });
    // The client sent "198.51.100.1" itself; the proxy appended the address it saw.
    for (let i = 0; i < perWindow; i++) await send('127.0.0.7', '/v1/pauses', undefined, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.9` });
    expect((await send('127.0.0.7', '/v1/pauses', undefined, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    expect((await send('127.0.0.7', '/v1/pauses', TEST_API_KEY, { 'x-forwarded-for': '203.0.113.10' })).status).toBe(200);
    expect((await authAudit()).map((e) => e.data.client)).toEqual(['203.0.113.9']);
  });

  it('counts an IPv6 client by its /64, which one client usually holds whole', async () => {
    await start({ trustedProxies: 1 });
    for (let i = 0; i < perWindow; i++) await send('127.0.0.8', '/v1/pauses', undefined, { 'x-forwarded-for': `2001:db8:1:2::${i.toString(16)}` });
    expect((await send('127.0.0.8', '/v1/pauses', undefined, { 'x-forwarded-for': '2001:0DB8:1:2:ffff:0:0:1' })).status).toBe(429);
    expect((await send('127.0.0.8', '/v1/pauses', undefined, { 'x-forwarded-for': '2001:db8:1:3::1' })).status).toBe(401);
    expect((await authAudit()).map((e) => e.data.client)).toEqual(['2001:db8:1:2::/64', '2001:db8:1:3::/64']);
  });

  it('remembers a bounded number of addresses, summarizing the ones it forgets', async () => {
    await start({ authFailureLimits: { perWindow: 5, windowMs, maxClients: 3 } });
    for (const n of [10, 11, 12, 13, 14]) {
      await send(`127.0.0.${n}`, '/v1/pauses');
      await send(`127.0.0.${n}`, '/v1/pauses');
    }
    await h.store.flush();
    const entries = await authAudit();
    // Five first refusals; the two addresses pushed out are summarized at once (one more each).
    expect(entries.filter((e) => e.data.count === undefined)).toHaveLength(5);
    expect(entries.filter((e) => e.data.count !== undefined).map((e) => [e.data.client, e.data.count])).toEqual([
      ['127.0.0.10', 1],
      ['127.0.0.11', 1],
    ]);
  });
});
