// Klaviyo item-level cases at the network edge: partial failures, idempotent retries, restores
// that put back the send strategy exactly (shifted times too), drift seen by inspect, and what
// Klaviyo refuses.
import { beforeEach, describe, expect, it } from 'vitest';
import { klaviyo } from '../../adapters/klaviyo/adapter.js';
import { createKlaviyoSimulator, type KlaviyoSimulator } from '../../adapters/klaviyo/simulator.js';
import type { AdapterClient, LiveItem, RestoreRequest } from '../../adapters/types.js';
import { HOUR, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';
import { API_KEY, at, BASE_URL, connect, seedWeek } from './klaviyo-fixture.js';

describe('klaviyo operations', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: KlaviyoSimulator;
  let client: AdapterClient;
  let items: LiveItem[];

  const restoreOf = (item: LiveItem, scheduledAt = item.scheduledAt): RestoreRequest => ({ ...toRef(item), scheduledAt, mayExist: false });
  const byName = (name: string) => items.find((i) => i.title === name)!;

  beforeEach(async () => {
    clock = new ManualClock();
    sim = createKlaviyoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    seedWeek(sim, clock);
    routeToSimulator(server, BASE_URL, sim);
    client = connect(clock);
    items = await listAll(client, 'email');
  });

  it('lists scheduled email campaigns and live flows only, with what a restore needs', () => {
    expect(items.map((i) => i.title).sort()).toEqual(['Abandoned cart', 'Local time launch', 'Weekly digest', 'Welcome series', 'Winter sale']);
    expect(byName('Winter sale')).toMatchObject({ method: 'unschedule', objectType: 'campaign', status: 'Scheduled', scheduledAt: at(clock, 30).toISOString() });
    expect(byName('Winter sale').snapshot).toMatchObject({ strategy: { method: 'throttled', throttlePercentage: 20 } });
    expect(byName('Welcome series')).toMatchObject({ method: 'status', objectType: 'flow', status: 'live', scheduledAt: null });
  });

  it('keeps one item’s failure to itself: the others are suspended', async () => {
    // the second revert fails on Klaviyo's side; the first and third go through
    sim.faults.inject({ kind: 'server-error', method: 'PATCH', path: /campaign-send-jobs/, after: 1 });
    const campaigns = items.filter((i) => i.objectType === 'campaign');
    const outcomes = [];
    for (const c of campaigns) outcomes.push(...(await client.suspend([toRef(c)])));
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'error', 'ok']);
    expect(outcomes[1]).toMatchObject({ error: { code: 'server_error', retryable: true, ambiguous: true } });
    expect(sim.world.campaign(campaigns[1]!.externalId)?.status).toBe('Scheduled');
    expect(sim.world.campaign(campaigns[0]!.externalId)?.status).toBe('Draft');
  });

  it('retries idempotently: a revert that had applied, a restore run twice, a flow paused twice', async () => {
    const digest = byName('Weekly digest');
    sim.faults.inject({ kind: 'server-error', method: 'PATCH', applied: true });
    expect((await client.suspend([toRef(digest)]))[0]).toMatchObject({ kind: 'error', error: { ambiguous: true } });
    expect((await client.suspend([toRef(digest)]))[0]).toMatchObject({ kind: 'ok', status: 'Draft', note: 'already a draft' });
    expect((await client.restore([restoreOf(digest)]))[0]).toMatchObject({ kind: 'ok', status: 'Scheduled' });
    expect((await client.restore([restoreOf(digest)]))[0]).toMatchObject({ kind: 'ok', note: 'already scheduled at that time' });
    const flow = byName('Abandoned cart');
    expect((await client.suspend([toRef(flow)]))[0]).toMatchObject({ kind: 'ok', status: 'manual' });
    expect((await client.suspend([toRef(flow)]))[0]).toMatchObject({ kind: 'ok', status: 'manual' });
    expect((await client.restore([restoreOf(flow)]))[0]).toMatchObject({ kind: 'ok', status: 'live' });
    expect(sim.world.flow(flow.externalId)?.status).toBe('live');
  });

  it('restores the send strategy exactly: throttled, local time, and a time the core shifted', async () => {
    const before = Object.fromEntries(items.map((i) => [i.externalId, sim.world.campaign(i.externalId)?.sendStrategy]));
    for (const item of items) await client.suspend([toRef(item)]);
    const shifted = at(clock, 40).toISOString();
    for (const item of items) {
      const when = item.title === 'Weekly digest' ? shifted : item.scheduledAt;
      expect((await client.restore([restoreOf(item, when)]))[0]).toMatchObject({ kind: 'ok' });
    }
    expect(sim.world.campaign(byName('Winter sale').externalId)?.sendStrategy).toEqual(before[byName('Winter sale').externalId]);
    expect(sim.world.campaign(byName('Local time launch').externalId)?.sendStrategy).toEqual(before[byName('Local time launch').externalId]);
    const digest = sim.world.campaign(byName('Weekly digest').externalId)!;
    expect(digest).toMatchObject({ status: 'Scheduled', sendTime: shifted, sendStrategy: { method: 'static', datetime: shifted, options: { is_local: false } } });
  });

  it('sees drift through inspect: renamed, subject edited, re-scheduled by a person, deleted, a flow set to draft', async () => {
    for (const item of items) await client.suspend([toRef(item)]);
    const [digest, sale, local] = ['Weekly digest', 'Winter sale', 'Local time launch'].map(byName);
    const flow = byName('Welcome series');
    sim.world.editCampaign(digest!.externalId, (c) => (c.name = 'Weekly digest (edited)'));
    // another campaign: only its message's subject changes
    const subject = sim.world.addCampaign({ name: 'Subject test', sendAt: at(clock, 8), subject: 'Before' });
    const [listedSubject] = (await listAll(client, 'email')).filter((i) => i.externalId === subject.id);
    await client.suspend([toRef(listedSubject!)]);
    sim.world.editCampaign(subject.id, (c) => (c.message.subject = 'After (rewritten in the crisis)'));
    expect((await client.inspect([toRef(listedSubject!)]))[0]?.fingerprint).not.toBe(listedSubject!.fingerprint);
    sim.world.editCampaign(sale!.externalId, (c) => {
      c.status = 'Scheduled';
      c.sendTime = at(clock, 31).toISOString();
    });
    sim.world.campaigns.delete(sim.world.campaigns.get(local!.externalId)!);
    sim.world.editFlow(flow.externalId, (f) => (f.status = 'draft'));
    const seen = await client.inspect(items.map(toRef));
    const of = (item: LiveItem) => seen.find((o) => o.externalId === item.externalId)!;
    expect(of(digest!)).toMatchObject({ found: true, live: false, status: 'Draft' });
    expect(of(digest!).fingerprint).not.toBe(digest!.fingerprint);
    expect(of(sale!)).toMatchObject({ found: true, live: true, status: 'Scheduled', fingerprint: sale!.fingerprint, scheduledAt: at(clock, 31).toISOString() });
    expect(of(local!)).toMatchObject({ found: false, live: false });
    expect(of(flow)).toMatchObject({ found: true, live: false, status: 'draft', fingerprint: flow.fingerprint });
    expect(of(byName('Abandoned cart'))).toMatchObject({ found: true, live: false, status: 'manual' });
  });

  it('treats a local-time campaign as sending 14 hours early, and asks 14 hours more lead to restore one', async () => {
    const local = byName('Local time launch');
    expect(klaviyo.leadTimeMs!(toRef(local))).toBe(14 * HOUR + 15 * 60_000);
    expect(klaviyo.leadTimeMs!(toRef(byName('Weekly digest')))).toBe(klaviyo.minLeadMs);
    clock.advance(52 * HOUR - 14 * HOUR);
    expect((await listAll(client, 'email')).map((i) => i.title)).not.toContain('Local time launch');
    expect((await client.inspect([toRef(local)]))[0]).toMatchObject({ found: true, live: false, status: 'Sending' });
  });

  it('reports what Klaviyo refuses: a campaign already sent, a restore time in the past, a foreign snapshot', async () => {
    const digest = byName('Weekly digest');
    clock.advance(6 * HOUR);
    const [sent] = await client.suspend([toRef(digest)]);
    expect(sent).toMatchObject({ kind: 'error', error: { code: 'invalid_state', retryable: false } });
    expect(sent?.kind === 'error' && sent.error.message).toMatch(/Klaviyo shows the campaign "Sent"/);

    const sale = byName('Winter sale');
    await client.suspend([toRef(sale)]);
    const [past] = await client.restore([restoreOf(sale, at(clock, -1).toISOString())]);
    expect(past).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false } });
    expect(sim.world.campaign(sale.externalId)?.status).toBe('Draft');

    const [foreign] = await client.restore([{ ...restoreOf(sale), snapshot: { objectType: 'campaign' } }]);
    expect(foreign).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });
    const [unknown] = await client.suspend([{ ...toRef(sale), objectType: 'segment' }]);
    expect(unknown).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });
  });
});
