// Hootsuite adapter: the shared contract, then Hootsuite's own edge cases (4-week listing
// windows, cursors, 429/40003/401 answers, approval-workflow messages, past restore times,
// adopting an earlier re-creation).
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { hootsuite, type HootsuiteSettings } from '../../adapters/hootsuite/adapter.js';
import { listingWindows, MAX_WINDOW_MS } from '../../adapters/hootsuite/operations-listing.js';
import { createHootsuiteSimulator, type HootsuiteSimulator } from '../../adapters/hootsuite/simulator.js';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { Simulator } from '../../adapters/kit/simulator/types.js';
import type { AdapterClient, ItemRef, LiveItem, RestoreRequest } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock, MINUTE } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { runAdapterContract } from './contract.js';
import { listAll as listLive, toRef } from './live-items.js';

const BASE_URL = 'https://platform.hootsuite.com';
const TOKEN = 'hs-access-token-7f3a9c';
const FACEBOOK = '115185509';
const X = '115185510';
const ACCOUNT_IDS = [FACEBOOK, X];

const iso = (at: number): string => new Date(at).toISOString();

/** Live messages spread over three 4-week windows, plus messages that are not live. */
function seedWorld(simulator: Simulator, clock: ManualClock): void {
  const sim = simulator as HootsuiteSimulator;
  const now = clock.now().getTime();
  const at = (ms: number) => iso(Math.floor((now + ms) / MINUTE) * MINUTE);
  sim.world.addMessage({ profileId: FACEBOOK, state: 'SCHEDULED', text: 'Spring sale starts Friday: 20% off.', scheduledSendTime: at(3 * HOUR) });
  sim.world.addMessage({
    profileId: FACEBOOK,
    state: 'SCHEDULED',
    text: 'Meet the Trailblazer 2.',
    scheduledSendTime: at(DAY),
    tags: ['spring-launch', 'product'],
    targeting: { facebookPage: { countries: [{ k: 'Canada', v: 'CA' }] } },
    privacy: { facebook: { visibility: ['everyone'] } },
    webhookUrls: ['https://hooks.acme.example/hootsuite'],
    emailNotification: true,
    mediaUrls: [{ url: 'http://static.ow.ly/photos/normal/cS5.jpg', thumbnailUrl: 'http://static.ow.ly/photos/thumb/cS5.jpg' }],
    media: [{ id: 'aHR0cDovL2V4YW1wbGUub3Jn', videoOptions: { facebook: { title: 'Trailblazer 2', category: 'SPORTS' } } }],
  });
  sim.world.addMessage({ profileId: X, state: 'SCHEDULED', text: 'We are hiring in Vancouver.', scheduledSendTime: at(10 * DAY), location: { latitude: 49.28, longitude: -123.12 } });
  sim.world.addMessage({ profileId: X, state: 'SCHEDULED', text: 'Live Q&A on Thursday.', scheduledSendTime: at(30 * DAY) });
  sim.world.addMessage({ profileId: FACEBOOK, state: 'SCHEDULED', text: 'Sustainability report is out.', scheduledSendTime: at(8 * 7 * DAY) });
  // Not live: sent, waiting for approval, rejected.
  sim.world.addMessage({ profileId: X, state: 'SENT', text: 'Last week’s news.', scheduledSendTime: at(-2 * DAY) });
  sim.world.addMessage({ profileId: FACEBOOK, state: 'PENDING_APPROVAL', text: 'Needs legal review.', scheduledSendTime: at(2 * DAY), sequenceNumber: 1 });
  sim.world.addMessage({ profileId: X, state: 'REJECTED', text: 'Flash sale!!!', scheduledSendTime: at(4 * DAY) });
}

runAdapterContract<HootsuiteSettings>({
  adapter: hootsuite,
  baseUrl: BASE_URL,
  credentials: { accessToken: TOKEN },
  accountIds: ACCOUNT_IDS,
  // Small pages so the contract walks cursors as well as windows.
  settings: { lookaheadWeeks: 52, pageSize: 2 },
  seed: seedWorld,
});

