// Brevo suspend, restore and inspect: the way back (same id, same time, same content), drift,
// idempotent retries, partial failures, what Brevo refuses, and missed send times.
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBrevoSimulator, type BrevoSimulator } from '../../adapters/brevo/simulator.js';
import type { AdapterClient, LiveItem, RestoreRequest } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock, MINUTE } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { API_KEY, BASE_URL, connectBrevo, seedCampaigns } from './brevo-fixture.js';
import { listAll, toRef } from './live-items.js';

describe('brevo suspend, restore, inspect', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: BrevoSimulator;
  let client: AdapterClient;
  let listed: LiveItem[];
  const restoreOf = (item: LiveItem, scheduledAt = item.scheduledAt): RestoreRequest => ({ ...toRef(item), scheduledAt, mayExist: false });
  const writes = () => sim.requests.filter((r) => r.method === 'PUT');

  beforeEach(async () => {
    clock = new ManualClock();
    sim = createBrevoSimulator({ clock, credentials: { apiKey: API_KEY }, accountIds: [], seed: 'empty' });
    seedCampaigns(sim, clock);
    routeToSimulator(server, BASE_URL, sim);
    client = connectBrevo(clock);
    listed = await listAll(client, 'email');
  });

  it('suspends by status, keeps id, time and content, and puts it back exactly', async () => {
    const item = listed.find((i) => i.title === 'A/B: Cyber Monday')!;
    const before = sim.world.campaign(item.externalId)!;
    expect(await client.suspend([toRef(item)])).toEqual([{ kind: 'ok', externalId: item.externalId, status: 'suspended' }]);
    expect(JSON.parse(writes()[0]!.body)).toEqual({ status: 'suspended' });
    expect(writes()[0]!.path).toBe(`/v3/emailCampaigns/${item.externalId}/status`);
    const [seen] = await client.inspect([toRef(item)]);
    expect(seen).toEqual({ externalId: item.externalId, found: true, live: false, status: 'suspended', fingerprint: item.fingerprint, scheduledAt: item.scheduledAt });

    expect(await client.restore([restoreOf(item)])).toEqual([{ kind: 'ok', externalId: item.externalId, status: 'queued' }]);
    expect(JSON.parse(writes()[1]!.body)).toEqual({ scheduledAt: item.scheduledAt });
    const { modifiedAt: _a, ...was } = before;
    const { modifiedAt: _b, ...now } = sim.world.campaign(item.externalId)!;
    expect(now).toEqual(was);
  });

  it('sets the status back to queued when a reschedule leaves the campaign suspended', async () => {
    const [item] = listed;
    await client.suspend([toRef(item!)]);
    // A Brevo that accepts the new time but keeps the campaign suspended (not documented either way).
    server.use(http.put(`${BASE_URL}/v3/emailCampaigns/:campaignId`, () => new HttpResponse(null, { status: 204 })));
    expect(await client.restore([restoreOf(item!)])).toEqual([{ kind: 'ok', externalId: item!.externalId, status: 'queued', note: 'rescheduled, then set back to queued' }]);
    expect(JSON.parse(writes().at(-1)!.body)).toEqual({ status: 'queued' });
    expect(sim.world.campaign(item!.externalId)).toMatchObject({ status: 'queued', scheduledAt: item!.scheduledAt });
  });

  it('restores a campaign whose time passed while suspended at the time the core chose', async () => {
    const [first] = listed;
    await client.suspend([toRef(first!)]);
    clock.advance(4 * HOUR); // its send time passes; a suspended campaign does not go out
    expect(sim.world.campaign(first!.externalId)!.status).toBe('suspended');
    const later = new Date(clock.now().getTime() + 30 * MINUTE).toISOString();
    expect(await client.restore([restoreOf(first!, later)])).toMatchObject([{ kind: 'ok', status: 'queued' }]);
    expect(sim.world.campaign(first!.externalId)!.scheduledAt).toBe(later);
    // At the old, passed time Brevo refuses, and the campaign stays suspended.
    await client.suspend([toRef(first!)]);
    const [refused] = await client.restore([restoreOf(first!)]);
    expect(refused).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false, httpStatus: 400, vendorCode: 'invalid_parameter' } });
    expect(sim.world.campaign(first!.externalId)!.status).toBe('suspended');
  });

  it('reports drift: someone edited the campaign while it was suspended', async () => {
    const [item] = listed;
    await client.suspend([toRef(item!)]);
    sim.world.edit(Number(item!.externalId), { subject: 'Changed by a person during the crisis' });
    const [seen] = await client.inspect([toRef(item!)]);
    expect(seen).toMatchObject({ found: true, live: false, status: 'suspended' });
    expect(seen!.fingerprint).not.toBe(item!.fingerprint);
    // Should the core's read-back have come before the edit, the restore itself says so.
    expect(await client.restore([restoreOf(item!)])).toEqual([
      { kind: 'ok', externalId: item!.externalId, status: 'queued', note: 'its content changed while it was suspended: check it before it goes out' },
    ]);
  });

  it('is idempotent: a repeated suspend or restore has the effect of one', async () => {
    const [item] = listed;
    await client.suspend([toRef(item!)]);
    expect(await client.suspend([toRef(item!)])).toEqual([{ kind: 'ok', externalId: item!.externalId, status: 'suspended', note: 'already suspended' }]);
    await client.restore([restoreOf(item!)]);
    const after = sim.state();
    expect(await client.restore([restoreOf(item!)])).toMatchObject([{ kind: 'ok', status: 'queued' }]);
    expect(sim.state()).toEqual(after);
  });

  it('gives each item its own outcome: one failing campaign never hides the others', async () => {
    const [a, b, c] = listed;
    sim.faults.inject({ kind: 'server-error', method: 'PUT', path: new RegExp(`/${b!.externalId}/status$`) });
    const outcomes = [...(await client.suspend([toRef(a!)])), ...(await client.suspend([toRef(b!)])), ...(await client.suspend([toRef(c!)]))];
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'error', 'ok']);
    expect(outcomes[1]).toMatchObject({ kind: 'error', error: { code: 'server_error', retryable: true, ambiguous: true } });
    const seen = await client.inspect([toRef(a!), { ...toRef(b!), externalId: '987654' }, toRef(c!)]);
    expect(seen.map((o) => [o.found, o.status])).toEqual([[true, 'suspended'], [false, null], [true, 'suspended']]);
  });

  it('reports what Brevo refuses: a campaign sent meanwhile, a draft, a campaign not suspended', async () => {
    const [first] = listed;
    clock.advance(4 * HOUR); // it goes out
    const [sent] = await client.suspend([toRef(first!)]);
    expect(sent).toMatchObject({ kind: 'error', error: { code: 'invalid_state', vendorCode: 'campaign_sent', retryable: false } });
    const [restoreSent] = await client.restore([restoreOf(first!, new Date(clock.now().getTime() + DAY).toISOString())]);
    expect(restoreSent).toMatchObject({ kind: 'error', error: { code: 'invalid_state', vendorCode: 'campaign_sent' } });
    const draft = sim.world.campaigns().find((c) => c.status === 'draft')!;
    const [draftOutcome] = await client.suspend([{ ...toRef(first!), externalId: String(draft.id), snapshot: {} }]);
    expect(draftOutcome).toMatchObject({ kind: 'error', error: { code: 'invalid_state', vendorCode: 'invalid_parameter' } });
    const queue = await fetch(`${BASE_URL}/v3/emailCampaigns/${listed[1]!.externalId}/status`, { method: 'PUT', headers: { 'api-key': API_KEY, 'Content-Type': 'application/json' }, body: '{"status":"queued"}' });
    expect(queue.status).toBe(400);
    expect(sim.world.campaign(draft.id)!.status).toBe('draft');
  });

  it('refuses without a request what it cannot name or put back', async () => {
    const [item] = listed;
    const count = sim.requests.length;
    expect(await client.suspend([{ ...toRef(item!), externalId: 'abc' }])).toMatchObject([{ kind: 'error', error: { code: 'invalid_request' } }]);
    expect(await client.restore([{ ...restoreOf(item!), snapshot: { campaignId: 1 } }])).toMatchObject([{ kind: 'error', error: { code: 'invalid_request' } }]);
    expect(await client.suspend([{ ...toRef(item!), objectType: 'automation' }])).toMatchObject([{ kind: 'error', error: { code: 'invalid_request' } }]);
    await expect(client.suspend([toRef(listed[0]!), toRef(listed[1]!)])).rejects.toMatchObject({ code: 'invalid_request' });
    expect(sim.requests.length).toBe(count);
  });

  it('never archives, deletes or sends (invariant 9)', async () => {
    for (const item of listed) await client.suspend([toRef(item)]);
    for (const item of listed) await client.restore([restoreOf(item)]);
    for (const r of sim.requests) {
      expect(r.method).not.toBe('DELETE');
      expect(r.path).not.toMatch(/sendNow|sendTest/);
      if (r.path.endsWith('/status')) expect(['suspended', 'queued']).toContain(JSON.parse(r.body).status);
    }
  });
});
