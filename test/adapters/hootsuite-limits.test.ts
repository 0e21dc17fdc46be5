// Hootsuite's limits as kit buckets (20 requests/s and 100,000/day, developer.hootsuite.com/docs/
// api-rate-limits), its throttle signals in every variant, and errors inside a 200 body.
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { hootsuite, HOOTSUITE } from '../../adapters/hootsuite/adapter.js';
import { createHootsuiteSimulator, type HootsuiteSimulator } from '../../adapters/hootsuite/simulator.js';
import { withOverrides } from '../../adapters/kit/buckets.js';
import type { AdapterClient, RestoreRequest } from '../../adapters/types.js';
import { HOUR, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';

const BASE_URL = 'https://platform.hootsuite.com';
const TOKEN = 'hs-limits-token-7731';
const X = '115185510';

describe('hootsuite limits and signals', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: HootsuiteSimulator;

  const connect = (limits?: { requestsPerSecond: number }): AdapterClient =>
    hootsuite.connect({ connectionId: 'hs', accountIds: [], settings: { lookaheadWeeks: 4, pageSize: 100 }, credentials: { accessToken: TOKEN }, timeoutMs: 2_000, clock, ...(limits && { limits }) });

  beforeEach(() => {
    clock = new ManualClock();
    sim = createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [X], seed: 'empty', enforceLimits: true });
  });

  it('declares 20 requests/s and 100,000 a day; a configured rate replaces the per-second buckets only', () => {
    expect(HOOTSUITE.buckets.perSecond).toMatchObject({ kind: 'window', limit: 20, windowMs: 1000, unit: 'request' });
    expect(HOOTSUITE.buckets.daily).toMatchObject({ kind: 'window', limit: 100_000, windowMs: 86_400_000, unit: 'request' });
    const configured = withOverrides(HOOTSUITE.buckets, { requestsPerSecond: 5 });
    expect(Object.keys(configured).sort()).toEqual(['configuredRequestsPerSecond', 'daily']);
  });

  it('stays under the simulator’s enforced 20 per second at full speed, never throttled', async () => {
    const arrivals: number[] = [];
    server.use(http.all(`${BASE_URL}/*`, ({ request }) => (arrivals.push(performance.now()), sim.fetch(request))));
    const client = connect();
    const started = performance.now();
    await Promise.all(Array.from({ length: 30 }, () => client.checkCredentials()));
    const elapsed = performance.now() - started;
    expect(arrivals).toHaveLength(30); // every call answered 200: none was throttled and retried
    for (let i = 0; i + 20 < arrivals.length; i++) expect(arrivals[i + 20]! - arrivals[i]!).toBeGreaterThanOrEqual(1000);
    // ...and not slower than the limit needs: 30 requests fit in about 1.7 s (20 per 1.1 s, 3 per 0.15 s).
    expect(elapsed).toBeLessThan(2_500);
  });

  it('reads every throttle variant the simulator plays, honouring a Retry-After when one comes', async () => {
    routeToSimulator(server, BASE_URL, sim);
    const client = connect();
    const cases = [
      { variant: undefined, vendorCode: '1003', retryAfterMs: undefined },
      { variant: 'too-many-requests', vendorCode: '1043', retryAfterMs: undefined },
      { variant: 'api-plan-limit', vendorCode: '1004', retryAfterMs: undefined },
      { variant: 'with-retry-after', vendorCode: '1043', retryAfterMs: 1000 },
    ];
    for (const { variant, vendorCode, retryAfterMs } of cases) {
      sim.faults.inject({ kind: 'rate-limit', ...(variant && { variant }) });
      const failure = await client.checkCredentials().catch((e: unknown) => e);
      expect(failure, variant).toMatchObject({ code: 'rate_limited', isRetryable: true, ambiguous: false, httpStatus: 429, vendorCode });
      expect((failure as { retryAfterMs?: number }).retryAfterMs).toBe(retryAfterMs);
    }
    expect(() => sim.faults.inject({ kind: 'rate-limit', variant: 'buc' })).toThrow(/account-limit/);
  });

  it('reads a failure inside a 200 body, and a partial success as a success', async () => {
    routeToSimulator(server, BASE_URL, sim);
    const message = sim.world.addMessage({ profileId: X, state: 'SCHEDULED', text: 'Hello', scheduledSendTime: new Date(clock.now().getTime() + 3 * HOUR).toISOString() });
    const client = connect({ requestsPerSecond: 1000 });
    const [item] = await listAll(client, 'post');
    await client.suspend([toRef(item!)]);
    const request: RestoreRequest = { ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: false };
    const answerCreate = (code: number, text: string) =>
      server.use(http.post(`${BASE_URL}/v1/messages`, () => HttpResponse.json({ data: [], errors: [{ code, message: text, id: 'trace-200' }] }), { once: true }));

    answerCreate(1003, 'Account plan limit exceeded');
    const [throttled] = await client.restore([request]);
    expect(throttled).toMatchObject({ kind: 'error', error: { code: 'rate_limited', retryable: true, ambiguous: false, httpStatus: 200, vendorCode: '1003' } });
    expect(throttled!.kind === 'error' && throttled!.error.message).toBe('POST /v1/messages: Hootsuite 200 code 1003: Account plan limit exceeded [trace trace-200]');
    answerCreate(5000, 'An unknown error occurred');
    const [unknown] = await client.restore([request]);
    expect(unknown).toMatchObject({ kind: 'error', error: { code: 'server_error', retryable: true, ambiguous: true, vendorCode: '5000' } });

    // "Responses that partially fail will return both a data and errors object": the data counts.
    server.use(
      http.get(`${BASE_URL}/v1/messages`, () =>
        HttpResponse.json({ data: [message], errors: [{ code: 5000, message: 'one profile failed', id: 'trace-partial' }], metadata: { cursor: { next: null } } }),
      ),
    );
    expect((await listAll(client, 'post')).map((i) => i.externalId)).toEqual([message.id]);
  });
});
