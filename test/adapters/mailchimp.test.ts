// Mailchimp: the shared adapter contract, then listing (resumable offset paging), authentication,
// data centers and bad settings, limits, throttle signals and error reading against the simulator
// (msw routes the real host to it), and the API key kept out of every message.
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAILCHIMP, mailchimp, type MailchimpSettings } from '../../adapters/mailchimp/adapter.js';
import { createMailchimpSimulator, type MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { AdapterClient, ListPage, LiveItem } from '../../adapters/types.js';
import { HOUR, MINUTE, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { runAdapterContract } from './contract.js';
import { listAll as listLive, toRef } from './live-items.js';

const BASE_URL = 'https://us14.api.mailchimp.com';
const API_KEY = 'f3c9a1e07b4d2e8c5a6b9d0e1f2a3b4c-us14';
const LIST = 'a1b2c3d4e5';
const settings: MailchimpSettings = { dc: 'us14', pageSize: 1000 };
const basic = (key = API_KEY) => ({ Authorization: `Basic ${Buffer.from(`x:${key}`).toString('base64')}` });

/** A quarter hour `hours` from the manual clock's start (2026-11-21T09:00Z). */
const at = (clock: ManualClock, hours: number): Date => new Date(clock.now().getTime() + hours * HOUR);

runAdapterContract<MailchimpSettings>({
  adapter: mailchimp,
  baseUrl: BASE_URL,
  credentials: { apiKey: API_KEY },
  accountIds: [],
  settings,
  seed(simulator, clock) {
    const { world } = simulator as MailchimpSimulator;
    // one-off campaigns: live when scheduled
    world.addCampaign({ listId: LIST, sendAt: at(clock, 5), title: 'Weekly Digest', subjectLine: 'This week at Acme' });
    world.addCampaign({ listId: LIST, type: 'plaintext', sendAt: at(clock, 30), title: 'Points reminder' });
    world.addCampaign({ listId: LIST, sendAt: at(clock, 72), title: 'Black Friday', timewarp: true });
    world.addCampaign({ listId: LIST, sendAt: at(clock, 96), title: 'Cyber Monday', batchDelivery: { batch_count: 3, batch_delay: 20 } });
    world.addCampaign({ listId: LIST, status: 'save', title: 'Draft' });
    world.addCampaign({ listId: LIST, status: 'paused', title: 'Paused by a person' });
    world.addCampaign({ listId: LIST, status: 'sent', sendAt: at(clock, -20), title: 'Already sent' });
    // a Timewarp campaign whose earliest time zones are already getting it: sending, not live
    world.addCampaign({ listId: LIST, sendAt: at(clock, 6), title: 'Flash sale (Timewarp)', timewarp: true });
    // RSS campaigns: live while sending
    world.addCampaign({ listId: LIST, type: 'rss', status: 'sending', title: 'Blog roundup' });
    world.addCampaign({ listId: LIST, type: 'rss', status: 'sending', title: 'Product news' });
    world.addCampaign({ listId: LIST, type: 'rss', status: 'paused', title: 'Paused RSS' });
    // classic automations: live while sending
    world.addAutomation({ listId: LIST, title: 'Welcome', emails: [{ subjectLine: 'Welcome!' }, { subjectLine: 'Our story', delayDays: 2 }] });
    world.addAutomation({ listId: LIST, title: 'Birthday', emails: [{ subjectLine: 'Happy birthday' }, { subjectLine: 'Gift expires', status: 'paused' }] });
    world.addAutomation({ listId: LIST, title: 'Win-back', emails: [{ subjectLine: 'We miss you', status: 'paused' }] });
  },
});

describe('mailchimp adapter: listing, auth, settings, limits', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: MailchimpSimulator;

  type Over = Partial<{ apiKey: string; settings: unknown; accountIds: string[]; maxInFlight: number; baseUrl: string }>;
  const connect = (over: Over = {}): AdapterClient =>
    mailchimp.connect({
      connectionId: 'mailchimp-test',
      accountIds: over.accountIds ?? [],
      settings: (over.settings ?? settings) as MailchimpSettings,
      credentials: over.apiKey === '' ? {} : { apiKey: over.apiKey ?? API_KEY },
      timeoutMs: 5_000,
      clock,
      ...(over.baseUrl !== undefined && { baseUrl: over.baseUrl }),
      ...(over.maxInFlight !== undefined && { limits: { maxInFlight: over.maxInFlight } }),
    });

  const listAll = (client: AdapterClient): Promise<LiveItem[]> => listLive(client, 'email');
  const listings = () => sim.requests.filter((r) => r.path === '/3.0/campaigns' && r.query.includes('status=schedule'));

  beforeEach(() => {
    clock = new ManualClock();
    sim = createMailchimpSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
  });

  const offsets = () => listings().map((r) => Number(new URLSearchParams(r.query).get('offset')));

  it('pages with offset from the end back to offset 0, latest send time first on each page, and lists nothing for other kinds', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => sim.world.addCampaign({ sendAt: at(clock, 3 + i) }).id);
    sim.world.addCampaign({ status: 'save' });
    const items = await listAll(connect({ settings: { ...settings, pageSize: 2 } }));
    // the opening page gives the total; then [3,5) (the soonest two), [1,3), and the last one
    expect(items.map((i) => i.externalId)).toEqual([ids[1], ids[0], ids[3], ids[2], ids[4]]);
    expect(offsets()).toEqual([0, 3, 1, 0]);
    expect(listings().map((r) => new URLSearchParams(r.query).get('count'))).toEqual(['2', '2', '2', '1']);
    for (const r of listings()) expect(new URLSearchParams(r.query).get('sort_field')).toBe('send_time');
    for await (const page of connect().listLive('post')) expect(page.items).toEqual([]);
  });

  it('reads a stage that fits one page in one request', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => sim.world.addCampaign({ sendAt: at(clock, 3 + i) }).id);
    const items = await listAll(connect());
    expect(items.map((i) => i.externalId)).toEqual([...ids].reverse());
    expect(offsets()).toEqual([0]);
  });

  it('goes on from the last good page after a failed one, from its offset', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => sim.world.addCampaign({ sendAt: at(clock, 3 + i) }).id);
    const client = connect({ settings: { ...settings, pageSize: 2 } });
    sim.faults.inject({ kind: 'server-error', method: 'GET', path: /^\/3\.0\/campaigns$/, after: 2 });
    const pages: ListPage[] = [];
    const failure = await (async () => {
      for await (const page of client.listLive('email')) pages.push(page);
    })().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'server_error', isRetryable: true });
    expect(pages).toHaveLength(2); // the opening page and [5,7)
    const before = listings().length;
    for await (const page of client.listLive('email', pages.at(-1)!.next!)) pages.push(page);
    expect(pages.flatMap((p) => p.items.map((i) => i.externalId)).sort()).toEqual([...ids].sort());
    // the failed page (offset 3) is asked again, never those before it
    expect(offsets().slice(before)).toEqual([3, 1, 0]);
  });

  it('misses no campaign when the pause suspends each page while the listing goes on, and lists none twice', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => sim.world.addCampaign({ sendAt: at(clock, 20 + i) }).id);
    const client = connect({ settings: { ...settings, pageSize: 40 } });
    const listed: string[] = [];
    for await (const page of client.listLive('email')) {
      listed.push(...page.items.map((i) => i.externalId));
      // the pause unschedules all of a page before the next one is read
      for (const item of page.items) await sim.fetch(new Request(`${BASE_URL}/3.0/campaigns/${item.externalId}/actions/unschedule`, { method: 'POST', headers: basic() }));
    }
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...ids].sort());
  });

  it('misses no campaign when a person schedules or unschedules some between two pages', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => sim.world.addCampaign({ sendAt: at(clock, 20 + i) }).id);
    const client = connect({ settings: { ...settings, pageSize: 40 } });
    const listed: string[] = [];
    let pages = 0;
    for await (const page of client.listLive('email')) {
      listed.push(...page.items.map((i) => i.externalId));
      if (++pages !== 2) continue;
      // After the first page from the end: five new campaigns later than all (they sort before
      // every page still to read, pushing those back), and three not yet listed unscheduled.
      for (let i = 0; i < 5; i++) sim.world.addCampaign({ sendAt: at(clock, 500 + i) });
      const unread = ids.filter((id) => !listed.includes(id)).slice(0, 3);
      for (const id of unread) await sim.fetch(new Request(`${BASE_URL}/3.0/campaigns/${id}/actions/unschedule`, { method: 'POST', headers: basic() }));
      ids.splice(0, ids.length, ...ids.filter((id) => !unread.includes(id)));
    }
    expect(new Set(listed).size).toBe(listed.length);
    expect(ids.filter((id) => !listed.includes(id))).toEqual([]);
    // each page from the end ends 10 into the one read before it (a quarter of 40, at most 10)
    expect(offsets()).toEqual([0, 70, 40, 10, 0]);
  });

  it('maps a scheduled campaign to a live item with its canonical time and a snapshot of its delivery options', async () => {
    const c = sim.world.addCampaign({ sendAt: '2026-11-22T10:15:00Z', title: 'Digest', timewarp: true });
    const [item] = await listAll(connect());
    expect(item).toMatchObject({ externalId: c.id, kind: 'email', method: 'unschedule', objectType: 'campaign', title: 'Digest', status: 'schedule', scheduledAt: '2026-11-22T10:15:00.000Z' });
    expect(item?.snapshot).toEqual({ objectType: 'campaign', id: c.id, type: 'regular', sendTime: '2026-11-22T10:15:00.000Z', timewarp: true, listId: 'list000001' });
  });

  it('never lists drafts, sent, paused, sending one-off or variate campaigns, nor paused automations', async () => {
    sim.world.addCampaign({ status: 'save' });
    sim.world.addCampaign({ status: 'paused' });
    sim.world.addCampaign({ status: 'sent', sendAt: at(clock, -2) });
    sim.world.addCampaign({ status: 'sending', sendAt: at(clock, -0.1) });
    sim.world.addCampaign({ type: 'rss', status: 'paused' });
    sim.world.addAutomation({ title: 'Paused by a person', emails: [{ subjectLine: 'x', status: 'paused' }] });
    sim.world.addAutomation({ title: 'Never started', draft: true, emails: [{ subjectLine: 'y' }] });
    expect(await listAll(connect())).toEqual([]);
  });

  it('keeps to the audiences given as account ids', async () => {
    const mine = sim.world.addCampaign({ listId: 'aaaaaaaaaa', sendAt: at(clock, 4) });
    sim.world.addCampaign({ listId: 'bbbbbbbbbb', sendAt: at(clock, 4) });
    const auto = sim.world.addAutomation({ listId: 'aaaaaaaaaa', emails: [{ subjectLine: 'hi' }] });
    sim.world.addAutomation({ listId: 'bbbbbbbbbb', emails: [{ subjectLine: 'hi' }] });
    const items = await listAll(connect({ accountIds: ['aaaaaaaaaa'] }));
    expect(items.map((i) => i.externalId).sort()).toEqual([mine.id, auto.id].sort());
  });

  it('a campaign whose time passes while still scheduled is sent, lazily, and no longer live', async () => {
    const c = sim.world.addCampaign({ sendAt: at(clock, 1) });
    clock.advance(HOUR + MINUTE);
    expect(await listAll(connect())).toEqual([]);
    expect(sim.world.campaign(c.id)?.status).toBe('sent');
    expect(sim.state().find((r) => r.id === c.id)).toMatchObject({ status: 'sent', live: false, scheduledAt: null });
  });

  it('takes the data center from the key suffix when no dc setting is given', async () => {
    await expect(connect({ settings: { pageSize: 1000 } }).checkCredentials()).resolves.toBeUndefined();
    expect(sim.requests.at(-1)?.path).toBe('/3.0/ping');
  });

  it('never throws on connect: a missing key, an unknown data center or bad settings fail every call, and nothing is sent', async () => {
    const keyWithoutDc = 'f3c9a1e07b4d2e8c5a6b9d0e1f2a3b4c';
    const cases: Array<{ over: Over; code: string; message: RegExp }> = [
      { over: { apiKey: keyWithoutDc, settings: { pageSize: 1000 } }, code: 'invalid_request', message: /data center/ },
      { over: { apiKey: '' }, code: 'unauthorized', message: /no API key/ },
      { over: { settings: { dc: 'US-14', pageSize: 1000 } }, code: 'invalid_request', message: /settings.*dc/ },
      { over: { settings: { pageSize: 5000 } }, code: 'invalid_request', message: /pageSize/ },
    ];
    for (const { over, code, message } of cases) {
      const client = connect(over);
      const failures = [
        await client.checkCredentials().catch((e: unknown) => e),
        await listAll(client).catch((e: unknown) => e),
        await client.inspect([{ externalId: 'c1', objectType: 'campaign', method: 'unschedule', fingerprint: '', snapshot: {} }]).catch((e: unknown) => e),
      ];
      for (const failure of failures) {
        expect(failure).toBeInstanceOf(AdapterError);
        expect(failure).toMatchObject({ code, isRetryable: false, ambiguous: false });
        expect((failure as Error).message).toMatch(message);
        expect((failure as Error).message).not.toContain(keyWithoutDc.slice(0, 12));
      }
      const [suspended] = await client.suspend([{ externalId: 'c1', objectType: 'campaign', method: 'unschedule', fingerprint: '', snapshot: {} }]);
      expect(suspended).toMatchObject({ kind: 'error', externalId: 'c1', error: { code } });
    }
    expect(sim.requests).toEqual([]);
  });

  it('answers a key from another data center as Mailchimp does: 401 API Key Invalid', async () => {
    const otherDc = API_KEY.replace(/-us14$/, '-us3');
    const strict = createMailchimpSimulator({ clock, credentials: { apiKey: otherDc }, accountIds: [], seed: 'empty' });
    routeToSimulator(server, BASE_URL, strict);
    const failure = await connect({ apiKey: otherDc }).checkCredentials().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'unauthorized', vendorCode: 'API Key Invalid', isRetryable: false });
  });

  it('never lets the API key into an error message, even when Mailchimp repeats it', async () => {
    const encoded = Buffer.from(`crisis-pause:${API_KEY}`).toString('base64');
    server.use(
      http.get(`${BASE_URL}/3.0/ping`, () =>
        HttpResponse.json(
          { type: 'https://mailchimp.com/developer/marketing/docs/errors/', title: 'API Key Invalid', status: 401, detail: `Key ${API_KEY} (Basic ${encoded}, ${encodeURIComponent(API_KEY)}) is not valid here`, instance: 'x' },
          { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const failure = (await connect().checkCredentials().catch((e: unknown) => e)) as AdapterError;
    expect(failure).toMatchObject({ code: 'unauthorized', vendorCode: 'API Key Invalid' });
    expect(failure.message).toMatch(/^GET \/3\.0\/ping: Mailchimp 401 code API Key Invalid: Key \*\*\*/);
    for (const secret of [API_KEY, encoded, API_KEY.slice(0, 20)]) expect(JSON.stringify(failure.toInfo())).not.toContain(secret);
  });

  it('declares 10 connections in flight; stays under them, and the simulator answers 429 beyond them', async () => {
    expect(MAILCHIMP.buckets.connections).toMatchObject({ kind: 'in-flight', max: 10 });
    const limited = createMailchimpSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty', enforceLimits: true, latencyMs: 30 });
    routeToSimulator(server, BASE_URL, limited);
    const refs = Array.from({ length: 25 }, () => limited.world.addCampaign({ sendAt: at(clock, 6) })).map((c) => ({
      externalId: c.id, objectType: 'campaign', method: 'unschedule' as const, fingerprint: '', snapshot: {},
    }));
    // One client paces all its calls: 25 at once never meet the 429.
    const client = connect();
    expect((await Promise.all(refs.map((ref) => client.inspect([ref])))).flat().every((o) => o.found)).toBe(true);
    // Allowed more than Mailchimp's 10, the same calls meet its 429.
    const unlimited = connect({ maxInFlight: 25 });
    const answers = await Promise.all(refs.map((ref) => unlimited.inspect([ref]).catch((e: unknown) => e)));
    expect(answers.some((a) => a instanceof AdapterError && a.code === 'rate_limited' && a.isRetryable)).toBe(true);

    const raw = await Promise.all(Array.from({ length: 14 }, () => limited.fetch(new Request(`${BASE_URL}/3.0/ping`, { headers: basic() }))));
    const throttled = raw.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(await throttled[0]!.json()).toMatchObject({ status: 429, title: 'Too Many Requests', detail: 'You have exceeded the limit of 10 simultaneous connections.' });
    expect(throttled[0]!.headers.get('content-type')).toContain('application/problem+json');
  });

  it('reads every throttle signal as retryable rate_limited, with Retry-After only when Mailchimp sends one', async () => {
    const client = connect();
    for (const variant of ['too-many-requests', 'bare-429', 'bare-403']) {
      sim.faults.inject({ kind: 'rate-limit', variant });
      const failure = await client.checkCredentials().catch((e: unknown) => e);
      expect(failure, variant).toMatchObject({ code: 'rate_limited', isRetryable: true, ambiguous: false });
      expect((failure as AdapterError).retryAfterMs).toBeUndefined();
    }
    server.use(http.get(`${BASE_URL}/3.0/ping`, () => HttpResponse.json({ title: 'Too Many Requests', status: 429 }, { status: 429, headers: { 'Retry-After': '7' } }), { once: true }));
    expect(await client.checkCredentials().catch((e: unknown) => e)).toMatchObject({ code: 'rate_limited', retryAfterMs: 7_000 });
  });

  it('reads Mailchimp’s problem documents: 403 with a body is forbidden, 400s are wrong state or invalid input, 5xx ambiguous on writes', async () => {
    const problem = (status: number, title: string, detail = '', errors?: unknown) => HttpResponse.json({ type: 'https://mailchimp.com/developer/marketing/docs/errors/', title, status, detail, instance: 'x', ...(errors !== undefined && { errors }) }, { status });
    const client = connect();
    const answer = (response: () => Response) => server.use(http.get(`${BASE_URL}/3.0/ping`, response, { once: true }));
    answer(() => problem(403, 'Forbidden', 'User does not have access'));
    expect(await client.checkCredentials().catch((e: unknown) => e)).toMatchObject({ code: 'forbidden', isRetryable: false });
    answer(() => problem(404, 'Resource Not Found'));
    expect(await client.checkCredentials().catch((e: unknown) => e)).toMatchObject({ code: 'not_found' });
    answer(() => problem(400, 'Invalid Action', 'nope'));
    expect(await client.checkCredentials().catch((e: unknown) => e)).toMatchObject({ code: 'invalid_state' });
    answer(() => problem(400, 'Bad Request', 'This campaign cannot be scheduled: .'));
    expect(await client.checkCredentials().catch((e: unknown) => e)).toMatchObject({ code: 'invalid_state' });
    answer(() => problem(400, 'Invalid Resource', 'could not be validated', [{ field: 'schedule_time', message: 'quarter-hour' }]));
    const invalid = (await client.checkCredentials().catch((e: unknown) => e)) as AdapterError;
    expect(invalid.code).toBe('invalid_request');
    expect(invalid.message).toContain('schedule_time: quarter-hour');
    answer(() => new HttpResponse(null, { status: 500 }));
    expect(await client.checkCredentials().catch((e: unknown) => e)).toMatchObject({ code: 'server_error', isRetryable: true, ambiguous: false });

    const c = sim.world.addCampaign({ sendAt: at(clock, 5) });
    const [item] = await listAll(client);
    sim.faults.inject({ kind: 'server-error', method: 'POST' });
    const [outcome] = await client.suspend([toRef(item!)]);
    expect(outcome).toMatchObject({ kind: 'error', externalId: c.id, error: { code: 'server_error', retryable: true, ambiguous: true } });
  });

  it('supports partial responses with fields and exclude_fields', async () => {
    const c = sim.world.addCampaign({ sendAt: at(clock, 3) });
    const picked = await (await sim.fetch(new Request(`${BASE_URL}/3.0/campaigns?fields=campaigns.id,campaigns.settings.title,total_items`, { headers: basic() }))).json();
    expect(picked).toEqual({ campaigns: [{ id: c.id, settings: { title: 'Untitled campaign' } }], total_items: 1 });
    const trimmed = (await (await sim.fetch(new Request(`${BASE_URL}/3.0/campaigns/${c.id}?exclude_fields=_links,settings`, { headers: basic() }))).json()) as Record<string, unknown>;
    expect(trimmed).not.toHaveProperty('_links');
    expect(trimmed).not.toHaveProperty('settings');
    expect(trimmed).toHaveProperty('recipients');
  });
});
