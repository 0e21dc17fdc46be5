// Mailchimp: the shared adapter contract, then listing, authentication, data centers, limits and
// error mapping against the simulator (msw routes the real host to it).
import { beforeEach, describe, expect, it } from 'vitest';
import { mailchimp, type MailchimpSettings } from '../../adapters/mailchimp/adapter.js';
import { mailchimpError } from '../../adapters/mailchimp/errors.js';
import { MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { AdapterClient, LiveItem } from '../../adapters/types.js';
import { HOUR, MINUTE, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { runAdapterContract } from './contract.js';
import { listAll as listLive } from './live-items.js';

const BASE_URL = 'https://us14.api.mailchimp.com';
const API_KEY = 'f3c9a1e07b4d2e8c5a6b9d0e1f2a3b4c-us14';
const LIST = 'a1b2c3d4e5';
const settings: MailchimpSettings = { dc: 'us14', pageSize: 1000 };

/** A quarter hour `hours` from the manual clock's start (2026-11-21T09:00Z). */
const at = (clock: ManualClock, hours: number): Date => new Date(clock.now().getTime() + hours * HOUR);

runAdapterContract<MailchimpSettings>({
  adapter: mailchimp,
  baseUrl: BASE_URL,
  credentials: { apiKey: API_KEY },
  accountIds: [],
  settings,
  seed(simulator, clock) {
    const sim = simulator as MailchimpSimulator;
    // one-off campaigns: live when scheduled
    sim.addCampaign({ listId: LIST, sendAt: at(clock, 5), title: 'Weekly Digest', subjectLine: 'This week at Acme' });
    sim.addCampaign({ listId: LIST, type: 'plaintext', sendAt: at(clock, 30), title: 'Points reminder' });
    sim.addCampaign({ listId: LIST, sendAt: at(clock, 72), title: 'Black Friday', timewarp: true });
    sim.addCampaign({ listId: LIST, sendAt: at(clock, 96), title: 'Cyber Monday', batchDelivery: { batch_count: 3, batch_delay: 20 } });
    sim.addCampaign({ listId: LIST, status: 'save', title: 'Draft' });
    sim.addCampaign({ listId: LIST, status: 'paused', title: 'Paused by a person' });
    sim.addCampaign({ listId: LIST, status: 'sent', sendAt: at(clock, -20), title: 'Already sent' });
    // RSS campaigns: live while sending
    sim.addCampaign({ listId: LIST, type: 'rss', status: 'sending', title: 'Blog roundup' });
    sim.addCampaign({ listId: LIST, type: 'rss', status: 'sending', title: 'Product news' });
    sim.addCampaign({ listId: LIST, type: 'rss', status: 'paused', title: 'Paused RSS' });
    // classic automations: live while sending
    sim.addAutomation({ listId: LIST, title: 'Welcome', emails: [{ subjectLine: 'Welcome!' }, { subjectLine: 'Our story', delayDays: 2 }] });
    sim.addAutomation({ listId: LIST, title: 'Birthday', emails: [{ subjectLine: 'Happy birthday' }, { subjectLine: 'Gift expires', status: 'paused' }] });
    sim.addAutomation({ listId: LIST, title: 'Win-back', emails: [{ subjectLine: 'We miss you', status: 'paused' }] });
  },
});

describe('mailchimp adapter: listing, auth, limits', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: MailchimpSimulator;

  const connect = (over: Partial<{ apiKey: string; settings: MailchimpSettings; accountIds: string[]; maxInFlight: number }> = {}): AdapterClient =>
    mailchimp.connect({
      connectionId: 'mailchimp-test',
      accountIds: over.accountIds ?? [],
      settings: over.settings ?? settings,
      credentials: { apiKey: over.apiKey ?? API_KEY },
      timeoutMs: 5_000,
      clock,
      ...(over.maxInFlight !== undefined && { limits: { maxInFlight: over.maxInFlight } }),
    });

  const listAll = (client: AdapterClient): Promise<LiveItem[]> => listLive(client, 'email');

  beforeEach(() => {
    clock = new ManualClock();
    sim = new MailchimpSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
  });

  it('pages with offset until total_items, and lists nothing for other kinds', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => sim.addCampaign({ sendAt: at(clock, 3 + i) }).id);
    sim.addCampaign({ status: 'save' });
    const items = await listAll(connect({ settings: { ...settings, pageSize: 2 } }));
    expect(items.map((i) => i.externalId).sort()).toEqual([...ids].sort());
    const offsets = sim.requests
      .filter((r) => r.path === '/3.0/campaigns' && r.query.includes('status=schedule'))
      .map((r) => new URLSearchParams(r.query).get('offset'));
    expect(offsets).toEqual(['0', '2', '4']);
    for await (const page of connect().listLive('post')) expect(page.items).toEqual([]);
  });

  it('maps a scheduled campaign to a live item with its canonical time and a snapshot of its delivery options', async () => {
    const c = sim.addCampaign({ sendAt: '2026-11-22T10:15:00Z', title: 'Digest', timewarp: true });
    const [item] = await listAll(connect());
    expect(item).toMatchObject({ externalId: c.id, kind: 'email', method: 'unschedule', objectType: 'campaign', title: 'Digest', status: 'schedule', scheduledAt: '2026-11-22T10:15:00.000Z' });
    expect(item?.snapshot).toEqual({ objectType: 'campaign', id: c.id, type: 'regular', sendTime: '2026-11-22T10:15:00.000Z', timewarp: true, listId: 'list000001' });
  });

  it('never lists drafts, sent, paused, sending one-off or variate campaigns, nor paused automations', async () => {
    sim.addCampaign({ status: 'save' });
    sim.addCampaign({ status: 'paused' });
    sim.addCampaign({ status: 'sent', sendAt: at(clock, -2) });
    sim.addCampaign({ status: 'sending', sendAt: at(clock, -0.1) });
    sim.addCampaign({ type: 'rss', status: 'paused' });
    sim.addAutomation({ title: 'Paused by a person', emails: [{ subjectLine: 'x', status: 'paused' }] });
    sim.addAutomation({ title: 'Never started', draft: true, emails: [{ subjectLine: 'y' }] });
    expect(await listAll(connect())).toEqual([]);
  });

  it('keeps to the audiences given as account ids', async () => {
    const mine = sim.addCampaign({ listId: 'aaaaaaaaaa', sendAt: at(clock, 4) });
    sim.addCampaign({ listId: 'bbbbbbbbbb', sendAt: at(clock, 4) });
    const auto = sim.addAutomation({ listId: 'aaaaaaaaaa', emails: [{ subjectLine: 'hi' }] });
    sim.addAutomation({ listId: 'bbbbbbbbbb', emails: [{ subjectLine: 'hi' }] });
    const items = await listAll(connect({ accountIds: ['aaaaaaaaaa'] }));
    expect(items.map((i) => i.externalId).sort()).toEqual([mine.id, auto.id].sort());
  });

  it('a campaign whose time passes while still scheduled is sent, lazily, and no longer live', async () => {
    const c = sim.addCampaign({ sendAt: at(clock, 1) });
    clock.advance(HOUR + MINUTE);
    expect(await listAll(connect())).toEqual([]);
    expect(sim.campaign(c.id)?.status).toBe('sent');
    expect(sim.state().find((r) => r.id === c.id)).toMatchObject({ status: 'sent', live: false, scheduledAt: null });
  });

  it('takes the data center from the key suffix when no dc setting is given', async () => {
    await expect(connect({ settings: { pageSize: 1000 } }).checkCredentials()).resolves.toBeUndefined();
    expect(sim.requests.at(-1)?.path).toBe('/3.0/ping');
  });

  it('refuses to connect with a key without a data center and no dc setting', () => {
    const failure = (() => {
      try {
        connect({ apiKey: 'f3c9a1e07b4d2e8c5a6b9d0e1f2a3b4c', settings: { pageSize: 1000 } });
      } catch (e) {
        return e;
      }
    })();
    expect(failure).toBeInstanceOf(AdapterError);
    expect((failure as AdapterError).code).toBe('invalid_request');
    expect((failure as Error).message).toMatch(/data center/);
    expect((failure as Error).message).not.toContain('f3c9a1e07b4d');
  });

  it('answers a key from another data center as Mailchimp does: 401 API Key Invalid', async () => {
    const otherDc = sim.options.credentials.apiKey!.replace(/-us14$/, '-us3');
    const strict = new MailchimpSimulator({ clock, credentials: { apiKey: otherDc }, accountIds: [], seed: 'empty' });
    routeToSimulator(server, BASE_URL, strict);
    const failure = await connect({ apiKey: otherDc }).checkCredentials().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'unauthorized', vendorCode: 'API Key Invalid', isRetryable: false });
  });

  it('stays under 10 simultaneous connections, and the simulator answers 429 beyond them', async () => {
    const limited = new MailchimpSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty', enforceLimits: true, latencyMs: 30 });
    routeToSimulator(server, BASE_URL, limited);
    const refs = Array.from({ length: 25 }, () => limited.addCampaign({ sendAt: at(clock, 6) })).map((c) => ({
      externalId: c.id, objectType: 'campaign', method: 'unschedule' as const, fingerprint: '', snapshot: {},
    }));
    const observed = await connect().inspect(refs);
    expect(observed.every((o) => o.found)).toBe(true);
    // Allowed more than Mailchimp's 10, the same calls meet its 429.
    await expect(connect({ maxInFlight: 25 }).inspect(refs)).rejects.toMatchObject({ code: 'rate_limited', isRetryable: true });

    const auth = { Authorization: `Basic ${Buffer.from(`x:${API_KEY}`).toString('base64')}` };
    const answers = await Promise.all(Array.from({ length: 14 }, () => limited.fetch(new Request(`${BASE_URL}/3.0/ping`, { headers: auth }))));
    const throttled = answers.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(await throttled[0]!.json()).toMatchObject({ status: 429, title: 'Too Many Requests', detail: 'You have exceeded the limit of 10 simultaneous connections.' });
    expect(throttled[0]!.headers.get('content-type')).toContain('application/problem+json');
  });

  it('supports partial responses with fields and exclude_fields', async () => {
    const c = sim.addCampaign({ sendAt: at(clock, 3) });
    const auth = { Authorization: `Basic ${Buffer.from(`x:${API_KEY}`).toString('base64')}` };
    const picked = await (await sim.fetch(new Request(`${BASE_URL}/3.0/campaigns?fields=campaigns.id,campaigns.settings.title,total_items`, { headers: auth }))).json();
    expect(picked).toEqual({ campaigns: [{ id: c.id, settings: { title: 'Untitled campaign' } }], total_items: 1 });
    const trimmed = (await (await sim.fetch(new Request(`${BASE_URL}/3.0/campaigns/${c.id}?exclude_fields=_links,settings`, { headers: auth }))).json()) as Record<string, unknown>;
    expect(trimmed).not.toHaveProperty('_links');
    expect(trimmed).not.toHaveProperty('settings');
    expect(trimmed).toHaveProperty('recipients');
  });
});