describe('hootsuite adapter edge cases', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: HootsuiteSimulator;

  const connect = (settings: Partial<HootsuiteSettings> = {}, token = TOKEN, accountIds: string[] = []): AdapterClient =>
    hootsuite.connect({
      connectionId: 'hootsuite-test',
      accountIds,
      settings: { lookaheadWeeks: 52, pageSize: 100, ...settings },
      credentials: { accessToken: token },
      timeoutMs: 2_000,
      clock,
    });

  const listAll = (client: AdapterClient): Promise<LiveItem[]> => listLive(client, 'post');
  const listQueries = () => sim.requests.filter((r) => r.method === 'GET' && r.path === '/v1/messages').map((r) => new URLSearchParams(r.query));

  beforeEach(() => {
    clock = new ManualClock();
    sim = createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: ACCOUNT_IDS, seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
  });

  describe('listing', () => {
    it('walks windows of at most 4 weeks and finds a message 8 weeks out', async () => {
      seedWorld(sim, clock);
      const listed = await listAll(connect({ lookaheadWeeks: 10 }));
      expect(listed.map((i) => i.title)).toContain('Sustainability report is out.');
      const queries = listQueries();
      expect(queries.length).toBe(3); // 4 + 4 + 2 weeks
      for (const q of queries) {
        const span = Date.parse(q.get('endTime')!) - Date.parse(q.get('startTime')!);
        expect(span).toBeGreaterThan(0);
        expect(span).toBeLessThanOrEqual(MAX_WINDOW_MS);
        expect(q.get('state')).toBe('SCHEDULED');
        expect(q.get('startTime')).toMatch(/Z$/);
      }
      // consecutive windows leave no gap
      for (let i = 1; i < queries.length; i++) expect(queries[i]!.get('startTime')).toBe(queries[i - 1]!.get('endTime'));
      expect(queries[0]!.get('startTime')).toBe('2026-11-21T09:00:00Z');
      expect(queries.at(-1)!.get('endTime')).toBe(new Date(clock.now().getTime() + 10 * 7 * DAY).toISOString().replace('.000Z', 'Z'));
    });

    it('builds exact windows for odd look-aheads', () => {
      const now = new Date('2026-11-21T09:00:00.750Z');
      const windows = listingWindows(now, 9);
      expect(windows).toEqual([
        { startTime: '2026-11-21T09:00:00Z', endTime: '2026-12-19T09:00:00Z' },
        { startTime: '2026-12-19T09:00:00Z', endTime: '2027-01-16T09:00:00Z' },
        { startTime: '2027-01-16T09:00:00Z', endTime: '2027-01-23T09:00:00Z' },
      ]);
    });

    it('does not see past the look-ahead', async () => {
      seedWorld(sim, clock);
      const listed = await listAll(connect({ lookaheadWeeks: 4 }));
      expect(listed.map((i) => i.title).sort()).toEqual(
        ['Meet the Trailblazer 2.', 'Spring sale starts Friday: 20% off.', 'We are hiring in Vancouver.'].sort(),
      );
    });

    it('follows cursors across several pages without losing or repeating a message', async () => {
      for (let i = 0; i < 11; i++) {
        sim.world.addMessage({ profileId: i % 2 ? X : FACEBOOK, state: 'SCHEDULED', text: `Post ${i}`, scheduledSendTime: iso(clock.now().getTime() + (i + 1) * HOUR) });
      }
      const pages: LiveItem[][] = [];
      for await (const page of connect({ pageSize: 3, lookaheadWeeks: 1 }).listLive('post')) pages.push(page.items);
      expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 2]);
      const ids = pages.flat().map((i) => i.externalId);
      expect(new Set(ids).size).toBe(11);
      const cursors = listQueries().map((q) => q.get('cursor'));
      expect(cursors[0]).toBeNull();
      expect(cursors.slice(1).every((c) => /^\d+:\d+:0$/.test(c ?? ''))).toBe(true);
      expect(listQueries().every((q) => q.get('limit') === '3')).toBe(true);
    });

    it('lists a message sitting exactly on a window boundary once', async () => {
      const boundary = clock.now().getTime() + MAX_WINDOW_MS;
      const onEdge = sim.world.addMessage({ profileId: X, state: 'SCHEDULED', text: 'On the edge', scheduledSendTime: iso(boundary) });
      const listed = await listAll(connect({ lookaheadWeeks: 8 }));
      // the simulator's ranges are inclusive at both ends, so two windows return it
      const pagesWithIt = listQueries().length;
      expect(pagesWithIt).toBe(2);
      expect(listed.filter((i) => i.externalId === onEdge.id)).toHaveLength(1);
    });

    it('passes configured social profiles as repeated socialProfileIds and lists only theirs', async () => {
      seedWorld(sim, clock);
      const listed = await listAll(connect({}, TOKEN, [X]));
      expect(listed.map((i) => i.title).sort()).toEqual(['Live Q&A on Thursday.', 'We are hiring in Vancouver.']);
      expect(listQueries()[0]!.getAll('socialProfileIds')).toEqual([X]);
      await listAll(connect({}, TOKEN, [X, FACEBOOK]));
      expect(listQueries().at(-1)!.getAll('socialProfileIds')).toEqual([X, FACEBOOK]);
    });

    it('never lists nor touches messages waiting for approval, rejected or sent', async () => {
      seedWorld(sim, clock);
      const notLive = sim.state().filter((r) => !r.live);
      expect(notLive.map((r) => r.status).sort()).toEqual(['PENDING_APPROVAL', 'REJECTED', 'SENT']);
      const client = connect();
      const listed = await listAll(client);
      for (const row of notLive) expect(listed.map((i) => i.externalId)).not.toContain(row.id);
      for (const item of listed) await client.suspend([toRef(item)]);
      expect(sim.state().filter((r) => !r.live)).toEqual(notLive);
      expect(sim.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').pop())).toEqual(listed.map((i) => i.externalId));
    });

    it('yields nothing for ads and emails', async () => {
      seedWorld(sim, clock);
      const client = connect();
      for (const kind of ['ad', 'email'] as const) {
        const pages: LiveItem[][] = [];
        for await (const page of client.listLive(kind)) pages.push(page.items);
        expect(pages).toEqual([]);
      }
      expect(sim.requests).toEqual([]);
    });
  });

  describe('suspend and inspect', () => {
    it('deletes a scheduled message after checking it has a snapshot, and reports it gone', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [item] = await listAll(client);
      const [outcome] = await client.suspend([toRef(item!)]);
      expect(outcome).toEqual({ kind: 'ok', externalId: item!.externalId, status: 'DELETED' });
      expect(sim.world.message(item!.externalId)).toBeUndefined();
      expect(await client.inspect([toRef(item!)])).toEqual([
        { externalId: item!.externalId, found: false, live: false, status: null, fingerprint: null, scheduledAt: null },
      ]);
    });

    it('refuses to delete without a usable snapshot (invariant 9)', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [item] = await listAll(client);
      const [outcome] = await client.suspend([{ ...toRef(item!), snapshot: { messageId: 'someone-else' } }]);
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false } });
      expect(sim.world.message(item!.externalId)?.state).toBe('SCHEDULED');
      expect(sim.requests.some((r) => r.method === 'DELETE')).toBe(false);
    });

    it('reports a message that went out meanwhile as invalid_state (40003), not retryable', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [first] = await listAll(client);
      clock.advance(4 * HOUR); // its send time passes: Hootsuite sends it
      const [outcome] = await client.suspend([toRef(first!)]);
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_state', retryable: false, vendorCode: '40003', httpStatus: 400 } });
      expect(sim.world.message(first!.externalId)?.state).toBe('SENT');
      const [seen] = await client.inspect([toRef(first!)]);
      expect(seen).toMatchObject({ found: true, live: false, status: 'SENT', fingerprint: first!.fingerprint });
    });

    it('reports a message deleted by someone else as not_found', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [item] = await listAll(client);
      await client.suspend([toRef(item!)]);
      const [again] = await client.suspend([toRef(item!)]);
      expect(again).toMatchObject({ kind: 'error', error: { code: 'not_found', vendorCode: '4001' } });
    });

    it('inspects a live message with its status, time and fingerprint', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const listed = await listAll(client);
      const observed = await client.inspect([toRef(listed[1]!)]);
      expect(observed).toEqual([
        { externalId: listed[1]!.externalId, found: true, live: true, status: 'SCHEDULED', fingerprint: listed[1]!.fingerprint, scheduledAt: listed[1]!.scheduledAt },
      ]);
    });
  });

  describe('throttling and failures', () => {
    it('maps Hootsuite 429 without Retry-After to rate_limited with no wait of its own', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [item] = await listAll(client);
      sim.faults.inject({ kind: 'rate-limit', method: 'DELETE' });
      const [outcome] = await client.suspend([toRef(item!)]);
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'rate_limited', retryable: true, ambiguous: false, httpStatus: 429, vendorCode: '1003' } });
      expect(outcome!.kind === 'error' && outcome!.error.retryAfterMs).toBeUndefined();
      expect(sim.world.message(item!.externalId)?.state).toBe('SCHEDULED');
    });

    it('honours a Retry-After header when one comes', async () => {
      server.use(
        http.get(`${BASE_URL}/v1/messages`, () =>
          HttpResponse.json({ errors: [{ code: 1043, message: 'Too many requests', id: 'trace-1' }] }, { status: 429, headers: { 'Retry-After': '3' } }),
        ),
      );
      const failure = await listAll(connect()).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(AdapterError);
      expect(failure).toMatchObject({ code: 'rate_limited', isRetryable: true, retryAfterMs: 3000, vendorCode: '1043' });
    });

    it('answers over 20 requests a second with 429 and Hootsuite headers when limits are enforced', async () => {
      const limited = createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: ACCOUNT_IDS, seed: 'empty', enforceLimits: true });
      const calls = Array.from({ length: 25 }, () =>
        limited.fetch(new Request(`${BASE_URL}/v1/me`, { headers: { Authorization: `Bearer ${TOKEN}` } })),
      );
      const answers = await Promise.all(calls);
      const throttled = answers.filter((r) => r.status === 429);
      expect(throttled.length).toBeGreaterThanOrEqual(5);
      const body = (await throttled[0]!.json()) as { errors: Array<{ code: number }> };
      expect(body.errors[0]!.code).toBe(1003);
      expect(throttled[0]!.headers.get('X-Account-Rate-Limit-Requests-Remaining')).toBe('0');
      expect(throttled[0]!.headers.get('Retry-After')).toBeNull();
      expect(answers.find((r) => r.status === 200)!.headers.get('X-Account-Quota')).toBe('100000 per day');
    });

    it('reports an expired token as unauthorized without echoing it', async () => {
      seedWorld(sim, clock);
      const expired = connect({}, `${TOKEN}-expired`);
      const failure = await expired.inspect([{ externalId: '4138476039', objectType: 'message', method: 'delete', fingerprint: 'x', snapshot: {} }]).catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'unauthorized', isRetryable: false, httpStatus: 401, vendorCode: '1001' });
      expect((failure as Error).message).not.toContain(TOKEN);
      const missing = await connect({}, '').checkCredentials().catch((e: unknown) => e);
      expect(missing).toMatchObject({ code: 'unauthorized', vendorCode: '1000' });
    });

    it('marks a create that failed with a 5xx as ambiguous, and a timed-out one too', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [item] = await listAll(client);
      await client.suspend([toRef(item!)]);
      const request: RestoreRequest = { ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: false };
      sim.faults.inject({ kind: 'server-error', method: 'POST' });
      const [failed] = await client.restore([request]);
      expect(failed).toMatchObject({ kind: 'error', error: { code: 'server_error', retryable: true, ambiguous: true } });
      sim.faults.inject({ kind: 'timeout', method: 'POST', holdMs: 3_000 });
      const [timedOut] = await client.restore([request]);
      expect(timedOut).toMatchObject({ kind: 'error', error: { code: 'timeout', ambiguous: true } });
    });

    it('maps the scheduled-message limit (40025) to invalid_state', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [item] = await listAll(client);
      await client.suspend([toRef(item!)]);
      sim.world.setScheduledLimit(sim.state().filter((r) => r.live).length);
      const [outcome] = await client.restore([{ ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: false }]);
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_state', vendorCode: '40025', retryable: false } });
    });
  });

  describe('restore', () => {
    it('re-creates the whole message under a new id at the requested time', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const item = (await listAll(client)).find((i) => i.title === 'Meet the Trailblazer 2.')!;
      const original = sim.world.message(item.externalId)!;
      await client.suspend([toRef(item)]);
      const later = iso(Date.parse(item.scheduledAt!) + 2 * HOUR);
      const [outcome] = await client.restore([{ ...toRef(item), scheduledAt: later, mayExist: false }]);
      expect(outcome).toMatchObject({ kind: 'ok', externalId: item.externalId, status: 'SCHEDULED' });
      const newId = outcome!.kind === 'ok' ? outcome!.newExternalId! : '';
      expect(newId).toMatch(/^\d+$/);
      expect(newId).not.toBe(item.externalId);
      const recreated = sim.world.message(newId)!;
      const { id: _a, scheduledSendTime: _b, postId: _c, ...was } = original;
      const { id: _d, scheduledSendTime: sendTime, postId: _e, ...now } = recreated;
      expect(now).toEqual(was);
      expect(sendTime).toBe(later.replace('.000Z', 'Z'));
      const post = sim.requests.find((r) => r.method === 'POST')!;
      expect(JSON.parse(post.body)).toMatchObject({ socialProfileIds: [FACEBOOK], scheduledSendTime: later.replace('.000Z', 'Z') });
      const [seen] = await client.inspect([{ ...toRef(item), externalId: newId }]);
      expect(seen).toMatchObject({ found: true, live: true, fingerprint: item.fingerprint, scheduledAt: later });
    });

    it('is refused by Hootsuite for a time that has passed, and creates nothing', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [item] = await listAll(client);
      await client.suspend([toRef(item!)]);
      const count = sim.world.messages().length;
      const [outcome] = await client.restore([{ ...toRef(item!), scheduledAt: iso(clock.now().getTime() - MINUTE), mayExist: false }]);
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false, httpStatus: 400, vendorCode: '4000' } });
      expect(outcome!.kind === 'error' && outcome!.error.message).toContain('in the future');
      expect(sim.world.messages().length).toBe(count);
    });

    it('adopts an earlier re-creation instead of duplicating it when it may exist', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [item] = await listAll(client);
      await client.suspend([toRef(item!)]);
      const request: RestoreRequest = { ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: true };
      // A first create reached Hootsuite but its answer was lost.
      sim.faults.inject({ kind: 'reset', method: 'POST' });
      const [lost] = await client.restore([{ ...request, mayExist: false }]);
      expect(lost).toMatchObject({ kind: 'error', error: { code: 'network' } });
      expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
      const first = await client.restore([request]);
      expect(first[0]).toMatchObject({ kind: 'ok', status: 'SCHEDULED' });
      const adopted = await client.restore([request]);
      expect(adopted[0]).toMatchObject({ kind: 'ok', status: 'SCHEDULED', newExternalId: (first[0] as { newExternalId: string }).newExternalId });
      expect(adopted[0]!.kind === 'ok' && adopted[0]!.note).toContain('adopted');
      expect(sim.state().filter((r) => r.fingerprint === item!.fingerprint)).toHaveLength(1);
    });

    it('does not adopt a message with other content at the same time', async () => {
      seedWorld(sim, clock);
      const client = connect();
      const [item] = await listAll(client);
      await client.suspend([toRef(item!)]);
      sim.world.addMessage({ profileId: FACEBOOK, state: 'SCHEDULED', text: 'Something else entirely', scheduledSendTime: item!.scheduledAt! });
      const [outcome] = await client.restore([{ ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: true }]);
      expect(outcome).toMatchObject({ kind: 'ok' });
      expect(outcome!.kind === 'ok' && outcome!.note).toBeUndefined();
      expect(sim.state().filter((r) => r.fingerprint === item!.fingerprint && r.live)).toHaveLength(1);
    });

    it('rounds restore times up to the next whole minute', () => {
      expect(hootsuite.normalizeScheduleTime(new Date('2026-11-21T10:07:31.123Z')).toISOString()).toBe('2026-11-21T10:08:00.000Z');
      expect(hootsuite.normalizeScheduleTime(new Date('2026-11-21T10:07:00.000Z')).toISOString()).toBe('2026-11-21T10:07:00.000Z');
    });

    it('refuses a restore without a time or with a broken snapshot', async () => {
      const client = connect();
      const ref: ItemRef = { externalId: '1', objectType: 'message', method: 'delete', fingerprint: 'x', snapshot: { nonsense: true } };
      const [broken] = await client.restore([{ ...ref, scheduledAt: iso(clock.now().getTime() + DAY), mayExist: false }]);
      expect(broken).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });
      const [untimed] = await client.restore([
        { ...ref, snapshot: { messageId: '1', body: { text: 'hi', socialProfileIds: [X] } }, scheduledAt: null, mayExist: false },
      ]);
      expect(untimed).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });
      expect(sim.requests).toEqual([]);
    });
  });
});
