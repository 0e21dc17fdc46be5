// POST /v1/pauses: 202 (work goes on), 201 with ?wait=true, 200 joined or escalated, dry run 200.
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { liveIds, startHarness, type Harness } from '../support/service.js';
import { expectUnchanged, worldOf } from './assertions.js';

describe('POST /v1/pauses', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('202 with the new pause and its Location while the work goes on', async () => {
    h = await startHarness(server);
    const reply = await h.call('POST', '/v1/pauses', { severity: 2, reason: 'a bad ad' });
    expect(reply.status).toBe(202);
    expect(reply.body.outcome).toBe('created');
    const pause = reply.body.pause;
    expect(pause).toMatchObject({ id: expect.stringMatching(/^pau_/), severity: 2, severityName: 'crisis', kinds: ['post', 'ad'], reason: 'a bad ad' });
    // Accepted with its work stored: suspending, not complete, until the work is done.
    expect(pause).toMatchObject({ state: 'suspending', complete: false, work: [{ kind: 'suspend', kinds: ['post', 'ad'] }] });
    expect(reply.headers.get('location')).toBe(`/v1/pauses/${pause.id}`);

    await h.service.pauses.idle();
    const later = await h.call('GET', reply.headers.get('location')!);
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ state: 'active', complete: true, work: [] });
    expect(later.body.counts.byState.suspended).toBe(later.body.counts.total);
  });

  it('201 with ?wait=true once the pause is active, with its counts', async () => {
    h = await startHarness(server);
    const before = h.state();
    const reply = await h.call('POST', '/v1/pauses?wait=true', { severity: 'red-alert', reason: 'everything stops' });
    expect(reply.status).toBe(201);
    expect(reply.body.outcome).toBe('created');
    expect(reply.headers.get('location')).toBe(`/v1/pauses/${reply.body.pause.id}`);
    expect(reply.body.pause).toMatchObject({ state: 'active', severity: 3, activeAt: h.clock.now().toISOString() });
    expect(reply.body.pause.counts.total).toBe(liveIds(before).length);
    expect(liveIds(h.state())).toEqual([]);
  });

  it('?wait=false is the same as no wait', async () => {
    h = await startHarness(server);
    const reply = await h.call('POST', '/v1/pauses?wait=false', { severity: 1, reason: 'r' });
    expect(reply.status).toBe(202);
  });

  it('takes a severity by level, by name or by level written as a string', async () => {
    h = await startHarness(server);
    const byString = await h.call('POST', '/v1/pauses', { severity: '1', reason: 'r', scope: { connections: ['hootsuite-acme'] }, dryRun: true });
    expect(byString.status).toBe(200);
    expect(byString.body.plan.severityName).toBe('watch');
    const byName = await h.call('POST', '/v1/pauses', { severity: 'crisis', reason: 'r', dryRun: true });
    expect(byName.body.plan.severity).toBe(2);
  });

  it('200 joined, with the same pause and Location, for the same scope at the same or a lower severity', async () => {
    h = await startHarness(server);
    const first = await h.pause(2);
    const world = await worldOf(h);
    for (const severity of [2, 1]) {
      const reply = await h.call('POST', '/v1/pauses?wait=true', { severity, reason: 'another report' });
      expect(reply.status).toBe(200);
      expect(reply.body.outcome).toBe('joined');
      expect(reply.body.pause.id).toBe(first.id);
      expect(reply.body.pause.severity).toBe(2);
      expect(reply.headers.get('location')).toBe(`/v1/pauses/${first.id}`);
    }
    // Joining touches no platform and no item; it is audited.
    const after = await worldOf(h);
    expect(after.platforms).toEqual(world.platforms);
    expect(after.items).toEqual(world.items);
    expect(after.audit.slice(world.audit.length).map((e) => e.action)).toEqual(['pause.joined', 'pause.joined']);
  });

  it('200 escalated without wait: the pause grows while the added kinds are suspended', async () => {
    h = await startHarness(server);
    const first = await h.pause(1);
    const reply = await h.call('POST', '/v1/pauses', { severity: 3, reason: 'it spread' });
    expect(reply.status).toBe(200);
    expect(reply.body.outcome).toBe('escalated');
    expect(reply.headers.get('location')).toBe(`/v1/pauses/${first.id}`);
    expect(reply.body.pause).toMatchObject({ id: first.id, severity: 3, kinds: ['post', 'ad', 'email'] });
    await h.service.pauses.idle();
    expect(liveIds(h.state())).toEqual([]);
    expect((await h.call('GET', `/v1/pauses?state=active`)).body.data).toHaveLength(1);
  });

  it('?wait=true answers 202, not a failure, when its own work is done and other work on the pause is still going on', async () => {
    h = await startHarness(server);
    const waiting = h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'a storm brewing' });
    await expect.poll(async () => (await h.call('GET', '/v1/pauses')).body.data.length).toBe(1);
    // Queued behind the first request's work, while that request is still waiting for its own.
    expect((await h.call('POST', '/v1/pauses', { severity: 3, reason: 'it is a storm' })).body.outcome).toBe('escalated');
    const reply = await waiting;
    expect(reply.status).toBe(202);
    expect(reply.body.pause).toMatchObject({ complete: false, failures: { listings: 0, items: 0 }, work: [{ kind: 'escalate', kinds: ['ad', 'email'] }] });
    await h.service.pauses.idle();
    expect((await h.call('GET', `/v1/pauses/${reply.body.pause.id}`)).body).toMatchObject({ state: 'active', complete: true, work: [] });
    expect(liveIds(h.state())).toEqual([]);
  });

  it('a different scope makes a separate pause', async () => {
    h = await startHarness(server);
    const a = await h.pause(1, { scope: { connections: ['hootsuite-acme'] } });
    const b = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'r', scope: { tags: ['brand:acme'] } });
    expect(b.status).toBe(202);
    expect(b.body.pause.id).not.toBe(a.id);
  });

  it('replays a 202 as a 202 for the same Idempotency-Key, with the same pause', async () => {
    h = await startHarness(server);
    const body = { severity: 1, reason: 'from the button' };
    const first = await h.call('POST', '/v1/pauses', body, { 'idempotency-key': 'btn:2026-11-21T09:00' });
    expect(first.status).toBe(202);
    await h.service.pauses.idle();
    const world = await worldOf(h);
    const again = await h.call('POST', '/v1/pauses', body, { 'idempotency-key': 'btn:2026-11-21T09:00' });
    expect(again.status).toBe(202);
    expect(again.body.outcome).toBe('replayed');
    expect(again.body.pause.id).toBe(first.body.pause.id);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    await expectUnchanged(h, world);
  });

  it('dry run: 200 with the plan, no Location, and nothing created, changed or audited', async () => {
    h = await startHarness(server);
    const before = await worldOf(h);
    const reply = await h.call('POST', '/v1/pauses?wait=true', { severity: 2, reason: 'what if', scope: { tags: ['brand:acme'] }, dryRun: true });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('location')).toBeNull();
    expect(reply.body.outcome).toBe('dry-run');
    const plan = reply.body.plan;
    expect(plan).toMatchObject({ dryRun: true, severity: 2, severityName: 'crisis', kinds: ['post', 'ad'] });
    expect(plan.connectionIds).toEqual(['hootsuite-acme', 'mailchimp-acme', 'meta-ads-acme']);
    const live = liveIds(before.platforms).filter((id) => !id.startsWith('mailchimp-acme/'));
    expect(plan.total).toBe(live.length);
    expect(plan.items.map((i: { connectionId: string; externalId: string }) => `${i.connectionId}/${i.externalId}`).sort()).toEqual(live.sort());
    for (const item of plan.items) {
      expect(item).not.toHaveProperty('snapshot');
      expect(item).not.toHaveProperty('id');
    }
    await expectUnchanged(h, before);
  });
});
