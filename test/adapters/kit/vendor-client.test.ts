// The vendor client at the network edge (msw): auth strategies, the refresh hook, a platform's
// signals (errors inside a 200 body), scrubbing, timeouts that exclude pacing, and onWait.
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AdapterError } from '../../../adapters/kit/adapter-error.js';
import { appSecretProof, auth } from '../../../adapters/kit/auth.js';
import { bucket } from '../../../adapters/kit/buckets.js';
import { codeForStatus, type VendorSignals } from '../../../adapters/kit/signals.js';
import { createVendorClient, type VendorDeclaration } from '../../../adapters/kit/vendor-client.js';
import type { LimitWait } from '../../../adapters/types.js';
import { ManualClock } from '../../support/clock.js';
import { useMsw } from '../../support/msw.js';

const BASE = 'https://vendor.test';
const TOKEN = 'tok-9f8e7d6c5b4a';

// A made-up platform: errors are {error: {code, text}}, also inside 200 answers; code 77 is its
// throttle. Enough to exercise every path of the client.
const signals: VendorSignals = {
  classify(response) {
    const error = (response.data as { error?: { code: number; text: string } } | null)?.error;
    if (!error && response.status < 400) return null;
    if (error?.code === 77 || response.status === 429) return { code: 'rate_limited', detail: error?.text ?? 'throttled', vendorCode: error ? '77' : undefined };
    return { code: codeForStatus(response.status >= 400 ? response.status : 400), detail: error?.text ?? `HTTP ${response.status}` };
  },
};

const vendor = (extra: Partial<VendorDeclaration> = {}): VendorDeclaration => ({ name: 'Vendor', baseUrl: BASE, buckets: {}, signals, ...extra });

