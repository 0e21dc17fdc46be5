// Brevo failures and limits: keys refused (and never echoed), 429 with x-sib-ratelimit-reset
// honoured as the wait, the hourly limit paced on our side and enforced on the simulator's,
// unusable settings reported per call instead of a crash, and the quota forecast.
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { brevo } from '../../adapters/brevo/adapter.js';
import { createBrevoSimulator, type BrevoSimulator } from '../../adapters/brevo/simulator.js';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { LimitWait } from '../../adapters/types.js';
import { HOUR, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { API_KEY, BASE_URL, connectBrevo, seedCampaigns } from './brevo-fixture.js';
import { listAll, toRef } from './live-items.js';

describe('brevo failures and limits', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: BrevoSimulator;

  beforeEach(() => {
    clock = new ManualClock();
    sim = createBrevoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    seedCampaigns(sim, clock);
    routeToSimulator(server, BASE_URL, sim);
  });

  it('reports a wrong key as unauthorized, not retryable, without the key in the error', async () => {
    const wrong = 'xkeysib-wrong-1111-not-a-real-key';
    const failure = await connectBrevo(clock, { apiKey: wrong }).checkCredentials().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'unauthorized', isRetryable: false, httpStatus: 401, vendorCode: 'unauthorized' });
    expect(`${String((failure as Error).message)} ${JSON.stringify(failure)}`).not.toContain(wrong);
    expect(sim.requests.at(-1)!.query + sim.requests.at(-1)!.body).not.toContain(wrong);
  });

  it('sends nothing without a key, and says which credential is missing', async () => {
    const failure = await connectBrevo(clock, { apiKey: '' }).checkCredentials().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'unauthorized', isRetryable: false });
    expect((failure as Error).message).toContain('"apiKey"');
    expect(sim.requests).toEqual([]);
  });

  it('reports bad settings as an unusable connection on every call, never a crash, nothing sent', async () => {
    for (const [settings, accountIds] of [[{ pageSize: 500 }, []], [{ rateLimitTier: 'platinum' }, []], [{}, ['list-a']]] as const) {
      const client = connectBrevo(clock, { settings, accountIds: [...accountIds] });
      await expect(client.checkCredentials()).rejects.toMatchObject({ code: 'invalid_request', isRetryable: false });
      await expect(listAll(client, 'email')).rejects.toMatchObject({ code: 'invalid_request' });
      expect(await client.suspend([{ externalId: '41', objectType: 'campaign', method: 'status', fingerprint: 'x', snapshot: {} }])).toMatchObject([{ kind: 'error', error: { code: 'invalid_request' } }]);
    }
    expect(sim.requests).toEqual([]);
  });

  it('honours the wait a 429 names in x-sib-ratelimit-reset, and changes nothing', async () => {
    const client = connectBrevo(clock);
    const [item] = await listAll(client, 'email');
    const before = sim.state();
    sim.faults.inject({ kind: 'rate-limit', method: 'PUT' });
    const [outcome] = await client.suspend([toRef(item!)]);
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'rate_limited', retryable: true, ambiguous: false, httpStatus: 429, vendorCode: 'too_many_requests' } });
    // The fault answers like Brevo: the seconds until the hour's window frees a request.
    const wait = outcome!.kind === 'error' ? outcome!.error.retryAfterMs : undefined;
    expect(wait).toBeGreaterThan(0);
    expect(wait! % 1000).toBe(0);
    expect(sim.state()).toEqual(before);

    server.use(http.get(`${BASE_URL}/v3/account`, () => new HttpResponse(null, { status: 429, headers: { 'x-sib-ratelimit-limit': '100', 'x-sib-ratelimit-remaining': '0', 'x-sib-ratelimit-reset': '1742' } })));
    await expect(client.checkCredentials()).rejects.toMatchObject({ code: 'rate_limited', isRetryable: true, retryAfterMs: 1_742_000 });
  });

  it('paces a burst to Brevo’s spread instead of failing it', async () => {
    // No override: the adapter's own 5 requests/s spread applies; the calls wait their turn.
    const client = connectBrevo(clock, { limits: {} });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => client.checkCredentials()));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('fulfilled'));
    expect(sim.requests.length).toBe(8);
  });

  it('keeps to 100 requests an hour itself: the 101st waits for the core (rate_limited, never sent), reported', async () => {
    const waits: LimitWait[] = [];
    const client = connectBrevo(clock, { waits });
    for (let i = 0; i < 100; i++) await client.checkCredentials();
    const failure = await client.checkCredentials().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AdapterError);
    expect(failure).toMatchObject({ code: 'rate_limited', isRetryable: true, ambiguous: false });
    expect((failure as AdapterError).retryAfterMs).toBeGreaterThan(59 * 60_000);
    expect(sim.requests.length).toBe(100);
    expect(waits.at(-1)?.reason).toContain('100 requests per hour');
  });

  it('answers over 100 requests an hour with 429 and its headers when limits are enforced, until the hour passes', async () => {
    const limited = createBrevoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty', enforceLimits: true });
    const call = () => limited.fetch(new Request(`${BASE_URL}/v3/account`, { headers: { 'api-key': API_KEY } }));
    const first = await call();
    expect(first.headers.get('x-sib-ratelimit-limit')).toBe('100');
    expect(first.headers.get('x-sib-ratelimit-remaining')).toBe('99');
    for (let i = 1; i < 100; i++) expect((await call()).status).toBe(200);
    const throttled = await call();
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('x-sib-ratelimit-remaining')).toBe('0');
    expect(Number(throttled.headers.get('x-sib-ratelimit-reset'))).toBeGreaterThan(0);
    expect(throttled.headers.get('retry-after')).toBeNull();
    clock.advance(HOUR);
    expect((await call()).status).toBe(200);
  });

  it('forecasts how long a pause takes within the hourly limit', async () => {
    const client = connectBrevo(clock, { settings: { pageSize: 50 } });
    const small = await client.quota!({ operation: 'suspend', items: 20 });
    expect(small).toMatchObject({ requests: 21, allowedNow: 100, fitsNow: true });
    expect(small.finishesAt).toEqual(clock.now());
    const big = await client.quota!({ operation: 'restore', items: 120 });
    expect(big).toMatchObject({ requests: 360, fitsNow: false });
    expect(big.finishesAt.getTime() - clock.now().getTime()).toBe(3 * HOUR);
    const enterprise = await connectBrevo(clock, { settings: { rateLimitTier: 'extended' } }).quota!({ operation: 'restore', items: 120 });
    expect(enterprise).toMatchObject({ allowedNow: 600, fitsNow: true });
    expect(big.limits).toContain('100 requests per hour');
  });

  it('keeps its world across an export and a load, time passing included', async () => {
    const client = connectBrevo(clock);
    const [item] = await listAll(client, 'email');
    await client.suspend([toRef(item!)]);
    clock.advance(2 * 24 * HOUR); // the campaign of tomorrow goes out; the suspended one does not
    const loaded = createBrevoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'sandbox', world: JSON.parse(JSON.stringify(sim.exportWorld())) });
    expect(loaded.state()).toEqual(sim.state());
    expect(loaded.state().filter((r) => r.status === 'sent').map((r) => r.id)).toEqual(['42', '45']); // Black Friday, Last week
    expect(loaded.world.campaign(item!.externalId)!.status).toBe('suspended');
    void brevo;
  });
});
