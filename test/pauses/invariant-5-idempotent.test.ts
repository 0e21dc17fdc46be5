// Invariant 5: repeated requests, double presses and races have no double effect; an item is
// held by at most one pause and is handed over, not restored, while another pause covers it.
import { afterEach, describe, expect, it } from 'vitest';
import type { MailchimpSimulator } from '../../adapters/mailchimp/simulator.js';
import { DAY, HOUR } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { comparableWorld, liveIds, startHarness, type Harness } from '../support/service.js';

describe('invariant 5: idempotent and race-free', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const writes = (connection: string) =>
    h.sandbox.simulators.get(connection)!.requests.filter((r) => r.method !== 'GET').length;

  it('a repeated request with the same Idempotency-Key returns the same pause and acts once', async () => {
    h = await startHarness(server);
    const body = { severity: 3, reason: 'bad post' };
    const first = await h.call('POST', '/v1/pauses?wait=true', body, { 'idempotency-key': 'incident-42' });
    expect(first.status).toBe(201);
    const deletes = writes('hootsuite-acme');
    const second = await h.call('POST', '/v1/pauses?wait=true', body, { 'idempotency-key': 'incident-42' });
    expect(second.status).toBe(201);
    expect(second.body.outcome).toBe('replayed');
    expect(second.body.pause.id).toBe(first.body.pause.id);
    expect(writes('hootsuite-acme')).toBe(deletes);
    expect((await h.call('GET', '/v1/pauses')).body.data).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with a different request and changes nothing', async () => {
    h = await startHarness(server);
    await h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'a' }, { 'idempotency-key': 'k1' });
    const world = h.state();
    const other = await h.call('POST', '/v1/pauses', { severity: 3, reason: 'b' }, { 'idempotency-key': 'k1' });
    expect(other.status).toBe(422);
    expect(other.body.error.message).toMatch(/Idempotency-Key/);
    expect(h.state()).toEqual(world);
    expect((await h.call('GET', '/v1/pauses')).body.data[0].severity).toBe(1);
  });

  it('the button pressed twice at once makes one pause', async () => {
    h = await startHarness(server);
    const body = { severity: 2, reason: 'pressed twice' };
    const [a, b] = await Promise.all([h.call('POST', '/v1/pauses', body), h.call('POST', '/v1/pauses', body)]);
    expect([a.status, b.status].sort()).toEqual([200, 202]);
    expect(new Set([a.body.outcome, b.body.outcome])).toEqual(new Set(['created', 'joined']));
    expect(a.body.pause.id).toBe(b.body.pause.id);
    await h.service.pauses.idle();
    const list = (await h.call('GET', '/v1/pauses')).body.data;
    expect(list).toHaveLength(1);
    const items = await h.items(list[0].id);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);
  });

  it('a higher severity for the same scope escalates the active pause; a lower one joins it', async () => {
    h = await startHarness(server);
    const watch = await h.pause(1);
    expect(watch.kinds).toEqual(['post']);
    const escalated = await h.call('POST', '/v1/pauses?wait=true', { severity: 'red-alert', reason: 'it spread' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.outcome).toBe('escalated');
    expect(escalated.body.pause.id).toBe(watch.id);
    expect(escalated.body.pause.kinds).toEqual(['post', 'ad', 'email']);
    expect(escalated.body.pause.escalations).toMatchObject([{ from: 1, to: 3 }]);
    expect(liveIds(h.state())).toEqual([]);

    const lower = await h.call('POST', '/v1/pauses', { severity: 2, reason: 'late report' });
    expect(lower.status).toBe(200);
    expect(lower.body.outcome).toBe('joined');
    expect(lower.body.pause.severity).toBe(3);
  });

  it('resume pressed twice puts things back once', async () => {
    h = await startHarness(server);
    const before = h.state();
    const pause = await h.pause(3);
    const [a, b] = await Promise.all([
      h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`),
      h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`),
    ]);
    expect(new Set([a.body.outcome, b.body.outcome])).toEqual(new Set(['started', 'already']));
    const creates = writes('hootsuite-acme');
    const again = await h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('already');
    expect(writes('hootsuite-acme')).toBe(creates);
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
  });

  it('a resume racing its pause stops the suspension, then restores exactly', async () => {
    h = await startHarness(server);
    const before = h.state();
    const started = await h.call('POST', '/v1/pauses', { severity: 3, reason: 'oops' });
    expect(started.status).toBe(202);
    const resumed = await h.call('POST', `/v1/pauses/${started.body.pause.id}/resume?wait=true`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.pause).toMatchObject({ state: 'resumed', complete: true, work: [] });
    // What was suspended comes back; what the suspension had not reached yet is left alone.
    const { restored, skipped } = resumed.body.pause.counts.byState;
    expect(restored + skipped).toBe(liveIds(before).length);
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
  });

  it('a trigger after a resume was asked for starts a new pause, which takes the items over', async () => {
    h = await startHarness(server);
    const first = await h.pause(1);
    const resuming = await h.call('POST', `/v1/pauses/${first.id}/resume`);
    expect(resuming.status).toBe(202);
    const again = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'it flared up again' });
    expect(again.body.outcome).toBe('created');
    expect(again.body.pause.id).not.toBe(first.id);
    await h.service.pauses.idle();

    expect(h.state()['hootsuite-acme']!.filter((r) => r.live)).toEqual([]);
    const done = (await h.call('GET', `/v1/pauses/${first.id}`)).body;
    expect(done.state).toBe('resumed');
    expect(done.counts.byState['handed-over']).toBe(first.counts.total);
    const second = (await h.call('GET', `/v1/pauses/${again.body.pause.id}`)).body;
    expect(second.state).toBe('active');
    expect(second.counts.byState.suspended).toBe(first.counts.total);
  });

  it('a pause that starts while a resume is putting things back takes over what is not back yet', async () => {
    // The resume reads Mailchimp's campaigns back in large batches ahead of putting them back one
    // by one; a pause that starts in between must still take over each one not yet back.
    h = await startHarness(server, { latencyMs: 5 });
    const sim = h.sandbox.simulators.get('mailchimp-acme') as MailchimpSimulator;
    // More campaigns than restore lanes, so restores are still to come when the pause starts.
    for (let i = 0; i < 60; i++) sim.world.addCampaign({ sendAt: new Date(h.clock.now().getTime() + 2 * DAY + i * HOUR), title: `Newsletter ${i}` });
    const before = h.state();
    const scope = { connections: ['mailchimp-acme'] };
    const first = await h.pause(3, { scope });
    expect(first.counts.total).toBeGreaterThan(60);
    const resuming = await h.call('POST', `/v1/pauses/${first.id}/resume`);
    expect(resuming.status).toBe(202);
    // Once the first campaign is back on schedule, the crisis flares up again.
    while (!sim.requests.some((r) => r.path.endsWith('/actions/schedule'))) await new Promise((r) => setTimeout(r, 1));
    const again = await h.call('POST', '/v1/pauses', { severity: 3, reason: 'it flared up again', scope });
    expect(again.body.outcome).toBe('created');
    await h.service.pauses.idle();

    // Nothing goes out: what was back is listed again, the rest handed over.
    expect(h.state()['mailchimp-acme']!.filter((r) => r.live)).toEqual([]);
    const done = (await h.call('GET', `/v1/pauses/${first.id}`)).body;
    expect(done).toMatchObject({ state: 'resumed', complete: true });
    const { restored, 'handed-over': handedOver } = done.counts.byState;
    expect(restored).toBeGreaterThan(0);
    expect(restored + handedOver).toBe(first.counts.total);
    const second = (await h.call('GET', `/v1/pauses/${again.body.pause.id}`)).body;
    expect(second.counts.byState.suspended).toBe(first.counts.total);
    expect(second.counts.byState.suspended).toBe(second.counts.total);
    // …and its resume puts the world back as it was.
    await h.resume(second.id);
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
  });

  it('hands items over to another active pause that covers them, which puts them back later', async () => {
    h = await startHarness(server);
    const before = h.state();
    const posts = await h.pause(1); // every connection, posts
    const ads = await h.pause(2, { scope: { connections: ['hootsuite-acme', 'meta-ads-acme'] } });
    expect(ads.id).not.toBe(posts.id);

    const first = await h.resume(posts.id);
    expect(first.counts.byState['handed-over']).toBe(posts.counts.total);
    expect(h.state()['hootsuite-acme']!.filter((r) => r.live)).toEqual([]);
    const taken = await h.items(ads.id, '&kind=post');
    expect(taken).toHaveLength(posts.counts.total);
    expect(taken.every((i) => i.state === 'suspended' && i.handedOverFrom === posts.id)).toBe(true);

    const second = await h.resume(ads.id);
    expect(second.counts.byState.restored).toBe(second.counts.total);
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
  });

  it('a second pause does not take items the first still holds, even those whose suspension failed', async () => {
    h = await startHarness(server);
    const meta = h.sandbox.simulators.get('meta-ads-acme')!;
    meta.faults.inject({ kind: 'server-error', method: 'POST', times: Infinity });
    const first = await h.pauseIncomplete(2, { scope: { connections: ['meta-ads-acme'] } });
    expect(first.counts.byState.failed).toBe(first.counts.total);
    meta.faults.clear();

    const second = await h.pause(2, { scope: { tags: ['region:global'] } });
    expect(second.id).not.toBe(first.id);
    const listing = second.listings.find((l: { connectionId: string; kind: string }) => l.connectionId === 'meta-ads-acme' && l.kind === 'ad');
    expect(listing).toMatchObject({ state: 'done', found: 0, heldElsewhere: first.counts.total });
    expect(await h.items(second.id, '&kind=ad')).toEqual([]);
  });
});