describe('vendor client', () => {
  const server = useMsw();
  let clock: ManualClock;
  const seen: Array<{ url: URL; headers: Headers; body: string }> = [];

  beforeEach(() => {
    clock = new ManualClock();
    seen.length = 0;
  });

  const record = async (request: Request) => seen.push({ url: new URL(request.url), headers: request.headers, body: await request.text() });
  const ctx = (extra: { timeoutMs?: number; onWait?: (w: LimitWait) => void } = {}) => ({ timeoutMs: extra.timeoutMs ?? 2_000, clock, ...(extra.onWait && { onWait: extra.onWait }) });

  it('sends each auth strategy where it belongs, and never a token in a URL', async () => {
    server.use(http.all(`${BASE}/*`, async ({ request }) => (await record(request), HttpResponse.json({ ok: true }))));
    await createVendorClient(ctx(), vendor(), { auth: auth.bearer(TOKEN) }).send({ method: 'GET', path: '/a' });
    await createVendorClient(ctx(), vendor(), { auth: auth.basic('anyone', TOKEN) }).send({ method: 'GET', path: '/b' });
    await createVendorClient(ctx(), vendor(), { auth: auth.header('api-key', TOKEN) }).send({ method: 'GET', path: '/c' });
    const graph = createVendorClient(ctx(), vendor(), { auth: auth.formToken(TOKEN, { appSecret: 'app-secret-123' }) });
    await graph.send({ method: 'POST', path: '/', form: { batch: '[]' } });
    await graph.send({ method: 'GET', path: '/act_1' });

    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(seen[1]!.headers.get('authorization')).toBe(`Basic ${Buffer.from(`anyone:${TOKEN}`).toString('base64')}`);
    expect(seen[2]!.headers.get('api-key')).toBe(TOKEN);
    const form = new URLSearchParams(seen[3]!.body);
    expect(form.get('access_token')).toBe(TOKEN);
    expect(form.get('appsecret_proof')).toBe(appSecretProof(TOKEN, 'app-secret-123'));
    expect(form.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/);
    expect(seen[4]!.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(seen[4]!.url.searchParams.get('appsecret_proof')).toBe(appSecretProof(TOKEN, 'app-secret-123'));
    for (const s of seen) expect(s.url.toString()).not.toContain(TOKEN);
  });

  it('refreshes an expired token once, for all calls in flight, and sends each call once more', async () => {
    server.use(
      http.get(`${BASE}/me`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer fresh-token-1234' ? HttpResponse.json({ ok: true }) : HttpResponse.json({ error: { code: 1, text: 'expired' } }, { status: 401 }),
      ),
    );
    let refreshes = 0;
    const client = createVendorClient(ctx(), vendor(), {
      auth: auth.bearer(TOKEN),
      refresh: async () => {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return auth.bearer('fresh-token-1234');
      },
    });
    const answers = await Promise.all([1, 2, 3].map(() => client.send({ method: 'GET', path: '/me' })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(refreshes).toBe(1);
  });

  it('gives up after one refresh, and reports a refresh that fails as unauthorized without the secrets', async () => {
    server.use(http.get(`${BASE}/me`, () => HttpResponse.json({ error: { code: 1, text: 'nope' } }, { status: 401 })));
    let refreshes = 0;
    const stillRefused = createVendorClient(ctx(), vendor(), { auth: auth.bearer(TOKEN), refresh: async () => (refreshes++, auth.bearer('new-token-5678')) });
    await expect(stillRefused.send({ method: 'GET', path: '/me' })).rejects.toMatchObject({ code: 'unauthorized', isRetryable: false });
    expect(refreshes).toBe(1);

    const broken = createVendorClient(ctx(), vendor(), {
      auth: auth.bearer(TOKEN),
      refresh: async () => {
        throw new Error(`token endpoint said invalid_grant for refresh_token=rt-secret-abc and ${TOKEN}`);
      },
    });
    const failure = (await broken.send({ method: 'GET', path: '/me' }).catch((e: unknown) => e)) as AdapterError;
    expect(failure).toMatchObject({ code: 'unauthorized', isRetryable: false });
    expect(failure.message).toContain('refreshing it failed');
    expect(failure.message).not.toContain(TOKEN);
    expect(failure.message).not.toContain('rt-secret-abc');
  });

  it("reads the platform's signals, an error inside a 200 body included, and honours Retry-After", async () => {
    server.use(
      http.get(`${BASE}/busy`, () => HttpResponse.json({ error: { code: 77, text: 'slow down' } }, { headers: { 'Retry-After': '2' } })),
      http.post(`${BASE}/boom`, () => HttpResponse.json({ error: { code: 5, text: 'oops' } }, { status: 503 })),
    );
    const client = createVendorClient(ctx(), vendor(), { auth: auth.bearer(TOKEN) });
    const busy = await client.send({ method: 'GET', path: '/busy', operation: 'GET /busy' }).catch((e: unknown) => e);
    expect(busy).toMatchObject({ code: 'rate_limited', isRetryable: true, ambiguous: false, retryAfterMs: 2000, httpStatus: 200, vendorCode: '77' });
    expect((busy as Error).message).toBe('GET /busy: Vendor 200 code 77: slow down');
    const boom = await client.send({ method: 'POST', path: '/boom', json: {} }).catch((e: unknown) => e);
    expect(boom).toMatchObject({ code: 'server_error', isRetryable: true, ambiguous: true });
  });

  it('scrubs credentials from every message built from vendor text', async () => {
    server.use(
      http.get(`${BASE}/echo`, () =>
        HttpResponse.json({ error: { code: 3, text: `bad token ${TOKEN} in ?access_token=${encodeURIComponent(TOKEN)}&x=1, header Bearer ${TOKEN}` } }, { status: 400 }),
      ),
      http.get(`${BASE}/odd`, () => HttpResponse.json({ unexpected: TOKEN })),
    );
    const client = createVendorClient(ctx(), vendor(), { auth: auth.bearer(TOKEN) });
    const failure = (await client.send({ method: 'GET', path: '/echo' }).catch((e: unknown) => e)) as AdapterError;
    expect(failure.code).toBe('invalid_request');
    expect(failure.message).not.toContain(TOKEN);
    expect(failure.message).not.toContain(encodeURIComponent(TOKEN));
    const odd = await client.json({ method: 'GET', path: '/odd' }, z.object({ data: z.array(z.string()) })).catch((e: unknown) => e);
    expect(odd).toMatchObject({ code: 'unexpected_response', isRetryable: true, ambiguous: false, httpStatus: 200 });
  });

  it('times the HTTP exchange only, never the wait for a bucket; long waits reach onWait', async () => {
    server.use(http.get(`${BASE}/slowish`, async () => (await new Promise((r) => setTimeout(r, 60)), HttpResponse.json({ ok: true }))));
    const waits: LimitWait[] = [];
    const client = createVendorClient(
      ctx({ timeoutMs: 250, onWait: (w) => waits.push(w) }),
      vendor({ buckets: { slow: bucket.requests(1, 400, { reason: 'one call per 400 ms' }) } }),
      { auth: auth.bearer(TOKEN) },
    );
    // The second call waits ~400 ms for the bucket, longer than the 250 ms timeout: it must not time out.
    const answers = await Promise.all([client.send({ method: 'GET', path: '/slowish' }), client.send({ method: 'GET', path: '/slowish' })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(waits).toEqual([]); // 400 ms is not a long wait (reported from 1 s)

    server.use(http.post(`${BASE}/hang`, async () => (await new Promise((r) => setTimeout(r, 1_000)), HttpResponse.json({ ok: true }))));
    const hung = await createVendorClient(ctx({ timeoutMs: 100 }), vendor(), { auth: auth.bearer(TOKEN) })
      .send({ method: 'POST', path: '/hang', operation: 'POST /hang' })
      .catch((e: unknown) => e);
    expect(hung).toMatchObject({ code: 'timeout', ambiguous: true, message: 'POST /hang: timed out' });
  });

  it('reports a wait of a second or more through onWait with when calls may go again', async () => {
    server.use(http.get(`${BASE}/x`, () => HttpResponse.json({ ok: true })));
    const waits: LimitWait[] = [];
    const client = createVendorClient(
      ctx({ onWait: (w) => waits.push(w) }),
      vendor({ buckets: { slow: bucket.requests(1, 1_100, { reason: "the platform's 1 call per 1.1 s" }) } }),
      { auth: auth.bearer(TOKEN) },
    );
    await Promise.all([client.send({ method: 'GET', path: '/x' }), client.send({ method: 'GET', path: '/x' })]);
    expect(waits).toHaveLength(1);
    expect(waits[0]!.reason).toBe("the platform's 1 call per 1.1 s");
    expect(waits[0]!.until.getTime() - clock.now().getTime()).toBeGreaterThan(1_000);
  });

  it('lets the connection config replace the declared per-second and in-flight buckets', async () => {
    server.use(http.get(`${BASE}/x`, () => HttpResponse.json({ ok: true })));
    const declared = vendor({
      buckets: {
        perSecond: bucket.perSecond(1, { reason: '1/s', overriddenBy: 'requestsPerSecond' }),
        spread: bucket.requests(1, 500, { reason: 'spread', overriddenBy: 'requestsPerSecond' }),
      },
    });
    const client = createVendorClient({ ...ctx(), limits: { requestsPerSecond: 1_000 } }, declared, { auth: auth.bearer(TOKEN) });
    const started = performance.now();
    await Promise.all(Array.from({ length: 10 }, () => client.send({ method: 'GET', path: '/x' })));
    expect(performance.now() - started).toBeLessThan(900);
  });
});
