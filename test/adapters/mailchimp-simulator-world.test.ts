// The Mailchimp simulator's world: exported as JSON and loaded back whole, answering the list
// filters as Mailchimp does, and in time that does not grow with the number of campaigns it holds
// (the old one scanned every campaign on every request, so the sandbox's CPU grew with the square
// of the items).
import { describe, expect, it } from 'vitest';
import { createMailchimpSimulator, type MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import type { JsonValue } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock, MINUTE } from '../support/clock.js';

const BASE = 'https://us14.api.mailchimp.com';
const KEY = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d-us14';

/** An inspect's read-back page (operations-inspect.ts): newest first, cut down with `fields`. */
const LOOKUP = '/3.0/campaigns?sort_field=create_time&sort_dir=DESC&fields=campaigns.id,campaigns.type,campaigns.status,campaigns.settings.title,total_items';

const make = (clock: ManualClock, extra: { world?: JsonValue; seed?: 'sandbox' | 'empty' } = {}): MailchimpSimulator =>
  createMailchimpSimulator({ clock, credentials: { apiKey: KEY }, accountIds: [], seed: extra.seed ?? 'empty', ...(extra.world !== undefined && { world: extra.world }) });

const call = (sim: MailchimpSimulator, method: string, path: string, body?: unknown) =>
  sim.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: { Authorization: `Basic ${Buffer.from(`any:${KEY}`).toString('base64')}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }),
  );

describe('mailchimp simulator world', () => {
  it('exports its whole world as JSON and loads it back: campaigns, automations, checklists, settings and id counters', async () => {
    const clock = new ManualClock();
    const sim = make(clock, { seed: 'sandbox' });
    const scheduled = sim.state().find((r) => r.status === 'schedule')!;
    expect((await call(sim, 'POST', `/3.0/campaigns/${scheduled.id}/actions/unschedule`)).status).toBe(204);
    sim.world.setChecklist(scheduled.id, [{ type: 'error', id: 1, heading: 'Subject', details: 'Your campaign has no subject line.' }]);
    sim.world.setUnscheduledStatus('paused');

    const saved = JSON.parse(JSON.stringify(sim.exportWorld())) as JsonValue;
    const loaded = make(clock, { seed: 'sandbox', world: saved });
    expect(loaded.state()).toEqual(sim.state());
    expect(loaded.world.campaign(scheduled.id)).toEqual(sim.world.campaign(scheduled.id));
    // the checklist came back: Mailchimp refuses to schedule it
    const refused = await call(loaded, 'POST', `/3.0/campaigns/${scheduled.id}/actions/schedule`, { schedule_time: new Date(clock.now().getTime() + DAY).toISOString() });
    expect(refused.status).toBe(400);
    // and so did the unscheduled status, and the id counter (no id is reused)
    const next = loaded.world.addCampaign({ sendAt: new Date(clock.now().getTime() + DAY) });
    expect(sim.state().map((r) => r.id)).not.toContain(next.id);
    expect((await call(loaded, 'POST', `/3.0/campaigns/${next.id}/actions/unschedule`)).status).toBe(204);
    expect(loaded.world.campaign(next.id)?.status).toBe('paused');
    // time still passes in a loaded world
    clock.advance(30 * DAY);
    expect(loaded.state().filter((r) => r.live && r.scheduledAt !== null)).toEqual([]);
  });

  it('serves /__sandbox/state outside the fault layer: no auth, no fault, not recorded', async () => {
    const sim = make(new ManualClock(), { seed: 'sandbox' });
    sim.faults.inject({ kind: 'server-error', times: Infinity });
    const state = await sim.fetch(new Request(`${BASE}/__sandbox/state`));
    expect(state.status).toBe(200);
    expect(await state.json()).toEqual(sim.state());
    expect((await call(sim, 'GET', '/3.0/ping')).status).toBe(500);
    expect(sim.requests.map((r) => r.path)).toEqual(['/3.0/ping']);
  });

  it('loads a world the sandbox saved before checklists and the unscheduled status existed', () => {
    const clock = new ManualClock();
    const sim = make(clock, { seed: 'sandbox' });
    const saved = JSON.parse(JSON.stringify(sim.exportWorld())) as { campaigns: Array<Record<string, unknown>>; unscheduledStatus?: string };
    for (const c of saved.campaigns) delete c.checklist;
    delete saved.unscheduledStatus;
    const loaded = make(clock, { world: saved as unknown as JsonValue });
    expect(loaded.state()).toEqual(sim.state());
    expect(loaded.world.unscheduledStatus).toBe('save');
  });

  it('refuses to load what is not a Mailchimp world', () => {
    expect(() => make(new ManualClock(), { world: { campaigns: 'nope' } })).toThrow();
  });

  it('answers the list filters as Mailchimp does: status, count up to 1000, offset, fields over the whole answer', async () => {
    const clock = new ManualClock();
    const sim = make(clock);
    const draft = sim.world.addCampaign({ status: 'save', title: 'Draft' });
    const paused = sim.world.addCampaign({ status: 'paused', title: 'Paused one-off' });
    const rss = sim.world.addCampaign({ type: 'rss', status: 'paused', title: 'Paused RSS' });
    sim.world.addCampaign({ sendAt: new Date(clock.now().getTime() + DAY) });
    clock.advance(HOUR);
    const newer = sim.world.addCampaign({ status: 'paused', title: 'Newer' });
    const list = async (query: string) => {
      const response = await call(sim, 'GET', `/3.0/campaigns?${query}`);
      return { status: response.status, body: (await response.json()) as { campaigns?: Array<Record<string, unknown>>; total_items?: number; title?: string; errors?: unknown } };
    };

    // `status` keeps one status, of every type; `total_items` counts every match, not the page
    const pausedPage = await list('status=paused&sort_field=create_time&sort_dir=DESC&count=2');
    expect(pausedPage.body.total_items).toBe(3);
    expect(pausedPage.body.campaigns!.map((c) => c.id)).toHaveLength(2);
    expect(pausedPage.body.campaigns![0]!.id).toBe(newer.id); // newest first
    expect((await list('status=paused')).body.campaigns!.map((c) => c.id).sort()).toEqual([newer.id, paused.id, rss.id].sort());
    expect((await list('status=save')).body.campaigns!.map((c) => c.id)).toEqual([draft.id]);
    // `offset` past the end: no campaigns, the same total
    expect((await list('status=paused&offset=3')).body).toMatchObject({ campaigns: [], total_items: 3 });
    // `fields` cuts the whole answer down: `total_items` only when asked for; dot paths into each campaign
    expect((await list('status=save&fields=campaigns.id,campaigns.settings.title')).body).toEqual({ campaigns: [{ id: draft.id, settings: { title: 'Draft' } }] });
    expect((await list('status=save&fields=campaigns.status,total_items')).body).toEqual({ campaigns: [{ status: 'save' }], total_items: 1 });
    // `count`: 1 to 1000 (the SDK: "Maximum value is 1000"); beyond, refused as invalid
    expect((await list('status=paused&count=1000')).status).toBe(200);
    for (const count of ['1001', '0']) expect((await list(`status=paused&count=${count}`)).body, count).toMatchObject({ title: 'Invalid Resource', errors: [{ field: 'count' }] });
    expect((await list('status=draft')).body).toMatchObject({ title: 'Invalid Resource', errors: [{ field: 'status' }] });
  });

  it('answers lists, reads, unschedules and schedules in time that does not grow with the world', async () => {
    const clock = new ManualClock();
    const timePerRequest = async (size: number): Promise<number> => {
      const sim = make(clock);
      const start = clock.now().getTime() + 2 * DAY;
      const ids: string[] = [];
      for (let i = 0; i < size; i++) ids.push(sim.world.addCampaign({ sendAt: new Date(start + i * 15 * MINUTE), timewarp: i % 7 === 0 }).id);
      for (let i = 0; i < size / 10; i++) sim.world.addCampaign({ status: i % 2 === 0 ? 'save' : 'paused' });
      // the listing views are built by the first request: not what this measures
      await call(sim, 'GET', '/3.0/campaigns?status=schedule&sort_field=send_time&sort_dir=DESC&count=100&offset=0');
      await call(sim, 'GET', '/3.0/campaigns?status=save&count=1');
      await call(sim, 'GET', `${LOOKUP}&status=save&count=1`);
      await call(sim, 'GET', `${LOOKUP}&status=paused&count=1`);
      const picked = ids.slice(0, 40);
      const began = performance.now();
      for (const [i, id] of picked.entries()) {
        await call(sim, 'GET', `/3.0/campaigns?status=schedule&sort_field=send_time&sort_dir=DESC&count=100&offset=${i * 100}`);
        // the read-back pages of an inspect: the unscheduled campaigns, newest first, cut down
        await call(sim, 'GET', `${LOOKUP}&status=${i % 2 === 0 ? 'save' : 'paused'}&count=25&offset=${i}`);
        await call(sim, 'GET', `/3.0/campaigns/${id}`);
        await call(sim, 'POST', `/3.0/campaigns/${id}/actions/unschedule`);
        await call(sim, 'POST', `/3.0/campaigns/${id}/actions/schedule`, { schedule_time: new Date(start + 3 * DAY + i * HOUR).toISOString() });
      }
      return (performance.now() - began) / (picked.length * 5);
    };
    await timePerRequest(200); // warm up
    const small = await timePerRequest(500);
    const large = await timePerRequest(40_000);
    // A scan of every campaign per request would make the large world ~80 times slower.
    expect(large / small).toBeLessThan(8);
  }, 60_000);
});
