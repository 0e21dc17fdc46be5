// The Mailchimp simulator's world: exported as JSON and loaded back whole, and answering in time
// that does not grow with the number of campaigns it holds (the old one scanned every campaign on
// every request, so the sandbox's CPU grew with the square of the items).
import { describe, expect, it } from 'vitest';
import { createMailchimpSimulator, type MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import type { JsonValue } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock, MINUTE } from '../support/clock.js';

const BASE = 'https://us14.api.mailchimp.com';
const KEY = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d-us14';

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

  it('answers lists, reads, unschedules and schedules in time that does not grow with the world', async () => {
    const clock = new ManualClock();
    const timePerRequest = async (size: number): Promise<number> => {
      const sim = make(clock);
      const start = clock.now().getTime() + 2 * DAY;
      const ids: string[] = [];
      for (let i = 0; i < size; i++) ids.push(sim.world.addCampaign({ sendAt: new Date(start + i * 15 * MINUTE), timewarp: i % 7 === 0 }).id);
      for (let i = 0; i < size / 10; i++) sim.world.addCampaign({ status: 'save' });
      // the listing views are built by the first request: not what this measures
      await call(sim, 'GET', '/3.0/campaigns?status=schedule&sort_field=send_time&sort_dir=DESC&count=100&offset=0');
      await call(sim, 'GET', '/3.0/campaigns?status=save&count=1');
      const picked = ids.slice(0, 40);
      const began = performance.now();
      for (const [i, id] of picked.entries()) {
        await call(sim, 'GET', `/3.0/campaigns?status=schedule&sort_field=send_time&sort_dir=DESC&count=100&offset=${i * 100}`);
        await call(sim, 'GET', `/3.0/campaigns/${id}`);
        await call(sim, 'POST', `/3.0/campaigns/${id}/actions/unschedule`);
        await call(sim, 'POST', `/3.0/campaigns/${id}/actions/schedule`, { schedule_time: new Date(start + 3 * DAY + i * HOUR).toISOString() });
      }
      return (performance.now() - began) / (picked.length * 4);
    };
    await timePerRequest(200); // warm up
    const small = await timePerRequest(500);
    const large = await timePerRequest(40_000);
    // A scan of every campaign per request would make the large world ~80 times slower.
    expect(large / small).toBeLessThan(8);
  }, 60_000);
});
