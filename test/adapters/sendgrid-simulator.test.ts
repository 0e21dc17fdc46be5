// The SendGrid simulator enforces what SendGrid enforces and answers as SendGrid does: bearer
// auth, page sizes and tokens, id formats, search bodies, schedule rules, time passing, rate-limit
// headers and the 429 beyond the limit, the sandbox seed per connection, worlds saved and loaded.
import { describe, expect, it } from 'vitest';
import { SANDBOX_LISTS } from '../../adapters/sendgrid/seed.js';
import { createSendGridSimulator, type SendGridSimulator } from '../../adapters/sendgrid/simulator.js';
import { DAY, HOUR, ManualClock } from '../support/clock.js';
import { API_KEY, MAIN_LIST } from './sendgrid-fixture.js';

const BASE = 'https://api.sendgrid.com';
const make = (o: { enforceLimits?: boolean; seed?: 'sandbox' | 'empty'; accountIds?: string[] } = {}) => {
  const clock = new ManualClock();
  const sim = createSendGridSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: o.accountIds ?? [], seed: o.seed ?? 'empty', enforceLimits: o.enforceLimits ?? false });
  return { clock, sim };
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field in each test
type Body = Record<string, any>;
async function call(sim: SendGridSimulator, method: string, path: string, body?: unknown, key = API_KEY) {
  const response = await sim.fetch(new Request(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) }));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}
const draft = (sim: SendGridSimulator, extra: Record<string, unknown> = {}) => sim.world.addSingleSend({ name: 'Draft', status: 'draft', listIds: [MAIN_LIST], subject: 'Hello', ...extra });

