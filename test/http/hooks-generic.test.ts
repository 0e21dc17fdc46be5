// POST /v1/hooks/generic: a pause from any tool, signed GitHub-style over the raw body. A wrong or
// missing signature is refused (401) and audited, a retried delivery never pauses twice, a
// severity above the hook's ceiling is refused, and the hook is off (404) without its secret.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, TEST_API_KEY, type Harness } from '../support/service.js';

const SECRET = 'generic-hook-secret-for-tests-0123';

describe('the generic inbound webhook', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const start = (secret: string | null = SECRET) => startHarness(server, { serviceEnv: secret ? { GENERIC_WEBHOOK_SECRET: secret } : {} });
  /** Delivers `body` as a tool would: raw text, signed, with a delivery id; no API key. */
  const deliver = async (body: unknown, delivery: string, sign: (raw: string) => string | undefined = (raw) => `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`) => {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const signature = sign(raw);
    const response = await h.service.app.request('/v1/hooks/generic', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-webhook-id': delivery, ...(signature && { 'x-hub-signature-256': signature }) },
      body: raw,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const audit = async () => (await h.call('GET', '/v1/audit?limit=1000')).body.data as Array<Record<string, any>>;

  it('pauses, with the hook as the actor and source, and a retried delivery returns the same pause', async () => {
    h = await start();
    const first = await deliver({ severity: 1, reason: 'Brand mentions up 900% in an hour' }, 'dlv-1');
    expect(first.status).toBe(202);
    expect(first.body.pause).toMatchObject({ severity: 1, actor: { type: 'webhook', id: 'generic' }, source: 'webhook:generic' });
    const again = await deliver({ severity: 1, reason: 'Brand mentions up 900% in an hour' }, 'dlv-1');
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ outcome: 'replayed', pause: { id: first.body.pause.id } });
    await h.service.pauses.idle();
    expect((await h.call('GET', '/v1/pauses')).body.data).toHaveLength(1);
    expect((await audit()).filter((e) => e.action === 'webhook.received')).toHaveLength(2);
  });

  it('refuses a wrong, missing or stale signature with 401, audited, and pauses nothing', async () => {
    h = await start();
    const body = { severity: 1, reason: 'x' };
    expect((await deliver(body, 'dlv-2', () => `sha256=${createHmac('sha256', 'another-secret-entirely-0000').update(JSON.stringify(body)).digest('hex')}`)).status).toBe(401);
    expect((await deliver(body, 'dlv-3', () => undefined)).status).toBe(401);
    // Signed over other bytes than those sent (a re-serialised body) does not match either.
    expect((await deliver(JSON.stringify(body, null, 2), 'dlv-4', () => `sha256=${createHmac('sha256', SECRET).update(JSON.stringify(body)).digest('hex')}`)).status).toBe(401);
    const refused = (await audit()).filter((e) => e.action === 'webhook.refused');
    expect(refused.map((e) => e.data.deliveryId)).toEqual(['dlv-2', 'dlv-3', 'dlv-4']);
    expect(JSON.stringify(await audit())).not.toContain(SECRET);
    expect((await h.call('GET', '/v1/pauses')).body.data).toEqual([]);
  });

  it('refuses a severity above its ceiling (403) and bad input (400), changing nothing', async () => {
    h = await start();
    const high = await deliver({ severity: 3, reason: 'everything off' }, 'dlv-5');
    expect(high.status).toBe(403);
    expect(high.body.error.message).toMatch(/up to 2, not 3/);
    expect((await deliver({ severity: 'red-alert', reason: 'by name' }, 'dlv-6')).status).toBe(403);
    expect((await deliver({ severity: 1 }, 'dlv-7')).status).toBe(400);
    expect((await deliver('not json', 'dlv-8')).status).toBe(400);
    expect((await deliver({ severity: 1, reason: 'x' }, 'bad id with spaces')).status).toBe(400);
    expect((await h.call('GET', '/v1/pauses')).body.data).toEqual([]);
  });

  it('is off without its secret (404), and GET /v1/hooks says which hooks are on', async () => {
    h = await start(null);
    expect((await deliver({ severity: 1, reason: 'x' }, 'dlv-9')).status).toBe(404);
    expect((await h.call('GET', '/v1/hooks')).body.data[0]).toEqual({ hook: 'generic', path: '/v1/hooks/generic', on: false, maxSeverity: 2, secretVariable: 'GENERIC_WEBHOOK_SECRET' });
    await h.close();
    h = await start();
    expect((await h.call('GET', '/v1/hooks')).body.data[0]).toMatchObject({ on: true });
    // Listing hooks needs a key like any /v1 read.
    expect((await h.service.app.request('/v1/hooks')).status).toBe(401);
    expect(TEST_API_KEY).not.toBe(SECRET);
  });
});
