// POST /v1/pauses/:id/resume (202, 200 with wait, 200 already, dry run) and POST /v1/pauses/:id/retry.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { comparableWorld, startHarness, type Harness } from '../support/service.js';
import { expectUnchanged, worldOf } from './assertions.js';

describe('resume and retry', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('resume: 202 started with no body at all, then the pause is resumed and the world is back', async () => {
    h = await startHarness(server);
    const before = h.state();
    const pause = await h.pause(3);
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/resume`);
    expect(reply.status).toBe(202);
    expect(reply.body.outcome).toBe('started');
    // The request and the move to `resuming` are stored together, with the work it asks for.
    expect(reply.body.pause).toMatchObject({ id: pause.id, state: 'resuming', complete: false, resume: { missed: 'hold' } });
    expect(reply.body.pause.work).toMatchObject([{ kind: 'resume', itemIds: null, missed: 'hold', startedAt: null }]);
    await h.service.pauses.idle();
    const after = (await h.call('GET', `/v1/pauses/${pause.id}`)).body;
    expect(after.state).toBe('resumed');
    expect(after.resumedAt).toBe(h.clock.now().toISOString());
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
  });

  it('resume ?wait=true: 200 once done, with the counts', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2);
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`, {});
    expect(reply.status).toBe(200);
    expect(reply.body.outcome).toBe('started');
    expect(reply.body.pause.state).toBe('resumed');
    expect(reply.body.pause.counts.byState.restored).toBe(pause.counts.total);
  });

  it('resume of a resumed pause: 200 already, and nothing is done or audited', async () => {
    h = await startHarness(server);
    const pause = await h.pause(1);
    await h.resume(pause.id);
    const world = await worldOf(h);
    for (const url of [`/v1/pauses/${pause.id}/resume`, `/v1/pauses/${pause.id}/resume?wait=true`]) {
      const reply = await h.call('POST', url, { missed: 'now' });
      expect(reply.status).toBe(200);
      expect(reply.body.outcome).toBe('already');
      expect(reply.body.pause.resume.missed).toBe('hold');
    }
    await expectUnchanged(h, world);
  });

  it('resume of some items: 202, those go back, the pause stays active', async () => {
    h = await startHarness(server);
    const pause = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    const [item] = await h.items(pause.id);
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/resume`, { items: [item!.id] });
    expect(reply.status).toBe(202);
    await h.service.pauses.idle();
    const after = (await h.call('GET', `/v1/pauses/${pause.id}`)).body;
    expect(after).toMatchObject({ state: 'active', resume: null });
    expect(after.counts.byState).toMatchObject({ restored: 1, suspended: pause.counts.total - 1 });
    expect(h.state()['meta-ads-acme']!.find((r) => r.id === item!.externalId)?.live).toBe(true);
  });

  it('resume dry run: 200 with a step per item and the missed policy, changing nothing', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    h.clock.advance(3 * DAY);
    const world = await worldOf(h);
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`, { dryRun: true });
    expect(reply.status).toBe(200);
    expect(reply.body.outcome).toBe('dry-run');
    expect(reply.body.missed).toBe('hold');
    const steps = reply.body.steps as Array<{ itemId: string; action: string; scheduledAt?: string | null }>;
    expect(steps.map((s) => s.itemId).sort()).toEqual(world.items.map((i) => i.id).sort());
    const actions = new Set(steps.map((s) => s.action));
    expect(actions).toEqual(new Set(['restore', 'hold']));
    await expectUnchanged(h, world);

    const shifted = await h.call('POST', `/v1/pauses/${pause.id}/resume`, { dryRun: true, missed: 'shift' });
    expect(shifted.body.missed).toBe('shift');
    expect(shifted.body.steps.every((s: { action: string }) => s.action === 'restore')).toBe(true);
    await expectUnchanged(h, world);
  });

  it('retry: 202 started, audited, and with nothing failed changes no item', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    const world = await worldOf(h);
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/retry`);
    expect(reply.status).toBe(202);
    // Pending work makes the pause read `suspending` until the retry has run.
    expect(reply.body).toMatchObject({ outcome: 'started', pause: { id: pause.id, state: 'suspending', complete: false } });
    await h.service.pauses.idle();
    expect((await h.call('GET', `/v1/pauses/${pause.id}`)).body).toMatchObject({ state: 'active', complete: true, work: [] });
    const after = await worldOf(h);
    expect(after.items).toEqual(world.items);
    expect(after.platforms).toEqual(world.platforms);
    expect(after.audit.slice(world.audit.length).map((e) => e.action)).toContain('pause.retry-requested');
  });

  it('retry ?wait=true: 200 once the failed items are suspended', async () => {
    h = await startHarness(server);
    const meta = h.sandbox.simulators.get('meta-ads-acme')!;
    meta.faults.inject({ kind: 'server-error', method: 'POST', times: Infinity });
    const pause = await h.pauseIncomplete(2, { scope: { connections: ['meta-ads-acme'] } });
    expect(pause.counts.byState.failed).toBe(pause.counts.total);
    meta.faults.clear();
    const reply = await h.call('POST', `/v1/pauses/${pause.id}/retry?wait=true`, {});
    expect(reply.status).toBe(200);
    expect(reply.body.outcome).toBe('started');
    expect(reply.body.pause).toMatchObject({ state: 'active', complete: true });
    expect(reply.body.pause.counts.byState).toMatchObject({ failed: 0, suspended: pause.counts.total });
    expect(h.state()['meta-ads-acme']!.filter((r) => r.live)).toEqual([]);
  });
});