describe('sendgrid simulator', () => {
  it('refuses a request without a key, or with another key, in SendGrid’s words', async () => {
    const { sim } = make();
    const none = await sim.fetch(new Request(`${BASE}/v3/marketing/singlesends`));
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ errors: [{ field: null, message: 'authorization required' }] });
    expect((await call(sim, 'GET', '/v3/marketing/singlesends', undefined, 'SG.other')).status).toBe(401);
  });

  it('enforces page_size 1..100, page tokens it issued, and UUID ids', async () => {
    const { sim } = make();
    for (let i = 0; i < 3; i++) draft(sim);
    expect((await call(sim, 'GET', '/v3/marketing/singlesends?page_size=101')).body).toEqual({ errors: [{ field: 'page_size', message: 'page_size must be an integer between 1 and 100' }] });
    expect((await call(sim, 'GET', '/v3/marketing/singlesends?page_size=0')).status).toBe(400);
    expect((await call(sim, 'GET', '/v3/marketing/singlesends?page_token=bogus')).status).toBe(400);
    const first = await call(sim, 'GET', '/v3/marketing/singlesends?page_size=2');
    expect(first.body.result).toHaveLength(2);
    expect(first.body._metadata.count).toBe(3);
    const next = new URL(first.body._metadata.next as string);
    const second = await call(sim, 'GET', `${next.pathname}${next.search}`);
    expect(second.body.result).toHaveLength(1);
    expect(second.body._metadata.next).toBeUndefined();
    expect((await call(sim, 'GET', '/v3/marketing/singlesends/not-a-uuid')).body).toEqual({ errors: [{ field: 'id', message: 'id must be a valid UUID' }] });
    expect((await call(sim, 'GET', '/v3/marketing/singlesends/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('searches by status, name and category, refusing values outside the enum', async () => {
    const { sim, clock } = make();
    draft(sim, { name: 'Winter promo', categories: ['promotion'] });
    sim.world.addSingleSend({ name: 'Winter digest', status: 'scheduled', sendAt: new Date(clock.now().getTime() + DAY), listIds: [MAIN_LIST], subject: 'Digest', categories: ['newsletter'] });
    const names = async (body: unknown) => ((await call(sim, 'POST', '/v3/marketing/singlesends/search', body)).body.result as Array<{ name: string }>).map((r) => r.name);
    expect(await names({ status: ['scheduled'] })).toEqual(['Winter digest']);
    expect(await names({ name: 'winter', categories: ['promotion'] })).toEqual(['Winter promo']);
    expect((await call(sim, 'POST', '/v3/marketing/singlesends/search', { status: ['paused'] })).body.errors[0].field).toBe('status');
    expect((await call(sim, 'POST', '/v3/marketing/singlesends/search', { status: 'scheduled' })).status).toBe(400);
  });

  it('schedules only complete Single Sends in the future, refuses what is sent, and deletes only a schedule that exists', async () => {
    const { sim, clock } = make();
    const ok = draft(sim);
    const path = `/v3/marketing/singlesends/${ok.id}/schedule`;
    expect((await call(sim, 'DELETE', path)).status).toBe(404);
    expect((await call(sim, 'PUT', path, {})).body.errors[0]).toEqual({ field: 'send_at', message: 'send_at is required' });
    expect((await call(sim, 'PUT', path, { send_at: 'tomorrow' })).status).toBe(400);
    expect((await call(sim, 'PUT', path, { send_at: clock.now().toISOString() })).body.errors[0].message).toBe('send_at must be in the future');
    const at = new Date(clock.now().getTime() + HOUR).toISOString();
    expect(await call(sim, 'PUT', path, { send_at: at })).toMatchObject({ status: 201, body: { send_at: at, status: 'scheduled' } });
    expect(await call(sim, 'DELETE', path)).toMatchObject({ status: 200, body: { send_at: at, status: 'draft' } });
    const bare = draft(sim, { listIds: [], senderId: null, suppressionGroupId: null });
    const refused = await call(sim, 'PUT', `/v3/marketing/singlesends/${bare.id}/schedule`, { send_at: at });
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['send_to', 'email_config.sender_id', 'email_config.suppression_group_id']);
    expect(await call(sim, 'PUT', path, { send_at: 'now' })).toMatchObject({ status: 201 });
    expect(sim.world.singleSend(ok.id)?.status).toBe('triggered');
    expect((await call(sim, 'PUT', path, { send_at: at })).body.errors[0].message).toMatch(/has been triggered/);
    expect((await call(sim, 'DELETE', path)).status).toBe(404);
  });

  it('sends a scheduled Single Send when its time comes', () => {
    const { sim, clock } = make();
    const s = sim.world.addSingleSend({ name: 'Soon', status: 'scheduled', sendAt: new Date(clock.now().getTime() + HOUR), listIds: [MAIN_LIST], subject: 'Soon' });
    expect(sim.state()[0]).toMatchObject({ id: s.id, live: true, status: 'scheduled' });
    clock.advance(HOUR);
    expect(sim.state()[0]).toMatchObject({ id: s.id, live: false, status: 'triggered', scheduledAt: null });
  });

  it('answers read-only keys 403 on writes only', async () => {
    const { sim } = make();
    const s = draft(sim);
    sim.world.setAccess('read');
    expect((await call(sim, 'POST', '/v3/marketing/singlesends/search', { status: ['draft'] })).status).toBe(200);
    expect((await call(sim, 'DELETE', `/v3/marketing/singlesends/${s.id}/schedule`)).body).toEqual({ errors: [{ field: null, message: 'access forbidden' }] });
  });

  it('says its limits on every answer, and answers 429 with the reset second beyond 600 a minute per endpoint', async () => {
    const { sim, clock } = make({ enforceLimits: true });
    const first = await call(sim, 'GET', '/v3/marketing/singlesends');
    expect(Object.fromEntries(['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'].map((h) => [h, first.headers.get(h)]))).toEqual({
      'x-ratelimit-limit': '600',
      'x-ratelimit-remaining': '599',
      'x-ratelimit-reset': String(Date.parse('2026-11-21T09:01:00Z') / 1000),
    });
    for (let i = 1; i < 600; i++) await call(sim, 'GET', '/v3/marketing/singlesends');
    const over = await call(sim, 'GET', '/v3/marketing/singlesends');
    expect(over.status).toBe(429);
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0');
    // Another endpoint has its own allowance; the next period starts afresh.
    expect((await call(sim, 'POST', '/v3/marketing/singlesends/search', {})).status).toBe(200);
    clock.advance(60_000);
    expect((await call(sim, 'GET', '/v3/marketing/singlesends')).status).toBe(200);
  });

  it('seeds each connection’s own week: Acme’s and Globex’s differ, with live and untouchable Single Sends', () => {
    const acme = make({ seed: 'sandbox', accountIds: [...SANDBOX_LISTS.acme] }).sim.state();
    const globex = make({ seed: 'sandbox', accountIds: [...SANDBOX_LISTS.globex] }).sim.state();
    for (const state of [acme, globex]) {
      expect(state.filter((s) => s.live).length).toBeGreaterThanOrEqual(5);
      expect(new Set(state.filter((s) => !s.live).map((s) => s.status))).toEqual(new Set(['draft', 'triggered']));
    }
    expect(acme.map((s) => s.id).filter((id) => globex.some((g) => g.id === id))).toEqual([]);
    expect(acme.map((s) => s.fingerprint).filter((f) => globex.some((g) => g.fingerprint === f))).toEqual([]);
    expect(make({ seed: 'sandbox', accountIds: [...SANDBOX_LISTS.acme] }).sim.state()).toEqual(acme);
  });

  it('saves its world and loads it back whole', async () => {
    const { sim, clock } = make({ seed: 'sandbox', accountIds: [...SANDBOX_LISTS.globex] });
    sim.world.setAccess('read');
    const loaded = createSendGridSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty', world: sim.exportWorld() });
    expect(loaded.state()).toEqual(sim.state());
    expect(loaded.world.access()).toBe('read');
    expect(loaded.world.newId()).toBe(sim.world.newId());
  });
});