describe('mailchimp error mapping', () => {
  const now = new Date('2026-11-21T09:00:00Z');
  const problem = (status: number, title: string, detail = '') => ({ type: 'https://mailchimp.com/developer/marketing/docs/errors/', title, status, detail, instance: 'x' });
  const post = { method: 'POST', path: '/3.0/campaigns/abc/actions/schedule' };
  const get = { method: 'GET', path: '/3.0/campaigns' };

  it('429 is rate_limited and retryable, with Retry-After only when Mailchimp sends one', () => {
    const bare = mailchimpError({ status: 429, headers: {}, data: problem(429, 'Too Many Requests') }, get, now);
    expect(bare.toInfo()).toMatchObject({ code: 'rate_limited', retryable: true, ambiguous: false });
    expect(bare.retryAfterMs).toBeUndefined();
    const hinted = mailchimpError({ status: 429, headers: { 'retry-after': '7' }, data: problem(429, 'Too Many Requests') }, get, now);
    expect(hinted.retryAfterMs).toBe(7_000);
  });

  it('a 403 without a JSON body is throttling; with a problem body it is forbidden', () => {
    expect(mailchimpError({ status: 403, headers: {}, data: null }, get, now).code).toBe('rate_limited');
    expect(mailchimpError({ status: 403, headers: {}, data: problem(403, 'Forbidden', 'User does not have access') }, get, now).code).toBe('forbidden');
  });

  it('400s: wrong state versus invalid input', () => {
    expect(mailchimpError({ status: 400, headers: {}, data: problem(400, 'Invalid Action', 'nope') }, post, now).code).toBe('invalid_state');
    expect(mailchimpError({ status: 400, headers: {}, data: problem(400, 'Bad Request', 'This campaign cannot be scheduled: .') }, post, now).code).toBe('invalid_state');
    const invalid = mailchimpError({ status: 400, headers: {}, data: { ...problem(400, 'Invalid Resource', 'could not be validated'), errors: [{ field: 'schedule_time', message: 'quarter-hour' }] } }, post, now);
    expect(invalid.code).toBe('invalid_request');
    expect(invalid.message).toContain('schedule_time: quarter-hour');
  });

  it('401 unauthorized, 404 not_found; 5xx retryable, ambiguous only on writes', () => {
    expect(mailchimpError({ status: 401, headers: {}, data: problem(401, 'API Key Invalid') }, get, now).toInfo()).toMatchObject({ code: 'unauthorized', retryable: false, vendorCode: 'API Key Invalid' });
    expect(mailchimpError({ status: 404, headers: {}, data: problem(404, 'Resource Not Found') }, get, now).code).toBe('not_found');
    expect(mailchimpError({ status: 500, headers: {}, data: null }, get, now).toInfo()).toMatchObject({ code: 'server_error', retryable: true, ambiguous: false });
    expect(mailchimpError({ status: 503, headers: {}, data: null }, post, now).toInfo()).toMatchObject({ code: 'server_error', retryable: true, ambiguous: true });
  });
});
