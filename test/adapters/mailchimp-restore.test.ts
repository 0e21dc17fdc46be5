// Mailchimp: suspend and restore edge cases — quarter hours, past times, Timewarp, batch delivery,
// automations with an email a person paused, RSS, races — and the sandbox seed.
import { beforeEach, describe, expect, it } from 'vitest';
import { mailchimp } from '../../adapters/mailchimp/adapter.js';
import { createMailchimpSimulator, type MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import { schedule } from '../../adapters/mailchimp/simulator-world-rules.js';
import type { AdapterClient, LiveItem } from '../../adapters/types.js';
import { DAY, HOUR, MINUTE, ManualClock } from '../support/clock.js';
import { listAll as listLive, toRef } from './live-items.js';
import { one, restoreRequest, useMailchimp } from './mailchimp-fixture.js';

const API_KEY = '0a1b2c3d4e5f60718293a4b5c6d7e8f9-us14';

describe('mailchimp normalizeScheduleTime', () => {
  const n = (iso: string): string => mailchimp.normalizeScheduleTime(new Date(iso)).toISOString();
  it('rounds up to the next quarter hour and keeps one already on it', () => {
    expect(n('2026-11-21T10:07:31.123Z')).toBe('2026-11-21T10:15:00.000Z');
    expect(n('2026-11-21T10:15:00.000Z')).toBe('2026-11-21T10:15:00.000Z');
    expect(n('2026-11-21T10:15:00.001Z')).toBe('2026-11-21T10:30:00.000Z');
    expect(n('2026-11-21T23:50:00.000Z')).toBe('2026-11-22T00:00:00.000Z');
  });
});

describe('mailchimp suspend and restore', () => {
  const mc = useMailchimp(API_KEY);
  let clock: ManualClock;
  let sim: MailchimpSimulator;
  let client: AdapterClient;
  beforeEach(() => ({ clock, sim, client } = mc));

  const at = (hours: number): Date => new Date(clock.now().getTime() + hours * HOUR);
  const listAll = (): Promise<LiveItem[]> => listLive(client, 'email');
  const ref = toRef;
  const restoreReq = restoreRequest;
  const posts = () => sim.requests.filter((r) => r.method !== 'GET');
  const only = async (): Promise<LiveItem> => {
    const items = await listAll();
    expect(items).toHaveLength(1);
    return items[0]!;
  };

  it('unschedules to a draft and schedules back at the stored time, same id', async () => {
    const c = sim.world.addCampaign({ sendAt: at(5) });
    const item = await only();
    expect(await one(client.suspend([ref(item)]))).toEqual({ kind: 'ok', externalId: c.id, status: 'save' });
    expect(sim.world.campaign(c.id)).toMatchObject({ status: 'save', sendTime: null });
    expect(await one(client.restore([restoreReq(item)]))).toEqual({ kind: 'ok', externalId: c.id, status: 'schedule' });
    expect(sim.world.campaign(c.id)).toMatchObject({ status: 'schedule', sendTime: item.scheduledAt });
    const body = JSON.parse(posts().at(-1)!.body) as Record<string, unknown>;
    expect(body).toEqual({ schedule_time: item.scheduledAt!.replace('.000Z', 'Z'), timewarp: false });
  });

  it('suspending twice (a retried call that had applied) succeeds with a note', async () => {
    const c = sim.world.addCampaign({ sendAt: at(5) });
    const item = await only();
    await client.suspend([ref(item)]);
    expect(await one(client.suspend([ref(item)]))).toEqual({ kind: 'ok', externalId: c.id, status: 'save', note: 'already unscheduled' });
    expect(sim.world.campaign(c.id)).toMatchObject({ status: 'save', sendTime: null });
  });

  it('suspending an automation twice succeeds; the second pause changes nothing', async () => {
    const a = sim.world.addAutomation({ emails: [{ subjectLine: 'Welcome' }] });
    const item = await only();
    expect(await one(client.suspend([ref(item)]))).toMatchObject({ kind: 'ok', status: 'paused' });
    expect(await one(client.suspend([ref(item)]))).toMatchObject({ kind: 'ok', externalId: a.id, status: 'paused' });
    expect(sim.world.automation(a.id)?.status).toBe('paused');
  });

  it('rejects a restore at a past time, or off the quarter hour, as invalid_request and leaves the draft', async () => {
    const c = sim.world.addCampaign({ sendAt: at(2) });
    const item = await only();
    await client.suspend([ref(item)]);
    clock.advance(3 * HOUR); // the campaign was missed while suspended: it must not have gone out
    expect(sim.world.campaign(c.id)).toMatchObject({ status: 'save' });
    const past = await one(client.restore([restoreReq(item)]));
    expect(past).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false } });
    expect(past.kind === 'error' && past.error.message).toContain('schedule_time');
    const offQuarter = await one(client.restore([restoreReq(item, new Date(clock.now().getTime() + 2 * HOUR + 7 * MINUTE).toISOString())]));
    expect(offQuarter).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });
    expect(sim.world.campaign(c.id)).toMatchObject({ status: 'save', sendTime: null });
    // a new, normalized time is accepted
    const later = mailchimp.normalizeScheduleTime(new Date(clock.now().getTime() + 2 * HOUR + 7 * MINUTE)).toISOString();
    expect(await one(client.restore([restoreReq(item, later)]))).toMatchObject({ kind: 'ok', status: 'schedule' });
    expect(sim.world.campaign(c.id)?.sendTime).toBe(later);
  });

  it('Timewarp survives suspend and restore (re-supplied to the schedule action)', async () => {
    const c = sim.world.addCampaign({ sendAt: at(48), timewarp: true });
    const item = await only();
    await client.suspend([ref(item)]);
    expect(sim.world.campaign(c.id)?.settings.timewarp).toBe(true); // a campaign setting: unschedule keeps it
    await client.restore([restoreReq(item)]);
    expect(sim.world.campaign(c.id)).toMatchObject({ status: 'schedule', settings: { timewarp: true } });
    expect(JSON.parse(posts().at(-1)!.body)).toMatchObject({ timewarp: true });
    expect(sim.state().find((r) => r.id === c.id)?.fingerprint).toBe(item.fingerprint);
  });

  it('a Timewarp campaign cannot be restored less than 24 hours ahead: visible invalid_request, still a draft', async () => {
    const c = sim.world.addCampaign({ sendAt: at(30), timewarp: true });
    const item = await only();
    await client.suspend([ref(item)]);
    clock.advance(12 * HOUR);
    const outcome = await one(client.restore([restoreReq(item)]));
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });
    expect(sim.world.campaign(c.id)?.status).toBe('save');
  });

  it('batch delivery is write-only on Mailchimp: it cannot be snapshotted, so a restore schedules without it', async () => {
    const c = sim.world.addCampaign({ sendAt: at(20), batchDelivery: { batch_count: 4, batch_delay: 30 } });
    const item = await only();
    expect(JSON.stringify(item.snapshot)).not.toContain('batch');
    await client.suspend([ref(item)]);
    await client.restore([restoreReq(item)]);
    // The README's restore caveat: the campaign goes out at its time, but in one batch.
    expect(sim.world.campaign(c.id)).toMatchObject({ status: 'schedule', batchDelivery: null });
    expect(sim.state().find((r) => r.id === c.id)?.fingerprint).toBe(item.fingerprint);
  });

  it('a campaign that went out between planning and suspending is a visible invalid_state error', async () => {
    const c = sim.world.addCampaign({ sendAt: at(1) });
    const item = await only();
    clock.advance(2 * HOUR);
    const outcome = await one(client.suspend([ref(item)]));
    expect(outcome).toMatchObject({ kind: 'error', externalId: c.id, error: { code: 'invalid_state', retryable: false } });
  });

  it('a restore finds the campaign rescheduled by someone else: left alone, invalid_state', async () => {
    const c = sim.world.addCampaign({ sendAt: at(10) });
    const item = await only();
    await client.suspend([ref(item)]);
    schedule(sim.world, c.id, { schedule_time: at(20).toISOString() }); // a person, in the Mailchimp app
    expect(await one(client.restore([restoreReq(item)]))).toMatchObject({ kind: 'error', error: { code: 'invalid_state' } });
    expect(sim.world.campaign(c.id)?.sendTime).toBe(at(20).toISOString());
  });

  it('inspect of a campaign that no longer exists: not found', async () => {
    const c = sim.world.addCampaign({ sendAt: at(10) });
    const item = await only();
    sim.world.removeCampaign(c.id);
    expect(await client.inspect([ref(item)])).toEqual([{ externalId: c.id, found: false, live: false, status: null, fingerprint: null, scheduledAt: null }]);
  });

  it('an automation with an email a person paused: restore restarts only the others, one by one', async () => {
    const a = sim.world.addAutomation({ title: 'Birthday', emails: [{ subjectLine: 'Happy birthday' }, { subjectLine: 'Gift expires', status: 'paused' }, { subjectLine: 'Last call' }] });
    const item = await only();
    expect(item).toMatchObject({ objectType: 'automation', method: 'status', status: 'sending', scheduledAt: null });
    expect(await one(client.suspend([ref(item)]))).toEqual({ kind: 'ok', externalId: a.id, status: 'paused' });
    expect(sim.world.automation(a.id)?.emails.map((e) => e.status)).toEqual(['paused', 'paused', 'paused']);
    expect(await listAll()).toEqual([]);

    expect(await one(client.restore([restoreReq(item)]))).toEqual({ kind: 'ok', externalId: a.id, status: 'sending' });
    expect(sim.world.automation(a.id)?.emails.map((e) => e.status)).toEqual(['sending', 'paused', 'sending']);
    const actions = posts().map((r) => r.path);
    expect(actions.filter((p) => p.endsWith('/start-all-emails'))).toEqual([]);
    expect(actions.filter((p) => p.endsWith('/actions/start'))).toHaveLength(2);
    expect(sim.state().find((r) => r.id === a.id)?.fingerprint).toBe(item.fingerprint);

    expect(await one(client.restore([restoreReq(item)]))).toEqual({ kind: 'ok', externalId: a.id, status: 'sending', note: 'already sending' });
  });

  it('an automation whose every email was sending is restarted with start-all-emails', async () => {
    const a = sim.world.addAutomation({ emails: [{ subjectLine: 'Welcome' }, { subjectLine: 'Our story' }] });
    const item = await only();
    await client.suspend([ref(item)]);
    await client.restore([restoreReq(item)]);
    expect(posts().map((r) => r.path)).toEqual([`/3.0/automations/${a.id}/actions/pause-all-emails`, `/3.0/automations/${a.id}/actions/start-all-emails`]);
    expect(sim.world.automation(a.id)?.status).toBe('sending');
  });

  it('RSS campaigns are paused and resumed, not unscheduled', async () => {
    const c = sim.world.addCampaign({ type: 'rss', status: 'sending', title: 'Blog roundup' });
    const item = await only();
    expect(item).toMatchObject({ objectType: 'rss-campaign', method: 'status', status: 'sending', scheduledAt: null });
    expect(await one(client.suspend([ref(item)]))).toEqual({ kind: 'ok', externalId: c.id, status: 'paused' });
    expect((await client.inspect([ref(item)]))[0]).toMatchObject({ found: true, live: false, status: 'paused', fingerprint: item.fingerprint });
    expect(await one(client.restore([restoreReq(item)]))).toEqual({ kind: 'ok', externalId: c.id, status: 'sending' });
    expect(await one(client.restore([restoreReq(item)]))).toMatchObject({ kind: 'ok', note: 'already sending' });
    expect(posts().map((r) => r.path)).toEqual([`/3.0/campaigns/${c.id}/actions/pause`, `/3.0/campaigns/${c.id}/actions/resume`, `/3.0/campaigns/${c.id}/actions/resume`]);
  });

  it('drafts, paused RSS and person-paused automations are never touched, and nothing is ever deleted', async () => {
    const untouched = [
      sim.world.addCampaign({ status: 'save' }).id,
      sim.world.addCampaign({ type: 'rss', status: 'paused' }).id,
      sim.world.addAutomation({ emails: [{ subjectLine: 'x', status: 'paused' }] }).id,
    ];
    sim.world.addCampaign({ sendAt: at(6) });
    sim.world.addAutomation({ emails: [{ subjectLine: 'y' }] });
    const before = sim.state().filter((r) => untouched.includes(r.id));
    const items = await listAll();
    for (const i of items) await client.suspend([ref(i)]);
    for (const i of items) await client.restore([restoreReq(i)]);
    expect(sim.state().filter((r) => untouched.includes(r.id))).toEqual(before);
    expect(sim.requests.some((r) => untouched.some((id) => r.path.includes(id)))).toBe(false);
    expect(sim.requests.some((r) => r.method === 'DELETE' || /archive|cancel-send/.test(r.path))).toBe(false);
  });
});

