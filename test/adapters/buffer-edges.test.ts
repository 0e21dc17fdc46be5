// Buffer's own edge cases, at the network edge: credentials and settings, Buffer's throttling
// signals, per-post failures inside one aliased request, pages and resumed listings, queues a
// person paused, posts that cannot be re-created exactly, drift and retried writes.
import { beforeEach, describe, expect, it } from 'vitest';
import { createBufferSimulator, type BufferSimulator } from '../../adapters/buffer/simulator.js';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { AdapterClient, LiveItem, Outcome, RestoreRequest } from '../../adapters/types.js';
import { HOUR, ManualClock, MINUTE } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { API_KEY, BASE_URL, connect, ORG, seedPosts, type Channels } from './buffer-fixture.js';
import { listAll, toRef } from './live-items.js';

const errorOf = (o: Outcome | undefined) => (o?.kind === 'error' ? o.error : null);
/** Two requests: the first page of a listing at a known organization (its channels, a page of posts). */
async function listPage(client: AdapterClient) {
  for await (const page of client.listLive('post')) return page;
  return undefined;
}

describe('buffer adapter edge cases', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: BufferSimulator;
  let channels: Channels;
  let client: AdapterClient;

  const start = (enforceLimits = false, live = 30) => {
    clock = new ManualClock();
    sim = createBufferSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [ORG], seed: 'empty', enforceLimits });
    channels = seedPosts(sim, clock, live);
    routeToSimulator(server, BASE_URL, sim);
    client = connect(clock);
  };
  beforeEach(() => start());
  const graphqlOps = () => sim.requests.map((r) => (JSON.parse(r.body) as { operationName: string }).operationName);

  describe('credentials and settings', () => {
    it('reports a wrong key as unauthorized, and never shows the key', async () => {
      const wrong = 'buf_wrong_key_0123456789abcdef';
      const failure = (await connect(clock, {}, wrong).checkCredentials().catch((e: unknown) => e)) as AdapterError;
      expect(failure).toMatchObject({ code: 'unauthorized', isRetryable: false, httpStatus: 401, vendorCode: 'UNAUTHORIZED' });
      expect(`${failure.message} ${JSON.stringify(failure.toInfo())}`).not.toContain(wrong);
      // and the simulator recorded the request with the key masked
      expect(JSON.stringify(sim.requests)).not.toContain(wrong);
    });

    it('makes a connection with no key, bad settings or bad organization ids unusable, without a request', async () => {
      const noKey = connect(clock, {}, '');
      await expect(noKey.checkCredentials()).rejects.toMatchObject({ code: 'unauthorized', isRetryable: false });
      const badPlan = connect(clock, { plan: 'enterprise' as never });
      await expect(badPlan.checkCredentials()).rejects.toMatchObject({ code: 'invalid_request' });
      const badOrg = connect(clock, {}, API_KEY, ['not-an-id']);
      await expect(badOrg.suspend([])).rejects.toMatchObject({ code: 'invalid_request' });
      expect(sim.requests).toEqual([]);
    });
  });

  describe('throttling', () => {
    it("reads Buffer's 429 RATE_LIMIT_EXCEEDED and its retryAfter seconds as a wait, changing nothing", async () => {
      const listed = await listAll(client, 'post');
      start(true);
      const before = sim.state();
      sim.limits.spend('essentials', 100); // another client spent the 15-minute window
      const outcomes = await client.suspend(listed.slice(0, 3).map(toRef));
      for (const o of outcomes) {
        expect(errorOf(o)).toMatchObject({ code: 'rate_limited', retryable: true, ambiguous: false, httpStatus: 429, vendorCode: 'RATE_LIMIT_EXCEEDED', retryAfterMs: 900_000 });
      }
      expect(sim.state()).toEqual(before);
    });

    it('takes the variant without retryAfter as throttling too', async () => {
      sim.faults.inject({ kind: 'rate-limit', variant: 'window-only' });
      await expect(client.checkCredentials()).rejects.toMatchObject({ code: 'rate_limited', isRetryable: true });
    });

    it('asks Buffer about the key at most once an hour while calls succeed: readiness probes must not eat the quota', async () => {
      await client.checkCredentials();
      clock.advance(59 * MINUTE);
      await client.checkCredentials();
      expect(graphqlOps()).toEqual(['Account']);
      await listAll(client, 'post'); // any answered request proves the key
      clock.advance(59 * MINUTE);
      await client.checkCredentials();
      clock.advance(2 * HOUR);
      await client.checkCredentials();
      expect(graphqlOps().filter((o) => o === 'Account')).toHaveLength(2);
    });

    it('paces to the plan: past 100 requests in 15 minutes it holds back without sending, saying how long', async () => {
      for (let i = 0; i < 50; i++) await listPage(client); // 2 requests each: channels and a page
      const held = (await listPage(client).catch((e: unknown) => e)) as AdapterError;
      expect(held).toMatchObject({ code: 'rate_limited', isRetryable: true, ambiguous: false });
      expect(held.retryAfterMs).toBeGreaterThan(14 * MINUTE);
      expect(sim.requests.length).toBe(100);
      clock.advance(15 * MINUTE);
      await expect(listPage(client)).resolves.toBeDefined();
    });

    it('forecasts a pause that does not fit in the quotas left, and when it would finish', async () => {
      const free = connect(clock, { plan: 'free' });
      for (let i = 0; i < 45; i++) await listPage(free);
      const forecast = await free.quota!({ operation: 'suspend', items: 500 });
      // 1 channels read + 50 pages of 10 + 20 deletes of 25
      expect(forecast).toMatchObject({ requests: 71, allowedNow: 10, fitsNow: false });
      expect(forecast.limits).toBe('Buffer (Free plan): 100 requests per 15 minutes, 100 per 24 hours, 3,000 per 30 days');
      // the daily 100 is spent after 10 more: the rest waits for the day to turn (from the first request)
      expect(forecast.finishesAt.getTime()).toBeGreaterThan(clock.now().getTime() + 23 * HOUR);
      const small = await free.quota!({ operation: 'restore', items: 20 });
      expect(small).toMatchObject({ requests: 1, fitsNow: true });
      expect(small.finishesAt).toEqual(clock.now());
    });
  });

  describe('batches', () => {
    it('suspends 25 posts in one request, and reports per post what Buffer refused', async () => {
      const listed = await listAll(client, 'post');
      const batch = listed.slice(0, 25);
      // someone deleted one in Buffer meanwhile; another was sent already
      sim.world.remove(sim.world.get(batch[3]!.externalId)!);
      sim.world.posts.update(sim.world.get(batch[5]!.externalId)!, (p) => void (p.status = 'sent'));
      sim.requests.length = 0;
      const outcomes = await client.suspend(batch.map(toRef));
      expect(graphqlOps()).toEqual(['DeletePosts']);
      expect(errorOf(outcomes[3])).toMatchObject({ code: 'not_found', retryable: false });
      expect(errorOf(outcomes[5])).toMatchObject({ code: 'invalid_state', vendorCode: 'VoidMutationError' });
      expect(outcomes.filter((o) => o.kind === 'ok')).toHaveLength(23);
    });

    it('restores a batch in one request; a post Buffer refuses fails alone', async () => {
      const listed = await listAll(client, 'post');
      const batch = listed.slice(0, 4);
      await client.suspend(batch.map(toRef));
      const requests: RestoreRequest[] = batch.map((i) => ({ ...toRef(i), scheduledAt: i.scheduledAt, mayExist: false }));
      // an Instagram post whose snapshot lost its image: Buffer's own refusal
      const instagram = requests.findIndex((r) => (r.snapshot as { service: string }).service === 'instagram');
      const snapshot = structuredClone(requests[instagram]!.snapshot) as { input: { assets: unknown[] } };
      snapshot.input.assets = [];
      requests[instagram] = { ...requests[instagram]!, snapshot: snapshot as never };
      sim.requests.length = 0;
      const outcomes = await client.restore(requests);
      expect(graphqlOps()).toEqual(['CreatePosts']);
      expect(errorOf(outcomes[instagram])).toMatchObject({ code: 'invalid_request', vendorCode: 'InvalidInputError' });
      expect(errorOf(outcomes[instagram])!.message).toContain('Instagram posts require at least one image or video.');
      expect(outcomes.filter((o) => o.kind === 'ok' && o.newExternalId && o.status === 'scheduled')).toHaveLength(3);
    });

    it('refuses a past time per post, and one without a usable snapshot before any request', async () => {
      const [item] = await listAll(client, 'post');
      await client.suspend([toRef(item!)]);
      sim.requests.length = 0;
      const past = await client.restore([{ ...toRef(item!), scheduledAt: new Date(clock.now().getTime() - MINUTE).toISOString(), mayExist: false }]);
      expect(errorOf(past[0])).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('dueAt must be in the future') });
      const noSnapshot = await client.restore([{ ...toRef(item!), snapshot: {}, scheduledAt: item!.scheduledAt, mayExist: false }]);
      expect(errorOf(noSnapshot[0])).toMatchObject({ code: 'invalid_request', ambiguous: false });
      const noDelete = await client.suspend([{ ...toRef(item!), snapshot: { postId: 'someone-else' } }]);
      expect(errorOf(noDelete[0])).toMatchObject({ code: 'invalid_request' });
      expect(graphqlOps()).toEqual(['CreatePosts']);
    });

    it('marks a batch whose answer is lost as possibly applied, and a retry adopts what was created', async () => {
      const listed = (await listAll(client, 'post')).slice(0, 3);
      await client.suspend(listed.map(toRef));
      const requests = listed.map((i) => ({ ...toRef(i), scheduledAt: i.scheduledAt, mayExist: false }));
      sim.faults.inject({ kind: 'server-error', method: 'POST', applied: true });
      const lost = await client.restore(requests);
      for (const o of lost) expect(errorOf(o)).toMatchObject({ code: 'server_error', retryable: true, ambiguous: true });
      const count = sim.state().length;
      const retried = await client.restore(requests.map((r) => ({ ...r, mayExist: true })));
      for (const o of retried) expect(o).toMatchObject({ kind: 'ok', note: expect.stringContaining('adopted') });
      expect(sim.state().length).toBe(count);
    });
  });

  describe('listing', () => {
    it('walks cursor pages, goes on from any page, and skips queues people paused', async () => {
      const pages: Array<{ ids: string[]; next: string | null }> = [];
      for await (const page of client.listLive('post')) pages.push({ ids: page.items.map((i) => i.externalId), next: page.next });
      // 31 scheduled in 4 pages of 10: the post on the paused queue (6 h ahead) is left out of the first
      expect(pages.map((p) => p.ids.length)).toEqual([9, 10, 10, 1]);
      const all = pages.flatMap((p) => p.ids);
      expect(new Set(all).size).toBe(30);
      expect(all.map((id) => sim.world.get(id)!.channelId)).not.toContain(channels.paused.id);
      const resumed: string[] = [];
      for await (const page of client.listLive('post', pages[0]!.next!)) resumed.push(...page.items.map((i) => i.externalId));
      expect(resumed).toEqual(all.slice(pages[0]!.ids.length));
      await expect(async () => {
        for await (const _ of client.listLive('post', 'not-a-token')) void _;
      }).rejects.toMatchObject({ code: 'invalid_request' });
    });

    it('lists every organization of the key when none is configured', async () => {
      const all = connect(clock, {}, API_KEY, []);
      expect((await listAll(all, 'post')).length).toBe(30);
      expect(graphqlOps()[0]).toBe('Account');
    });

    it('lists a thread but refuses to delete it: Buffer could not put it back exactly', async () => {
      const thread = sim.world.addPost({ channelId: channels.twitter.id, text: 'A thread', schedulingType: 'automatic', assets: [], status: 'scheduled', dueAt: new Date(clock.now().getTime() + 3 * HOUR).toISOString() });
      sim.world.posts.update(sim.world.get(thread.id)!, (p) => void (p.metadata = { ...p.metadata!, threadCount: 3 }));
      const item = (await listAll(client, 'post')).find((i) => i.externalId === thread.id) as LiveItem;
      const [outcome] = await client.suspend([toRef(item)]);
      expect(errorOf(outcome)).toMatchObject({ code: 'invalid_state', message: expect.stringContaining('a thread of 3 posts') });
      expect(sim.world.get(thread.id)?.status).toBe('scheduled');
    });
  });

  describe('inspect and drift', () => {
    it('sees an edit (another fingerprint), a post someone deleted, and one that was sent', async () => {
      const listed = (await listAll(client, 'post')).slice(0, 3);
      sim.world.editText(listed[2]!.externalId, 'Edited in Buffer by someone else');
      sim.world.remove(sim.world.get(listed[1]!.externalId)!);
      clock.set(new Date(Date.parse(listed[0]!.scheduledAt!) + MINUTE));
      const seen = await client.inspect(listed.map(toRef));
      expect(seen[2]).toMatchObject({ found: true, live: true, status: 'scheduled' });
      expect(seen[2]!.fingerprint).not.toBe(listed[2]!.fingerprint);
      expect(seen[1]).toMatchObject({ found: false, live: false });
      expect(seen[0]).toMatchObject({ found: true, live: false, status: 'sent' });
      // one read for all three, then the two still unknown once the deleted one was named
      expect(graphqlOps().filter((o) => o === 'ReadPosts')).toHaveLength(2);
    });
  });
});
