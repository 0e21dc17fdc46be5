// Klaviyo connection-level cases at the network edge: credentials (and the key kept out of every
// message), bad settings, Klaviyo's 429 and its tiers paced by the client, cursor pages resumed.
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import { createKlaviyoSimulator, type KlaviyoSimulator } from '../../adapters/klaviyo/simulator.js';
import type { LimitWait, ListPage } from '../../adapters/types.js';
import type { Exchange } from '../specs/openapi-contract.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';
import { API_KEY, at, BASE_URL, connect, seedWeek } from './klaviyo-fixture.js';

describe('klaviyo connection', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: KlaviyoSimulator;

  const start = (enforceLimits = false) => {
    sim = createKlaviyoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty', enforceLimits });
    routeToSimulator(server, BASE_URL, sim);
  };

  beforeEach(() => {
    clock = new ManualClock();
    start();
  });

  it('sends the private key as Klaviyo-API-Key with the pinned revision, as JSON:API', async () => {
    const exchanges: Exchange[] = [];
    routeToSimulator(server, BASE_URL, sim, exchanges);
    seedWeek(sim, clock);
    const client = connect(clock);
    const [item] = await listAll(client, 'email');
    await client.suspend([toRef(item!)]);
    for (const e of exchanges) {
      expect(e.headers.get('authorization')).toBe(`Klaviyo-API-Key ${API_KEY}`);
      expect(e.headers.get('revision')).toBe('2026-07-15');
      expect(e.headers.get('accept')).toBe('application/vnd.api+json');
    }
    const write = exchanges.find((e) => e.method === 'PATCH')!;
    expect(write.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(JSON.parse(write.body)).toEqual({ data: { type: 'campaign-send-job', id: item!.externalId, attributes: { action: 'revert' } } });
    // the recorder masks credentials: the key never sits in what it keeps either
    expect(JSON.stringify(sim.requests)).not.toContain(API_KEY);
  });

  it('reports a wrong key as unauthorized, not retryable, without the key in the message', async () => {
    const wrong = 'pk_fake_wrong_key_0000000000000000000';
    const failure = (await connect(clock, { apiKey: wrong }).checkCredentials().catch((e: unknown) => e)) as AdapterError;
    expect(failure).toBeInstanceOf(AdapterError);
    expect(failure.toInfo()).toMatchObject({ code: 'unauthorized', retryable: false, httpStatus: 401, vendorCode: 'authentication_failed' });
    expect(JSON.stringify(failure.toInfo()) + failure.message).not.toContain(wrong);
  });

  it('reports a missing key and unusable settings as an unusable connection, never a crash, and sends nothing', async () => {
    const noKey = connect(clock, { apiKey: '' });
    await expect(noKey.checkCredentials()).rejects.toMatchObject({ code: 'unauthorized', isRetryable: false });
    for (const settings of [{ pageSize: 500 }, { revision: 'latest' }, 'nonsense']) {
      const client = connect(clock, { settings });
      await expect(client.checkCredentials()).rejects.toMatchObject({ code: 'invalid_request', isRetryable: false });
      await expect(listAll(client, 'email')).rejects.toMatchObject({ code: 'invalid_request' });
    }
    expect(sim.requests).toEqual([]);
  });

  it("reads Klaviyo's 429 as rate limited with its Retry-After, and changes nothing", async () => {
    seedWeek(sim, clock);
    const client = connect(clock);
    const [item] = await listAll(client, 'email');
    const before = sim.state();
    sim.faults.inject({ kind: 'rate-limit', variant: 'steady' });
    const [outcome] = await client.suspend([toRef(item!)]);
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'rate_limited', retryable: true, ambiguous: false, retryAfterMs: 30_000, vendorCode: 'throttled' } });
    expect(sim.state()).toEqual(before);
  });

  it("paces each endpoint tier under Klaviyo's limits: no 429 from a simulator that enforces them", async () => {
    start(true);
    for (let i = 0; i < 9; i++) sim.world.addFlow({ name: `Flow ${i}` });
    const waits: LimitWait[] = [];
    // Klaviyo's own tiers in the client (no configured rate): flows at 3 a second
    const client = connect(clock, { fast: false, onWait: (w) => waits.push(w) });
    const flows = await listAll(client, 'email');
    const outcomes = (await Promise.all(flows.map((f) => client.suspend([toRef(f)])))).flat();
    expect(outcomes.filter((o) => o.kind === 'error')).toEqual([]);
    expect(sim.state().filter((r) => r.live)).toEqual([]);
    // three times Klaviyo's flow burst went through an enforcing simulator without a 429: paced
    expect(sim.requests.filter((r) => r.path.startsWith('/api/flows')).length).toBeGreaterThan(3 * 3);
    // waits of a second or more are reported, named by the tier (shorter ones are not: none may be)
    for (const w of waits) expect(w.reason).toMatch(/Klaviyo's flow endpoints/);
  }, 20_000);

  it('lists across cursor pages, and a page’s next lists only what follows it', async () => {
    for (let i = 0; i < 7; i++) sim.world.addCampaign({ name: `Campaign ${i}`, sendAt: at(clock, 2 + i) });
    for (let i = 0; i < 55; i++) sim.world.addFlow({ name: `Flow ${i}` });
    const client = connect(clock, { settings: { pageSize: 3 } });
    const pages: ListPage[] = [];
    for await (const page of client.listLive('email')) pages.push(page);
    // campaigns 3+3+1, flows 3 a page (pageSize applies to both, under Klaviyo's 50)
    expect(pages.slice(0, 3).map((p) => p.items.length)).toEqual([3, 3, 1]);
    const all = pages.flatMap((p) => p.items.map((i) => i.externalId));
    expect(all.length).toBe(62);
    expect(new Set(all).size).toBe(62);
    const resumed: string[] = [];
    for await (const page of client.listLive('email', pages[1]!.next!)) resumed.push(...page.items.map((i) => i.externalId));
    expect(resumed).toEqual(all.slice(6));
    expect(sim.requests.filter((r) => r.path === '/api/flows').every((r) => decodeURIComponent(r.query).includes('page[size]=3'))).toBe(true);
  });

  it('lists flows 50 a page at most, whatever the campaign page size', async () => {
    for (let i = 0; i < 60; i++) sim.world.addFlow({ name: `Flow ${i}` });
    const items = await listAll(connect(clock, { settings: { pageSize: 100 } }), 'email');
    expect(items.length).toBe(60);
    const flowPages = sim.requests.filter((r) => r.path === '/api/flows');
    expect(flowPages.length).toBe(2);
    expect(decodeURIComponent(flowPages[0]!.query)).toContain('page[size]=50');
  });
});
