// Brevo listing: offset pages in order of creation that lose nothing when campaigns leave the
// scheduled set between pages, resuming from a page's `next`, contact-list scope, the kinds it
// lists, and the sandbox seed (deterministic, distinct per connection).
import { beforeEach, describe, expect, it } from 'vitest';
import { brevo } from '../../adapters/brevo/adapter.js';
import { createBrevoSimulator, type BrevoSimulator } from '../../adapters/brevo/simulator.js';
import type { LiveItem } from '../../adapters/types.js';
import { HOUR, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { API_KEY, BASE_URL, connectBrevo, seedCampaigns } from './brevo-fixture.js';
import { listAll, toRef } from './live-items.js';

describe('brevo listing', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: BrevoSimulator;
  const listQueries = () => sim.requests.filter((r) => r.method === 'GET' && r.path === '/v3/emailCampaigns').map((r) => new URLSearchParams(r.query));

  beforeEach(() => {
    clock = new ManualClock();
    sim = createBrevoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
  });

  const addQueued = (n: number) => {
    for (let i = 0; i < n; i++) sim.world.addCampaign({ name: `Campaign ${i}`, subject: `Subject ${i}`, status: 'queued', scheduledAt: new Date(clock.now().getTime() + (i + 1) * HOUR) });
  };

  it('walks offset pages of scheduled campaigns in order of creation, each once', async () => {
    addQueued(11);
    const pages: LiveItem[][] = [];
    for await (const page of connectBrevo(clock, { settings: { pageSize: 4 } }).listLive('email')) pages.push(page.items);
    const ids = pages.flat().map((i) => Number(i.externalId));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(11);
    const queries = listQueries();
    expect(queries.every((q) => q.get('status') === 'queued' && q.get('limit') === '4' && q.get('sort') === 'asc')).toBe(true);
    // each page starts one campaign back (a quarter of a page), so none is lost if one leaves
    expect(queries.map((q) => q.get('offset'))).toEqual(['0', '3', '6', '9']);
  });

  it('loses no campaign when those already listed leave the scheduled set between pages', async () => {
    addQueued(9);
    const client = connectBrevo(clock, { settings: { pageSize: 4 } });
    const listed: LiveItem[] = [];
    for await (const page of client.listLive('email')) {
      listed.push(...page.items);
      // the core suspends as it plans: everything listed so far leaves `queued`
      for (const item of page.items) await client.suspend([toRef(item)]);
    }
    expect(listed.length).toBe(9);
    expect(sim.state().filter((r) => r.live)).toEqual([]);
  });

  it('goes on from a page’s next token and lists only what follows', async () => {
    addQueued(6);
    const client = connectBrevo(clock, { settings: { pageSize: 2 } });
    const first = await client.listLive('email')[Symbol.asyncIterator]().next();
    const page = first.value as { items: LiveItem[]; next: string };
    const rest: LiveItem[] = [];
    for await (const p of client.listLive('email', page.next)) rest.push(...p.items);
    expect([...page.items, ...rest].map((i) => i.title)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Campaign ${i}`));
    await expect(async () => {
      for await (const _ of client.listLive('email', 'not-a-token')) void _;
    }).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('covers only campaigns sent to the connection’s contact lists when it names some', async () => {
    seedCampaigns(sim, clock);
    const listed = await listAll(connectBrevo(clock, { accountIds: ['7'] }), 'email');
    expect(listed.map((i) => i.title)).toEqual(['Black Friday']);
  });

  it('lists neither posts nor ads, and never the campaigns that are not scheduled', async () => {
    seedCampaigns(sim, clock);
    const client = connectBrevo(clock);
    expect(await listAll(client, 'post')).toEqual([]);
    expect(await listAll(client, 'ad')).toEqual([]);
    const listed = await listAll(client, 'email');
    expect(listed.map((i) => i.status)).toEqual(['queued', 'queued', 'queued', 'queued']);
    expect(listed.map((i) => i.title)).not.toContain('On hold');
  });

  it('seeds each connection its own brand, the same way every time', async () => {
    const make = (connectionId: string, accountIds: string[] = []) => createBrevoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds, seed: 'sandbox', connectionId });
    const acme = make('brevo-acme');
    const globex = make('brevo-globex', ['3', '8']);
    expect(make('brevo-acme').state()).toEqual(acme.state());
    expect(globex.world.account.companyName).toBe('Globex Corporation');
    const names = (s: BrevoSimulator) => s.world.campaigns().map((c) => c.name);
    expect(names(acme)).toContain('Black Friday Early Access');
    expect(names(globex)).toContain('Product Update — December');
    expect(names(acme).filter((n) => names(globex).includes(n))).toEqual([]);
    for (const s of [acme, globex]) {
      const statuses = new Set(s.state().map((r) => r.status));
      expect([...statuses].sort()).toEqual(['draft', 'queued', 'sent', 'suspended']);
      // nothing goes out within two hours of seeding
      const next = Math.min(...s.state().filter((r) => r.live).map((r) => Date.parse(r.scheduledAt!)));
      expect(next - clock.now().getTime()).toBeGreaterThan(2 * HOUR);
    }
    expect(acme.world.campaigns().every((c) => c.recipients.lists.every((l) => [2, 7].includes(l)))).toBe(true);
    expect(globex.world.campaigns().every((c) => c.recipients.lists.every((l) => [3, 8].includes(l)))).toBe(true);
    void brevo;
  });
});
