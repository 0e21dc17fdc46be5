// The Klaviyo simulator enforces what Klaviyo enforces (asked directly, as any client would), seeds
// distinct content per brand, and answers a page in time independent of the world's size.
import { describe, expect, it } from 'vitest';
import { klaviyo } from '../../adapters/klaviyo/adapter.js';
import { createKlaviyoSimulator } from '../../adapters/klaviyo/simulator.js';
import { ManualClock } from '../support/clock.js';
import { API_KEY, at } from './klaviyo-fixture.js';

const BASE = 'https://a.klaviyo.com';
const headers = (over: Record<string, string | null> = {}): Record<string, string> =>
  Object.fromEntries(
    Object.entries({ Authorization: `Klaviyo-API-Key ${API_KEY}`, revision: '2026-07-15', 'Content-Type': 'application/vnd.api+json', ...over }).filter((e): e is [string, string] => e[1] !== null),
  );

function setUp() {
  const clock = new ManualClock();
  const sim = createKlaviyoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
  const call = async (method: string, path: string, body?: unknown, over?: Record<string, string | null>) => {
    const response = await sim.fetch(new Request(`${BASE}${path}`, { method, headers: headers(over), ...(body !== undefined && { body: JSON.stringify(body) }) }));
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as { errors?: Array<{ code: string; detail: string }>; data?: unknown }) : null, headers: response.headers };
  };
  return { clock, sim, call };
}

const EMAIL = "filter=equals(messages.channel,'email')";

