// One lifecycle: what a request asks for is stored with it as the pause's pending work, jobs decide
// from the stored state when they run, a pause reads `suspending` / `resuming` while work is
// pending, and the state machines refuse moves their tables do not allow.
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { Item } from '../../src/domain/item.js';
import { IllegalTransition, kept, restored, suspended } from '../../src/pauses/item-lifecycle.js';
import { IllegalPauseTransition, finishWork, queueWork, settle } from '../../src/pauses/pause-lifecycle.js';
import { dataDirAtCrash } from '../support/crash.js';
import { useMsw } from '../support/msw.js';
import { comparableWorld, startHarness, type Harness } from '../support/service.js';
import { until } from '../support/until.js';
import { CTX, itemFixture, pauseFixture } from '../store/fixtures.js';

describe('the pause lifecycle', () => {
  const server = useMsw();
  const harnesses: Harness[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close();
  });
  const start = async (options: Parameters<typeof startHarness>[1] = {}) => {
    const h = await startHarness(server, options);
    harnesses.push(h);
    return h;
  };

  /** Holds every platform change (listings go through) until `release()`. */
  function holdWrites(sandboxUrl: string) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.all(`${sandboxUrl}/*`, async ({ request }) => {
        if (request.method !== 'GET') await gate;
      }),
    );
    return release;
  }

  it('carries out a resume accepted just before a crash: the request and the move to resuming are one write', async () => {
    const a = await start({ sandboxUrl: 'http://sandbox-a.test' });
    const before = a.state();
    const releaseA = holdWrites('http://sandbox-a.test');
    const started = await a.call('POST', '/v1/pauses', { severity: 3, reason: 'crash after resume' });
    const pauseId = started.body.pause.id;
    await until(async () => (await a.store.getPause(pauseId))!.listings.length === 3, 'the listings');
    const resume = await a.call('POST', `/v1/pauses/${pauseId}/resume`, {});
    expect(resume.status).toBe(202);
    expect(resume.body.pause).toMatchObject({ state: 'resuming', work: [{ kind: 'suspend' }, { kind: 'resume' }] });
    // The crash: the disk as it is the moment the resume was accepted.
    const dataDir = dataDirAtCrash(a.dataDir);
    server.use(http.all('http://sandbox-a.test/*', () => HttpResponse.error()));
    releaseA();

    const b = await start({ sandbox: a.sandbox, clock: a.clock, dataDir, sandboxUrl: 'http://sandbox-b.test' });
    expect(await b.service.start()).toEqual([pauseId]);
    await b.service.pauses.idle();
    const after = (await b.call('GET', `/v1/pauses/${pauseId}`)).body;
    expect(after).toMatchObject({ state: 'resumed', complete: true, work: [] });
    expect(comparableWorld(b.state())).toEqual(comparableWorld(before));
  });

  it('decides what a retry does when it runs: one queued behind a resume only puts back', async () => {
    const h = await start();
    const before = h.state();
    const meta = h.sandbox.simulators.get('meta-ads-acme')!;
    meta.faults.inject({ kind: 'server-error', method: 'GET', path: /\/campaigns$/, times: 50 });
    const pause = await h.pauseIncomplete(3);
    expect(pause.listings.find((l: { connectionId: string }) => l.connectionId === 'meta-ads-acme')).toMatchObject({ state: 'failed' });
    const resume = await h.call('POST', `/v1/pauses/${pause.id}/resume`, {});
    const retry = await h.call('POST', `/v1/pauses/${pause.id}/retry`);
    expect([resume.status, retry.status]).toEqual([202, 202]);
    expect(retry.body.pause).toMatchObject({ state: 'resuming', work: [{ kind: 'resume' }, { kind: 'retry' }] });
    meta.faults.clear();
    await h.service.pauses.idle();

    const after = (await h.call('GET', `/v1/pauses/${pause.id}`)).body;
    expect(after).toMatchObject({ state: 'resumed', work: [] });
    // Meta's campaigns were never listed, so never touched: all still live, as before.
    expect(h.state()['meta-ads-acme']).toEqual(before['meta-ads-acme']);
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
    const actions = (await h.call('GET', `/v1/audit?pauseId=${pause.id}&limit=10000`)).body.data.map((e: { action: string }) => e.action);
    expect(actions.slice(actions.indexOf('pause.resumed'))).not.toContain('pause.active');
    expect(actions.slice(actions.indexOf('pause.resumed'))).not.toContain('item.suspended');
  });

  it('reads suspending while an escalation is pending: never active with the added kinds still live', async () => {
    const h = await start();
    await h.pause(1);
    const release = holdWrites('http://sandbox.test');
    const escalated = await h.call('POST', '/v1/pauses', { severity: 3, reason: 'worse' });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ outcome: 'escalated', pause: { severity: 3, state: 'suspending', complete: false, work: [{ kind: 'escalate', kinds: ['ad', 'email'] }] } });
    await until(async () => (await h.store.getPause(escalated.body.pause.id))!.listings.length === 3, 'the added listings');
    const meanwhile = (await h.call('GET', `/v1/pauses/${escalated.body.pause.id}`)).body;
    expect(meanwhile.state).toBe('suspending');
    expect(h.state()['meta-ads-acme']!.some((r) => r.live)).toBe(true);
    release();
    await h.service.pauses.idle();
    const done = (await h.call('GET', `/v1/pauses/${escalated.body.pause.id}`)).body;
    expect(done).toMatchObject({ state: 'active', complete: true, work: [] });
    expect(Object.values(h.state()).flat().filter((r) => r.live)).toEqual([]);
  });

  describe('the state machines', () => {
    const item = (overrides: Partial<Item> = {}): Item => ({ ...itemFixture('itm_1', 'pau_a'), seq: 1, ...overrides });
    const at = { ctx: CTX, now: new Date('2026-11-21T10:00:00Z') };
    const work = { kind: 'retry' as const, id: 'wrk_1', requested: { at: at.now.toISOString(), ...CTX }, startedAt: null };

    it('refuses an item move its table does not allow, and a move out of a final state', () => {
      expect(() => suspended(item({ state: 'restored' }), 'PAUSED', at)).toThrow(IllegalTransition);
      expect(() => kept(item({ state: 'planned' }), at)).toThrow('item itm_1 cannot go from planned to kept');
      expect(() => restored(item({ state: 'handed-over' }), { status: 'SCHEDULED', scheduledAt: null }, at)).toThrow(IllegalTransition);
      expect(suspended(item({ state: 'planned' }), 'PAUSED', at)).toMatchObject({ from: 'planned', item: { state: 'suspended' }, audit: { action: 'item.suspended' } });
    });

    it('moves a pause by its work: suspending or resuming while work is pending, and only along its table', () => {
      const active = pauseFixture('pau_a', { state: 'active' });
      const retrying = queueWork(active, work, at.now);
      expect(retrying.state).toBe('suspending');
      expect(finishWork(retrying, 'wrk_1', at.now)).toMatchObject({ state: 'active', work: [] });
      const resumed = pauseFixture('pau_b', { state: 'resumed', resume: { ...work.requested, missed: 'hold' } });
      expect(queueWork(resumed, work, at.now).state).toBe('resuming');
      // A pause left `suspending` with nothing to do and a resume on record cannot jump to resumed.
      expect(() => settle(pauseFixture('pau_c', { state: 'suspending', resume: { ...work.requested, missed: 'hold' } }), at.now)).toThrow(IllegalPauseTransition);
    });
  });
});