describe('mailchimp sandbox seed', () => {
  it('is deterministic, realistic and safe for a demo', async () => {
    const clock = new ManualClock('2026-11-21T09:05:00Z');
    const make = () => createMailchimpSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'sandbox' });
    const state = make().state();
    expect(make().state()).toEqual(state);
    const scheduled = state.filter((r) => r.status === 'schedule');
    expect(scheduled).toHaveLength(8);
    for (const row of scheduled) {
      const ms = Date.parse(row.scheduledAt!);
      expect(ms - clock.now().getTime()).toBeGreaterThanOrEqual(2 * HOUR);
      expect(ms - clock.now().getTime()).toBeLessThanOrEqual(21 * DAY);
      expect(ms % (15 * MINUTE)).toBe(0);
    }
    expect(state.filter((r) => r.status === 'save')).toHaveLength(2);
    expect(state.filter((r) => r.status === 'sent')).toHaveLength(3);
    expect(state.filter((r) => r.live)).toHaveLength(8 + 1 + 3); // campaigns, one RSS, three automations
    expect(state.filter((r) => !r.live && r.status === 'paused')).toHaveLength(2); // a paused RSS and a paused automation
  });

  it('uses the configured audiences', () => {
    const clock = new ManualClock();
    const sim = createMailchimpSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: ['1111111111', '2222222222'], seed: 'sandbox' });
    const lists = new Set([...sim.world.campaigns.values()].map((c) => c.listId));
    expect(lists).toEqual(new Set(['1111111111', '2222222222']));
  });
});