describe('klaviyo simulator', () => {
  it('refuses what Klaviyo refuses: no key, no revision, no channel filter, bad filters, pages, bodies', async () => {
    const { sim, clock, call } = setUp();
    const scheduled = sim.world.addCampaign({ sendAt: at(clock, 5) });
    const draft = sim.world.addCampaign({ status: 'Draft', sendAt: null });
    const flow = sim.world.addFlow({});
    const refused = async (status: number, code: string, ...args: Parameters<typeof call>) => {
      const answer = await call(...args);
      expect(answer.status, `${args[0]} ${args[1]}`).toBe(status);
      expect(answer.body?.errors?.[0]?.code).toBe(code);
    };
    await refused(401, 'not_authenticated', 'GET', `/api/campaigns?${EMAIL}`, undefined, { Authorization: null });
    await refused(401, 'not_authenticated', 'GET', `/api/campaigns?${EMAIL}`, undefined, { Authorization: `Bearer ${API_KEY}x` });
    await refused(400, 'invalid', 'GET', `/api/campaigns?${EMAIL}`, undefined, { revision: null });
    await refused(400, 'invalid', 'GET', '/api/campaigns');
    await refused(400, 'invalid', 'GET', `/api/campaigns?filter=equals(messages.channel,'fax')`);
    await refused(400, 'invalid', 'GET', `/api/campaigns?filter=and(equals(messages.channel,'email'),equals(send_time,'x'))`);
    await refused(400, 'invalid', 'GET', `/api/campaigns?${EMAIL}&page[size]=101`);
    await refused(400, 'invalid', 'GET', `/api/flows?page[size]=51`);
    await refused(400, 'invalid', 'GET', `/api/flows?filter=any(status,['live'])`);
    await refused(400, 'invalid', 'GET', `/api/campaigns?${EMAIL}&count=10`);
    await refused(404, 'not_found', 'GET', '/api/campaigns/01JNOPE0000000000000000000');
    // a revert of a draft, a send job for a scheduled campaign, an update of one, an unknown action
    await refused(400, 'invalid', 'PATCH', `/api/campaign-send-jobs/${draft.id}`, { data: { type: 'campaign-send-job', id: draft.id, attributes: { action: 'revert' } } });
    await refused(400, 'invalid', 'POST', '/api/campaign-send-jobs', { data: { type: 'campaign-send-job', id: scheduled.id } });
    await refused(400, 'invalid', 'PATCH', `/api/campaigns/${scheduled.id}`, { data: { type: 'campaign', id: scheduled.id, attributes: { name: 'x' } } });
    await refused(400, 'invalid', 'PATCH', `/api/campaign-send-jobs/${scheduled.id}`, { data: { type: 'campaign-send-job', id: scheduled.id, attributes: { action: 'pause' } } });
    await refused(409, 'conflict', 'PATCH', `/api/campaign-send-jobs/${scheduled.id}`, { data: { type: 'campaign', id: scheduled.id, attributes: { action: 'revert' } } });
    await refused(400, 'invalid', 'PATCH', `/api/campaigns/${draft.id}`, { data: { type: 'campaign', id: draft.id, attributes: { send_strategy: { method: 'throttled', datetime: at(clock, 3).toISOString(), throttle_percentage: 15 } } } });
    await refused(400, 'invalid', 'PATCH', `/api/flows/${flow.id}`, { data: { type: 'flow', id: flow.id, attributes: { status: 'paused' } } });
    await refused(400, 'invalid', 'PATCH', `/api/flows/${flow.id}`, { data: { type: 'flow', id: flow.id } });
    await refused(400, 'invalid', 'PATCH', `/api/campaign-send-jobs/${scheduled.id}?include=x`, { data: { type: 'campaign-send-job', id: scheduled.id, attributes: { action: 'revert' } } });
    expect(sim.world.campaign(scheduled.id)?.status).toBe('Scheduled');
    expect(sim.world.flow(flow.id)?.status).toBe('live');
  });

  it("answers over-limit traffic with Klaviyo's 429 when limits are enforced, RateLimit headers otherwise", async () => {
    const clock = new ManualClock();
    const sim = createKlaviyoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty', enforceLimits: true });
    const answers = await Promise.all(Array.from({ length: 5 }, () => sim.fetch(new Request(`${BASE}/api/flows`, { headers: headers() }))));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBe(3);
    const throttled = answers.find((a) => a.status === 429)!;
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await throttled.json()) as { errors: Array<{ code: string }> }).errors[0]?.code).toBe('throttled');
    const ok = answers.find((a) => a.status === 200)!;
    expect(ok.headers.get('ratelimit-limit')).toBe('60');
  });

  it('sends a scheduled campaign when its time comes', async () => {
    const { sim, clock } = setUp();
    const c = sim.world.addCampaign({ sendAt: at(clock, 1) });
    clock.advance(2 * 3_600_000);
    expect(sim.state().find((r) => r.id === c.id)).toMatchObject({ status: 'Sent', live: false, scheduledAt: null });
  });

  it('seeds distinct content per brand account, deterministically, and never anything due within two hours', async () => {
    const create = await klaviyo.loadSimulator();
    const clock = new ManualClock();
    const world = (accountIds: string[]) => create({ clock, credentials: { apiKey: API_KEY }, accountIds, seed: 'sandbox' }).state();
    const acme = world(['AcMe01']);
    const globex = world(['GlBx02']);
    expect(world(['AcMe01'])).toEqual(acme);
    expect(new Set(acme.map((r) => r.fingerprint)).size).toBe(acme.length);
    expect(acme.some((r) => globex.some((g) => g.fingerprint === r.fingerprint))).toBe(false);
    for (const rows of [acme, globex]) {
      expect(rows.filter((r) => r.live).length).toBeGreaterThanOrEqual(5);
      expect(rows.filter((r) => !r.live).length).toBeGreaterThanOrEqual(5);
      for (const r of rows.filter((x) => x.scheduledAt)) expect(Date.parse(r.scheduledAt!) - clock.now().getTime()).toBeGreaterThan(2 * 3_600_000);
    }
  });

  it('pages a large world from its cursor (a sorted index), in order and without repeats', async () => {
    const { sim, clock, call } = setUp();
    for (let i = 0; i < 5_000; i++) sim.world.addCampaign({ name: `C${i}`, sendAt: at(clock, 1 + (i % 500)) });
    const first = await call('GET', `/api/campaigns?filter=and(equals(messages.channel,'email'),any(status,['Scheduled']))&sort=scheduled_at&page[size]=100`);
    expect((first.body?.data as unknown[]).length).toBe(100);
    // a change after the first page shows on the next: the index is kept up to date
    const all = [...sim.world.campaigns.values()].sort((a, b) => a.scheduledAt!.localeCompare(b.scheduledAt!) || a.id.localeCompare(b.id));
    const later = all[150]!; // would be on the second page
    sim.world.editCampaign(later.id, (c) => (c.status = 'Draft'));
    const next = new URL((first.body as unknown as { links: { next: string } }).links.next);
    const second = await call('GET', `${next.pathname}${next.search}`);
    const ids = (second.body?.data as Array<{ id: string; attributes: { scheduled_at: string } }>).map((d) => d.id);
    expect(ids.length).toBe(100);
    expect(new Set([...(first.body?.data as Array<{ id: string }>).map((d) => d.id), ...ids]).size).toBe(200);
    const times = (second.body?.data as Array<{ attributes: { scheduled_at: string } }>).map((d) => d.attributes.scheduled_at);
    expect([...times].sort()).toEqual(times);
    expect(ids).not.toContain(later.id);
  });
});
