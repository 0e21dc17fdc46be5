// Mailchimp: Timewarp campaigns start sending up to 14 hours before their `schedule_time` (the
// earliest time zone, platforms.md §0) and are `sending` from then on: not suspendable, never
// listed, and an unschedule is refused. Also: send-checklist refusals made visible on restore,
// and the one status an unscheduled campaign is reported with (Mailchimp may show `save` or `paused`).
import { beforeEach, describe, expect, it } from 'vitest';
import { mailchimp } from '../../adapters/mailchimp/adapter.js';
import type { MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import type { AdapterClient, JsonObject, LiveItem } from '../../adapters/types.js';
import { DAY, HOUR, MINUTE, ManualClock } from '../support/clock.js';
import { listAll as listLive, toRef } from './live-items.js';
import { BASE_URL, one, restoreRequest, useMailchimp } from './mailchimp-fixture.js';

const API_KEY = '5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b-us14';

describe('mailchimp Timewarp, send checklists and the status after unschedule', () => {
  const mc = useMailchimp(API_KEY);
  let clock: ManualClock;
  let sim: MailchimpSimulator;
  let client: AdapterClient;
  beforeEach(() => ({ clock, sim, client } = mc));

  const at = (ms: number): Date => new Date(clock.now().getTime() + ms);
  const listAll = (): Promise<LiveItem[]> => listLive(client, 'email');
  const restoreReq = restoreRequest;
  const post = (path: string) =>
    sim.fetch(new Request(`${BASE_URL}${path}`, { method: 'POST', headers: { Authorization: `Basic ${Buffer.from(`x:${API_KEY}`).toString('base64')}` } }));

  it('a Timewarp campaign is sending from 14 hours before its time: not listed, and Mailchimp refuses to unschedule it', async () => {
    const timewarp = sim.world.addCampaign({ sendAt: at(14 * HOUR + 15 * MINUTE), timewarp: true, title: 'Flash sale' });
    const plain = sim.world.addCampaign({ sendAt: at(6 * HOUR), title: 'Weekly digest' });
    expect((await listAll()).map((i) => i.externalId).sort()).toEqual([timewarp.id, plain.id].sort());

    clock.advance(15 * MINUTE); // the earliest time zone (UTC+14) reaches the campaign's time
    expect(sim.state().find((r) => r.id === timewarp.id)).toMatchObject({ status: 'sending', live: false, scheduledAt: null });
    expect(sim.world.campaign(plain.id)?.status).toBe('schedule'); // no window without Timewarp
    expect((await listAll()).map((i) => i.externalId)).toEqual([plain.id]);

    const refusal = await post(`/3.0/campaigns/${timewarp.id}/actions/unschedule`);
    expect(refusal.status).toBe(400);
    expect(refusal.headers.get('content-type')).toContain('application/problem+json');
    expect(await refusal.json()).toMatchObject({ title: 'Bad Request', status: 400, detail: 'This campaign cannot be unscheduled: .' });
    expect(sim.world.campaign(timewarp.id)).toMatchObject({ status: 'sending', sendTime: at(14 * HOUR).toISOString() });

    clock.advance(26 * HOUR); // the last time zone (UTC−12) got it too
    expect(sim.world.campaign(timewarp.id)?.status).toBe('sent');
  });

  it('a Timewarp campaign planned just before its window opens fails visibly on suspend, and is left sending', async () => {
    const c = sim.world.addCampaign({ sendAt: at(14 * HOUR + 30 * MINUTE), timewarp: true });
    const [item] = await listAll();
    expect(item).toMatchObject({ externalId: c.id, status: 'schedule', snapshot: { timewarp: true } });
    clock.advance(45 * MINUTE);
    const outcome = await one(client.suspend([toRef(item!)]));
    expect(outcome).toMatchObject({ kind: 'error', externalId: c.id, error: { code: 'invalid_state', retryable: false, ambiguous: false } });
    const message = outcome.kind === 'error' ? outcome.error.message : '';
    expect(message).toContain('POST /3.0/campaigns/{campaign_id}/actions/unschedule: Mailchimp 400 code Bad Request');
    expect(message).toContain('Mailchimp shows the campaign "sending" (a Timewarp campaign starts sending 14 hours before its time)');
    expect(sim.world.campaign(c.id)?.status).toBe('sending');
    expect((await client.inspect([toRef(item!)]))[0]).toMatchObject({ found: true, live: false, status: 'sending', scheduledAt: null });
  });

  it('keeps the 24-hour Timewarp lead on restore, and 5 minutes for anything else', async () => {
    const lead = (snapshot: JsonObject) => mailchimp.leadTimeMs!({ externalId: 'a', objectType: String(snapshot.objectType), method: 'unschedule', fingerprint: '', snapshot });
    expect(lead({ objectType: 'campaign', id: 'a', type: 'regular', sendTime: '', timewarp: true, listId: null })).toBe(DAY);
    expect(lead({ objectType: 'campaign', id: 'a', type: 'regular', sendTime: '', timewarp: false, listId: null })).toBe(5 * MINUTE);
    expect(lead({ objectType: 'automation', id: 'a', listId: null, emails: [] })).toBe(5 * MINUTE);
    const c = sim.world.addCampaign({ sendAt: at(2 * DAY), timewarp: true });
    const [item] = await listAll();
    await client.suspend([toRef(item!)]);
    const tooSoon = mailchimp.normalizeScheduleTime(at(20 * HOUR)).toISOString();
    expect(await one(client.restore([restoreReq(item!, tooSoon)]))).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });
    expect(await one(client.restore([restoreReq(item!)]))).toMatchObject({ kind: 'ok', status: 'schedule' });
    expect(sim.world.campaign(c.id)).toMatchObject({ status: 'schedule', settings: { timewarp: true } });
  });

  it('a draft whose send checklist fails is refused on restore, and the item says why', async () => {
    const c = sim.world.addCampaign({ sendAt: at(5 * HOUR) });
    const [item] = await listAll();
    await client.suspend([toRef(item!)]);
    // While it was suspended, someone changed its sender to an address that is not verified.
    sim.world.setChecklist(c.id, [
      { type: 'warning', id: 3, heading: 'Preview text', details: 'Your campaign has no preview text.' },
      { type: 'error', id: 7, heading: 'From email', details: 'news@acme-mail.example is not a verified domain.' },
    ]);
    const outcome = await one(client.restore([restoreReq(item!)]));
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_state', retryable: false } });
    const message = outcome.kind === 'error' ? outcome.error.message : '';
    expect(message).toContain('Mailchimp 400 code Bad Request: This campaign cannot be scheduled: .');
    expect(message).toContain("the campaign's send checklist is not ready: From email: news@acme-mail.example is not a verified domain.");
    expect(message).not.toContain('Preview text');
    expect(sim.world.campaign(c.id)).toMatchObject({ status: 'save', sendTime: null });
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toContain(`GET /3.0/campaigns/${c.id}/send-checklist`);

    // Warnings alone never block: once the error is fixed the restore goes through.
    sim.world.setChecklist(c.id, [{ type: 'warning', id: 3, heading: 'Preview text', details: 'Your campaign has no preview text.' }]);
    expect(await one(client.restore([restoreReq(item!)]))).toEqual({ kind: 'ok', externalId: c.id, status: 'schedule' });
  });

  it('reports one status for an unscheduled campaign, whether Mailchimp shows it save or paused', async () => {
    for (const shown of ['save', 'paused'] as const) {
      sim.world.setUnscheduledStatus(shown);
      const c = sim.world.addCampaign({ sendAt: at(5 * HOUR) });
      const item = (await listAll()).find((i) => i.externalId === c.id)!;
      // The outcome is the status inspect reports, so the core never takes our own suspension for drift.
      expect(await one(client.suspend([toRef(item)])), shown).toEqual({ kind: 'ok', externalId: c.id, status: 'save' });
      expect(sim.world.campaign(c.id)?.status).toBe(shown);
      expect((await client.inspect([toRef(item)]))[0], shown).toMatchObject({ found: true, live: false, status: 'save', fingerprint: item.fingerprint });
      expect(await listAll(), shown).toEqual([]); // a paused campaign is never listed
      expect(await one(client.suspend([toRef(item)])), shown).toEqual({ kind: 'ok', externalId: c.id, status: 'save', note: 'already unscheduled' });
      expect(await one(client.restore([restoreReq(item)])), shown).toEqual({ kind: 'ok', externalId: c.id, status: 'schedule' });
      expect(sim.world.campaign(c.id)).toMatchObject({ status: 'schedule', sendTime: item.scheduledAt });
      sim.world.removeCampaign(c.id);
    }
  });
});
