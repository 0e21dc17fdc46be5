// Planned pauses (issue 8, part 6): a silence known in advance is stored at once as `planned`,
// holding nothing; it starts by itself at `startsAt` and asks for its resume at `endsAt` — through
// the two-person rule where the severity needs it; it can be cancelled before it starts; and a
// restart that spans its start or its end carries it out from the stored plan.
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/fixtures.js';
import { MINUTE } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { comparableWorld, liveIds, startHarness, type Harness, type HarnessOptions } from '../support/service.js';

describe('planned pauses', () => {
  const server = useMsw();
  const harnesses: Harness[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });
  const start = async (options: HarnessOptions = {}) => {
    const h = await startHarness(server, options);
    harnesses.push(h);
    return h;
  };
  const later = (h: Harness, minutes: number) => new Date(h.clock.now().getTime() + minutes * MINUTE).toISOString();
  const plan = (h: Harness, body: Record<string, unknown>) => h.call('POST', '/v1/pauses', { severity: 2, reason: 'day of mourning', ...body });
  /** Moves the clock to `at` and lets the scheduler do what is due, then the work it queued. */
  const reach = async (h: Harness, at: string) => {
    h.clock.set(at);
    await h.service.scheduler.tick();
    await h.service.pauses.idle();
  };
  const pauseOf = async (h: Harness, id: string) => (await h.call('GET', `/v1/pauses/${id}`)).body;
  const actions = async (h: Harness, id: string) => ((await h.call('GET', `/v1/audit?pauseId=${id}&limit=1000`)).body.data as Array<Record<string, any>>).map((e) => e.action);
  const lead = async (h: Harness, name: string) => {
    const secret = (await h.call('POST', '/v1/keys', { name, role: 'lead' })).body.secret as string;
    return (method: string, url: string, body?: unknown) => h.call(method, url, body, { authorization: `Bearer ${secret}` });
  };

  it('is stored and listed as planned, holds nothing, starts by itself at startsAt and resumes at endsAt', async () => {
    const h = await start();
    const before = h.state();
    const [startsAt, endsAt] = [later(h, 10), later(h, 20)];
    const planned = await plan(h, { startsAt, endsAt });
    expect(planned.status).toBe(201);
    expect(planned.headers.get('location')).toBe(`/v1/pauses/${planned.body.pause.id}`);
    const id = planned.body.pause.id;
    expect(planned.body).toMatchObject({ outcome: 'planned', pause: { state: 'planned', complete: false, work: [], schedule: { startsAt, endsAt, startedAt: null } } });
    expect((await h.call('GET', '/v1/pauses?state=planned')).body.data.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(h.state()).toEqual(before);
    // Early: nothing happens.
    await reach(h, later(h, 9));
    expect((await pauseOf(h, id)).state).toBe('planned');

    await reach(h, startsAt);
    const started = await pauseOf(h, id);
    expect(started).toMatchObject({ state: 'active', complete: true, schedule: { startedAt: startsAt } });
    expect(started.counts.byKind).toMatchObject({ post: expect.any(Number), ad: expect.any(Number) });
    expect(liveIds(h.state()).filter((i) => !i.startsWith('mailchimp'))).toEqual([]);
    const audit = (await h.call('GET', `/v1/audit?pauseId=${id}&limit=1000`)).body.data as Array<Record<string, any>>;
    expect(audit.find((e) => e.action === 'pause.plan-started')).toMatchObject({ source: 'schedule', actor: { name: 'bootstrap (BOOTSTRAP_API_KEY) (planned)' }, data: { outcome: 'created' } });

    await reach(h, endsAt);
    expect(await pauseOf(h, id)).toMatchObject({ state: 'resumed', schedule: { endRequestedAt: endsAt } });
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
    expect(await actions(h, id)).toEqual(expect.arrayContaining(['pause.planned', 'pause.plan-started', 'pause.active', 'pause.plan-ended', 'pause.resume-requested', 'pause.resumed']));
  });

  it('can be cancelled before it starts — nothing is ever suspended — and not after (409)', async () => {
    const h = await start();
    const before = h.state();
    const startsAt = later(h, 10);
    const id = (await plan(h, { startsAt })).body.pause.id;
    expect((await h.call('POST', `/v1/pauses/${id}/resume`, {})).status).toBe(409);
    expect((await h.call('POST', `/v1/pauses/${id}/cancel`, { reason: 5 })).status).toBe(400);
    expect((await h.call('POST', `/v1/pauses/${id}/cancel`, { why: 'unknown field' })).status).toBe(400);
    expect((await h.call('POST', '/v1/pauses/pau_nope/cancel', {})).status).toBe(404);
    expect((await pauseOf(h, id)).state).toBe('planned');
    const cancelled = await h.call('POST', `/v1/pauses/${id}/cancel`, { reason: 'the verdict was postponed' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.pause).toMatchObject({ state: 'cancelled', schedule: { cancelled: { actor: { name: 'bootstrap (BOOTSTRAP_API_KEY)' } } } });
    await reach(h, later(h, 30));
    expect(h.state()).toEqual(before);
    expect((await h.call('POST', `/v1/pauses/${id}/cancel`, {})).status).toBe(409);
    expect(await actions(h, id)).toEqual(['pause.planned', 'pause.plan-cancelled']);

    const other = (await plan(h, { startsAt: later(h, 10) })).body.pause.id;
    await reach(h, later(h, 10));
    const late = await h.call('POST', `/v1/pauses/${other}/cancel`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/is active: only a planned pause can be cancelled/);
  });

  it('at endsAt of a severity-3 pause asks for the approval instead of acting: the planner cannot approve, another lead can', async () => {
    const h = await start({ config: (c) => ({ ...c, resume: { ...c.resume, approvalFrom: 3 } }) });
    const before = h.state();
    const dana = await lead(h, 'Dana');
    const sam = await lead(h, 'Sam');
    const [startsAt, endsAt] = [later(h, 10), later(h, 20)];
    const id = (await dana('POST', '/v1/pauses', { severity: 3, reason: 'trial verdict', startsAt, endsAt })).body.pause.id;
    await reach(h, startsAt);
    expect(liveIds(h.state())).toEqual([]);
    await reach(h, endsAt);
    expect(await pauseOf(h, id)).toMatchObject({ state: 'awaiting-approval', resume: null, approval: { actor: { name: 'Dana (planned)' }, source: 'schedule' } });
    expect(liveIds(h.state())).toEqual([]);
    expect((await dana('POST', `/v1/pauses/${id}/resume/approve`, {})).status).toBe(403);
    const approved = await sam('POST', `/v1/pauses/${id}/resume/approve?wait=true`, {});
    expect(approved.body.pause).toMatchObject({ state: 'resumed' });
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));
    // Asked once: a later look does not ask again.
    await reach(h, later(h, 5));
    expect((await actions(h, id)).filter((a) => a === 'pause.plan-ended')).toHaveLength(1);
  });

  it('starts and ends across restarts: due steps are carried out from the stored plan when the service starts again', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const a = await start({ dataDir });
    const before = a.state();
    const [startsAt, endsAt] = [later(a, 10), later(a, 20)];
    const id = (await plan(a, { severity: 3, startsAt, endsAt })).body.pause.id;
    await a.close();
    harnesses.splice(harnesses.indexOf(a), 1);

    // Down while it fell due: the next start catches up.
    a.clock.set(later(a, 12));
    const b = await start({ dataDir, clock: a.clock, sandbox: a.sandbox });
    await b.service.start();
    await b.service.pauses.idle();
    expect(await pauseOf(b, id)).toMatchObject({ state: 'active', schedule: { startedAt: b.clock.now().toISOString() } });
    expect(liveIds(b.state())).toEqual([]);
    await b.close();
    harnesses.splice(harnesses.indexOf(b), 1);

    b.clock.set(later(b, 30));
    const c = await start({ dataDir, clock: b.clock, sandbox: b.sandbox });
    await c.service.start();
    await c.service.pauses.idle();
    expect(await pauseOf(c, id)).toMatchObject({ state: 'resumed', schedule: { endRequestedAt: c.clock.now().toISOString() } });
    expect(comparableWorld(c.state())).toEqual(comparableWorld(before));
    expect(Date.parse(endsAt)).toBeLessThan(c.clock.now().getTime());
  });

  it('cancels a plan whose whole window passed while the service was down: nothing suspended', async () => {
    const dataDir = await tempDir();
    dirs.push(dataDir);
    const a = await start({ dataDir });
    const before = a.state();
    const id = (await plan(a, { startsAt: later(a, 10), endsAt: later(a, 20) })).body.pause.id;
    await a.close();
    harnesses.splice(harnesses.indexOf(a), 1);
    a.clock.set(later(a, 60));
    const b = await start({ dataDir, clock: a.clock, sandbox: a.sandbox });
    await b.service.start();
    expect(await pauseOf(b, id)).toMatchObject({ state: 'cancelled', schedule: { cancelled: { actor: { type: 'system' } }, startedAt: null } });
    expect(b.state()).toEqual(before);
  });

  it('blocks no pause before it starts, then joins (or escalates) the pause in force on its connections, its end left to people', async () => {
    const h = await start();
    const [startsAt, endsAt] = [later(h, 10), later(h, 20)];
    const planned = (await plan(h, { severity: 3, startsAt, endsAt })).body.pause.id;
    const now = await h.pause(1, { reason: 'a live one' });
    expect(now.id).not.toBe(planned);
    await reach(h, startsAt);
    expect(await pauseOf(h, planned)).toMatchObject({ state: 'joined', schedule: { joinedPauseId: now.id } });
    expect(await pauseOf(h, now.id)).toMatchObject({ state: 'active', severity: 3 });
    expect(liveIds(h.state())).toEqual([]);
    const started = ((await h.call('GET', `/v1/audit?pauseId=${planned}`)).body.data as Array<Record<string, any>>).find((e) => e.action === 'pause.plan-started');
    expect(started?.data).toMatchObject({ outcome: 'escalated', joinedPauseId: now.id, endsAtNotApplied: endsAt });
    await reach(h, endsAt);
    expect((await pauseOf(h, now.id)).state).toBe('active');
    expect((await h.call('POST', `/v1/pauses/${planned}/resume`, {})).status).toBe(409);
  });

  it('ends an immediate pause at its endsAt, and replays a planned request under the same Idempotency-Key', async () => {
    const h = await start();
    const before = h.state();
    const endsAt = later(h, 15);
    const paused = await h.call('POST', '/v1/pauses?wait=true', { severity: 1, reason: 'for a quarter of an hour', endsAt });
    expect(paused.body.pause).toMatchObject({ state: 'active', schedule: { startsAt: null, endsAt } });
    await reach(h, endsAt);
    expect((await pauseOf(h, paused.body.pause.id)).state).toBe('resumed');
    expect(comparableWorld(h.state())).toEqual(comparableWorld(before));

    const body = { severity: 2, reason: 'anniversary', startsAt: later(h, 60) };
    const first = await h.call('POST', '/v1/pauses', body, { 'idempotency-key': 'anniversary-1' });
    const again = await h.call('POST', '/v1/pauses', body, { 'idempotency-key': 'anniversary-1' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ outcome: 'replayed', pause: { id: first.body.pause.id, state: 'planned' } });
    expect((await h.call('POST', '/v1/pauses', { ...body, startsAt: later(h, 61) }, { 'idempotency-key': 'anniversary-1' })).status).toBe(422);
  });

  it('refuses bad times with a clear 4xx that changes nothing', async () => {
    const h = await start();
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{ startsAt: later(h, -1) }, 422, /startsAt must be in the future/],
      [{ startsAt: h.clock.now().toISOString() }, 422, /startsAt must be in the future/],
      [{ startsAt: later(h, 400 * 24 * 60) }, 422, /at most a year ahead/],
      [{ startsAt: later(h, 10), endsAt: later(h, 5) }, 422, /endsAt must be after startsAt/],
      [{ endsAt: later(h, -5) }, 422, /endsAt must be in the future/],
      [{ startsAt: 'next tuesday' }, 400, /startsAt/],
      [{ startsAt: 1764000000 }, 400, /startsAt/],
      [{ endsAt: '2026-13-01T00:00:00Z' }, 400, /endsAt/],
      [{ startsAt: later(h, -1), dryRun: true }, 422, /startsAt must be in the future/],
    ];
    for (const [extra, status, message] of cases) {
      const refused = await plan(h, extra);
      expect(refused.status, JSON.stringify(extra)).toBe(status);
      expect(JSON.stringify(refused.body.error), JSON.stringify(extra)).toMatch(message);
    }
    expect((await h.call('GET', '/v1/pauses')).body.data).toEqual([]);
    expect((await h.call('GET', '/v1/audit?limit=1000')).body.data.filter((e: { action: string }) => e.action.startsWith('pause.'))).toEqual([]);
  });
});
