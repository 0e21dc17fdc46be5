// SendGrid's own edge cases through msw at the network edge: credentials and secrets, settings
// that cannot work, rate limits honoured, page tokens and list scoping (suspends and restores:
// sendgrid-restore.test.ts).
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import { sendgrid, sendgridVendor, type SendGridSettings } from '../../adapters/sendgrid/adapter.js';
import { createSendGridSimulator, type SendGridSimulator } from '../../adapters/sendgrid/simulator.js';
import type { SimSingleSend } from '../../adapters/sendgrid/simulator-world.js';
import type { AdapterClient, Outcome } from '../../adapters/types.js';
import { retryBatch } from '../../src/pauses/with-retries.js';
import { DAY, ManualClock, MINUTE } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';
import { API_KEY, BASE_URL, MAIN_LIST, OTHER_BRAND_LIST, seedWorld, VIP_LIST } from './sendgrid-fixture.js';

describe('sendgrid adapter edge cases', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: SendGridSimulator;
  let live: SimSingleSend[];

  const connect = (o: { apiKey?: string; settings?: Partial<SendGridSettings> | Record<string, unknown>; accountIds?: string[] } = {}): AdapterClient =>
    sendgrid.connect({
      connectionId: 'sendgrid-acme',
      accountIds: o.accountIds ?? [MAIN_LIST, VIP_LIST],
      settings: { region: 'global', pageSize: 100, ...o.settings } as SendGridSettings,
      credentials: { apiKey: o.apiKey ?? API_KEY },
      timeoutMs: 2_000,
      clock,
      limits: { requestsPerSecond: 1_000 },
    });
  const errorOf = (o: Outcome | undefined) => (o?.kind === 'error' ? o.error : null);

  beforeEach(() => {
    clock = new ManualClock();
    sim = createSendGridSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    live = seedWorld(sim, clock);
    routeToSimulator(server, BASE_URL, sim);
  });

  describe('credentials and settings', () => {
    it('reports a revoked key as unauthorized, and the key appears in no error', async () => {
      const key = `${API_KEY}-revoked`;
      const failure = (await connect({ apiKey: key }).checkCredentials().catch((e: unknown) => e)) as AdapterError;
      expect(failure).toMatchObject({ code: 'unauthorized', isRetryable: false, httpStatus: 401 });
      expect(failure.message).toContain('The provided authorization grant is invalid');
      expect(JSON.stringify(failure.toInfo()) + failure.message + String(failure.stack)).not.toContain(key);
      expect(sim.requests.at(-1)?.path).toBe('/v3/marketing/singlesends');
    });

    it('sends nothing without a key: every call fails unauthorized, connect does not throw', async () => {
      const client = connect({ apiKey: '' });
      await expect(client.checkCredentials()).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('no API key configured') });
      const [outcome] = await client.suspend([toRef((await listAll(connect(), 'email'))[0]!)]);
      expect(errorOf(outcome)).toMatchObject({ code: 'unauthorized', retryable: false });
      expect(sim.requests.every((r) => !r.path.endsWith('/schedule'))).toBe(true);
    });

    it('turns settings that cannot work into an unusable connection, not a crash', async () => {
      const before = sim.requests.length;
      const client = connect({ settings: { pageSize: 500, region: 'mars' } });
      const failure = (await client.checkCredentials().catch((e: unknown) => e)) as AdapterError;
      expect(failure).toMatchObject({ code: 'invalid_request', isRetryable: false });
      expect(failure.message).toMatch(/unusable settings \(region: .*; pageSize: .*<=100\)/);
      await expect(listAll(client, 'email')).rejects.toMatchObject({ code: 'invalid_request' });
      expect(sim.requests.length).toBe(before);
    });

    it('sends an EU subuser’s requests to api.eu.sendgrid.com', async () => {
      const eu: string[] = [];
      server.use(http.all('https://api.eu.sendgrid.com/*', ({ request }) => (eu.push(new URL(request.url).pathname), HttpResponse.json({ result: [], _metadata: { count: 0 } }))));
      await connect({ settings: { region: 'eu' } }).checkCredentials();
      expect(eu).toEqual(['/v3/marketing/singlesends']);
    });

    it('reports a key without Marketing write access as forbidden, per item, and changes nothing', async () => {
      sim.world.setAccess('read');
      const client = connect();
      const listed = await listAll(client, 'email');
      const outcomes = await client.suspend(listed.slice(0, 2).map(toRef));
      expect(outcomes.map((o) => errorOf(o)?.code)).toEqual(['forbidden', 'forbidden']);
      expect(sim.state().filter((s) => s.live)).toHaveLength(live.length);
    });
  });

  describe('rate limits', () => {
    it('reads the 429’s X-RateLimit-Reset as the wait, and the core waits it out instead of failing', async () => {
      const client = connect();
      const listed = await listAll(client, 'email');
      sim.faults.inject({ kind: 'rate-limit', method: 'DELETE', times: 2 });
      const waits: number[] = [];
      const results = await retryBatch(listed.slice(0, 3).map(toRef), (batch) => client.suspend(batch), {
        retries: 0,
        backoffMs: 1,
        maxRetryWaitMs: 10 * MINUTE,
        sleep: async (ms) => (waits.push(ms), clock.advance(ms)),
      }, { idempotent: true });
      expect(results.map((r) => r.outcome.kind)).toEqual(['ok', 'ok', 'ok']);
      // The period ends on the next whole minute of SendGrid's clock (09:01:00), plus our one second.
      expect(waits).toEqual([61_000]);
      expect(sim.state().filter((s) => s.live)).toHaveLength(live.length - 3);
    });

    it('still retries a bare 429 without rate-limit headers, with no wait of SendGrid’s own', async () => {
      sim.faults.inject({ kind: 'rate-limit', variant: 'without-reset' });
      const failure = (await connect().checkCredentials().catch((e: unknown) => e)) as AdapterError;
      expect(failure).toMatchObject({ code: 'rate_limited', isRetryable: true, retryAfterMs: undefined });
    });

    it('paces within 600 requests a minute and 10 a second unless configured otherwise', () => {
      const buckets = Object.values(sendgridVendor(clock).buckets);
      expect(buckets).toEqual(expect.arrayContaining([expect.objectContaining({ limit: 600, windowMs: 60_000 }), expect.objectContaining({ limit: 10, windowMs: 1_000 })]));
    });
  });

  describe('listing', () => {
    it('walks page tokens, and goes on from any page’s next without listing the earlier ones', async () => {
      const client = connect({ settings: { pageSize: 2 } });
      const pages = [];
      for await (const page of client.listLive('email')) pages.push(page);
      expect(pages.length).toBe(4);
      expect(pages.flatMap((p) => p.items.map((i) => i.externalId)).sort()).toEqual(live.map((s) => s.id).sort());
      const rest = [];
      for await (const page of client.listLive('email', pages[1]!.next!)) rest.push(...page.items);
      expect(rest.map((i) => i.externalId)).toEqual(pages.slice(2).flatMap((p) => p.items.map((i) => i.externalId)));
      const tokens = sim.requests.filter((r) => r.path.endsWith('/search')).map((r) => new URLSearchParams(r.query).get('page_token'));
      expect(tokens.filter((t) => t !== null).length).toBeGreaterThanOrEqual(3);
    });

    it('lists only the connection’s lists (and sends to all contacts or to segments), never drafts or sent ones', async () => {
      const other = sim.world.addSingleSend({ name: 'Globex promo', status: 'scheduled', sendAt: new Date(clock.now().getTime() + DAY), listIds: [OTHER_BRAND_LIST], subject: 'Not ours' });
      const segment = sim.world.addSingleSend({ name: 'Segment send', status: 'scheduled', sendAt: new Date(clock.now().getTime() + DAY), segmentIds: ['22222222-3333-4444-8555-666666666666'], subject: 'Lapsed buyers' });
      const ids = (await listAll(connect(), 'email')).map((i) => i.externalId);
      expect(ids).not.toContain(other.id);
      expect(ids).toContain(segment.id);
      expect(ids.sort()).toEqual([...live.map((s) => s.id), segment.id].sort());
      expect((await listAll(connect({ accountIds: [] }), 'email')).map((i) => i.externalId)).toContain(other.id);
    });
  });
});
