// The kit additions Google Ads needed, each on its own: extra secrets scrubbed, a bucket's usage
// for forecasts.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { auth } from '../../adapters/kit/auth.js';
import { bucket } from '../../adapters/kit/buckets.js';
import { codeForStatus, type VendorSignals } from '../../adapters/kit/signals.js';
import { createVendorClient, type VendorDeclaration } from '../../adapters/kit/vendor-client.js';
import { ManualClock } from '../support/clock.js';
import { useMsw } from '../support/msw.js';

const BASE = 'https://vendor.test';
const signals: VendorSignals = {
  classify: (response) => (response.status < 400 ? null : { code: codeForStatus(response.status), detail: String((response.data as { text?: string } | null)?.text) }),
};

describe('kit additions for google-ads', () => {
  const server = useMsw();

  it('scrubs secrets named in the client options, not only the auth strategy’s', async () => {
    const headerSecret = 'dev-token-abcdef123456';
    server.use(http.get(`${BASE}/echo`, ({ request }) => HttpResponse.json({ text: `token ${request.headers.get('x-dev')} is not valid` }, { status: 400 })));
    const vendor: VendorDeclaration = { name: 'Vendor', baseUrl: BASE, buckets: {}, signals, headers: { 'x-dev': headerSecret } };
    const clock = new ManualClock();
    const plain = createVendorClient({ timeoutMs: 1_000, clock }, vendor, { auth: auth.none() });
    await expect(plain.send({ method: 'GET', path: '/echo' })).rejects.toThrow(headerSecret);
    const scrubbed = createVendorClient({ timeoutMs: 1_000, clock }, vendor, { auth: auth.none(), secrets: [headerSecret] });
    const error = await scrubbed.send({ method: 'GET', path: '/echo' }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain('is not valid');
    expect((error as Error).message).not.toContain(headerSecret);
  });

  it("reports a window bucket's usage in the pacer's time, and null for a bucket not declared", async () => {
    server.use(http.post(`${BASE}/op`, () => HttpResponse.json({})));
    let now = 1_000;
    const vendor: VendorDeclaration = { name: 'Vendor', baseUrl: BASE, buckets: { ops: bucket.points(10, 60_000, { reason: '10 ops a minute' }) }, signals, maxWaitMs: 0 };
    const client = createVendorClient({ timeoutMs: 1_000, clock: new ManualClock() }, vendor, { auth: auth.none(), time: { now: () => now, sleep: async () => undefined } });
    expect(client.usage('ops')).toMatchObject({ limit: 10, windowMs: 60_000, used: 0, now: 1_000 });
    await client.send({ method: 'POST', path: '/op', charge: { ops: 7 } });
    now = 31_000;
    const usage = client.usage('ops')!;
    expect(usage.used).toBe(7);
    expect(usage.waitFor(3)).toBe(0);
    expect(usage.waitFor(4)).toBe(30_000); // the 7 leave the window at 61,000
    expect(client.usage('nope')).toBeNull();
  });
});
