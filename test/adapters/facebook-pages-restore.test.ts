// facebook-pages restore: re-created exactly (content and time, new id recorded), Meta's
// scheduling window enforced, nothing posted twice after an unclear answer (photo posts:
// facebook-pages-photos.test.ts).
import { describe, expect, it } from 'vitest';
import { facebookPages } from '../../adapters/facebook-pages/adapter.js';
import type { SimPost } from '../../adapters/facebook-pages/simulator-world.js';
import type { Outcome, RestoreRequest } from '../../adapters/types.js';
import { DAY, MINUTE } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { PAGE, seedScheduled, setup } from './facebook-pages-fixture.js';
import { listAll, toRef } from './live-items.js';

const content = ({ id: _id, created_time: _c, updated_time: _u, ...rest }: SimPost) => rest;
const newIdOf = (o: Outcome | undefined): string => (o?.kind === 'ok' && o.newExternalId) || '';

describe('facebook-pages restore', () => {
  const server = useMsw();

  it('re-creates each post with the same content and time, records old → new, touches nothing else', async () => {
    const { client, sim, clock } = setup(server);
    const ids = seedScheduled(sim, clock, 12);
    const draft = sim.world.addPost({ message: 'Draft', published: false });
    const published = sim.world.addPost({ message: 'Out', link: 'https://acme.example/o', published: true });
    const originals = new Map(ids.map((id) => [id, content(sim.world.post(id)!)]));
    const untouched = [sim.world.post(draft), sim.world.post(published)];

    const listed = await listAll(client, 'post');
    expect((await client.suspend(listed.map(toRef))).every((o) => o.kind === 'ok' && o.status === 'DELETED')).toBe(true);
    for (const id of ids) expect(sim.world.post(id)).toBeUndefined();

    clock.advance(30 * MINUTE);
    const outcomes = await client.restore(listed.map((i) => ({ ...toRef(i), scheduledAt: i.scheduledAt, mayExist: false })));
    for (const [k, item] of listed.entries()) {
      const outcome = outcomes[k]!;
      expect(outcome).toMatchObject({ kind: 'ok', externalId: item.externalId, status: 'SCHEDULED' });
      const recreated = sim.world.post(newIdOf(outcome))!;
      expect(recreated.id).not.toBe(item.externalId);
      expect(content(recreated)).toEqual(originals.get(item.externalId));
    }
    expect([sim.world.post(draft), sim.world.post(published)]).toEqual(untouched);
  });

  it('lets Meta refuse a time less than 10 minutes ahead (a missed item), and posts nothing', async () => {
    expect(facebookPages.minLeadMs).toBeGreaterThanOrEqual(10 * MINUTE);
    expect(facebookPages.normalizeScheduleTime(new Date('2026-11-21T10:00:00.200Z')).toISOString()).toBe('2026-11-21T10:00:01.000Z');
    const { client, sim, clock } = setup(server);
    seedScheduled(sim, clock, 2);
    const listed = await listAll(client, 'post');
    await client.suspend(listed.map(toRef));
    const tooSoon = new Date(clock.now().getTime() + 5 * MINUTE).toISOString();
    const tooFar = new Date(clock.now().getTime() + 200 * DAY).toISOString();
    const outcomes = await client.restore([
      { ...toRef(listed[0]!), scheduledAt: tooSoon, mayExist: false },
      { ...toRef(listed[1]!), scheduledAt: tooFar, mayExist: false },
    ]);
    expect(outcomes[0]).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false, vendorCode: '100' } });
    expect(outcomes[0]!.kind === 'error' && outcomes[0]!.error.message).toMatch(/at least 10 minutes in the future/);
    expect(outcomes[1]).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false } });
    expect(sim.state()).toEqual([]);
  });

  it('refuses a restore without a send time: a Page post is never published at once', async () => {
    const { client, sim, clock } = setup(server);
    seedScheduled(sim, clock, 1);
    const [item] = await listAll(client, 'post');
    const before = sim.requests.length;
    const [outcome] = await client.restore([{ ...toRef(item!), scheduledAt: null, mayExist: false }]);
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false } });
    expect(sim.requests.length).toBe(before);
  });

  it('adopts the post an unclear create made instead of posting twice', async () => {
    const { client, sim, clock } = setup(server);
    const [id] = seedScheduled(sim, clock, 1);
    const [item] = await listAll(client, 'post');
    await client.suspend([toRef(item!)]);
    // the create runs on Meta's side, but its batch element comes back null
    sim.world.injectBatchItemFault(PAGE, { kind: 'incomplete', applied: true });
    const request: RestoreRequest = { ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: false };
    const [unclear] = await client.restore([request]);
    expect(unclear).toMatchObject({ kind: 'error', error: { ambiguous: true } });
    expect(sim.state()).toHaveLength(1);
    const [adopted] = await client.restore([{ ...request, mayExist: true }]);
    expect(adopted).toMatchObject({ kind: 'ok', note: expect.stringMatching(/adopted/) });
    expect(newIdOf(adopted)).toBe(sim.state()[0]!.id);
    expect(newIdOf(adopted)).not.toBe(id);
    expect(sim.state()).toHaveLength(1);
  });

  it('creates when a possible earlier restore never reached Meta', async () => {
    const { client, sim, clock } = setup(server);
    seedScheduled(sim, clock, 1);
    const [item] = await listAll(client, 'post');
    await client.suspend([toRef(item!)]);
    sim.world.injectBatchItemFault(PAGE, { kind: 'incomplete', applied: false });
    const request: RestoreRequest = { ...toRef(item!), scheduledAt: item!.scheduledAt, mayExist: false };
    expect((await client.restore([request]))[0]).toMatchObject({ kind: 'error', error: { ambiguous: true } });
    expect(sim.state()).toEqual([]);
    const [created] = await client.restore([{ ...request, mayExist: true }]);
    expect(created).toMatchObject({ kind: 'ok', status: 'SCHEDULED' });
    expect(created!.kind === 'ok' && created!.note).toBeFalsy();
    expect(sim.state()).toHaveLength(1);
  });

  it('refuses items of another Page or of another adapter before any request', async () => {
    const { client, sim, clock } = setup(server);
    seedScheduled(sim, clock, 1);
    const [item] = await listAll(client, 'post');
    const other = { ...toRef(item!), externalId: '104180000000002_1', snapshot: { ...item!.snapshot, pageId: '104180000000002' } };
    const foreign = { ...toRef(item!), objectType: 'campaign', method: 'status' as const };
    const before = sim.requests.length;
    const outcomes = await client.suspend([other, foreign]);
    expect(outcomes.map((o) => o.kind === 'error' && o.error.code)).toEqual(['invalid_request', 'invalid_request']);
    expect(sim.requests.length).toBe(before);
    expect(sim.state()).toHaveLength(1);
  });
});
