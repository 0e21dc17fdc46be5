// GET /v1/pauses (newest first, state filter, limit, cursor) and GET /v1/pauses/:id (counts).
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

describe('reading pauses', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  /** Three pauses on three scopes, a minute apart, the first one resumed. */
  async function threePauses() {
    h = await startHarness(server);
    const ids: string[] = [];
    for (const connection of ['hootsuite-acme', 'meta-ads-acme', 'mailchimp-acme']) {
      ids.push((await h.pause(3, { scope: { connections: [connection] } })).id);
      h.clock.advance(60_000);
    }
    await h.resume(ids[0]!);
    return ids;
  }

  const list = async (query = '') => {
    const reply = await h.call('GET', `/v1/pauses${query}`);
    expect(reply.status, reply.text).toBe(200);
    return reply.body as { data: Array<Record<string, any>>; nextCursor: string | null };
  };

  it('lists newest first, each pause with its counts', async () => {
    const ids = await threePauses();
    const page = await list();
    expect(page.data.map((p) => p.id)).toEqual([...ids].reverse());
    expect(page.nextCursor).toBeNull();
    for (const pause of page.data) expect(pause.counts.total).toBeGreaterThan(0);
  });

  it('filters by state', async () => {
    const ids = await threePauses();
    expect((await list('?state=active')).data.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    expect((await list('?state=resumed')).data.map((p) => p.id)).toEqual([ids[0]]);
    expect((await list('?state=suspending')).data).toEqual([]);
    expect((await h.call('GET', '/v1/pauses?state=planning')).status).toBe(400);
  });

  it('pages with limit and cursor until nextCursor is null', async () => {
    const ids = await threePauses();
    const first = await list('?limit=2');
    expect(first.data.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.data.map((p) => p.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    // A page that ends exactly at the end has no next cursor either.
    expect((await list('?limit=3')).nextCursor).toBeNull();
  });

  it('combines a state filter with a cursor', async () => {
    const ids = await threePauses();
    const first = await list('?state=active&limit=1');
    expect(first.data.map((p) => p.id)).toEqual([ids[2]]);
    const second = await list(`?state=active&limit=1&cursor=${first.nextCursor}`);
    expect(second.data.map((p) => p.id)).toEqual([ids[1]]);
    expect(second.nextCursor).toBeNull();
  });

  it('defaults to 50 per page and takes up to 200', async () => {
    h = await startHarness(server);
    expect((await list()).data).toEqual([]);
    expect((await list('?limit=200')).nextCursor).toBeNull();
    expect((await h.call('GET', '/v1/pauses?limit=201')).status).toBe(400);
  });

  it('GET /v1/pauses/:id counts items by state and by connection', async () => {
    h = await startHarness(server);
    const paused = await h.pause(3);
    const reply = await h.call('GET', `/v1/pauses/${paused.id}`);
    expect(reply.status).toBe(200);
    const pause = reply.body;
    expect(pause).toMatchObject({ id: paused.id, state: 'active', severity: 3, reason: 'test crisis', resume: null });
    const items = await h.items(pause.id);
    expect(pause.counts.total).toBe(items.length);
    expect(pause.counts.byState).toMatchObject({ suspended: items.length, restored: 0, failed: 0, missed: 0 });
    // Every state is present in byState, so a console can render zeros.
    expect(Object.keys(pause.counts.byState).sort()).toEqual(
      ['drifted', 'failed', 'handed-over', 'kept', 'missed', 'planned', 'restored', 'skipped', 'suspended'],
    );
    for (const connection of ['hootsuite-acme', 'meta-ads-acme', 'mailchimp-acme']) {
      const own = items.filter((i) => i.connectionId === connection).length;
      expect(own).toBeGreaterThan(0);
      expect(pause.counts.byConnection[connection]).toEqual({ total: own, byState: { suspended: own } });
    }
    expect(pause.listings).toHaveLength(3);
  });

  it('counts follow the items through a resume', async () => {
    h = await startHarness(server);
    const paused = await h.pause(1, { scope: { connections: ['hootsuite-acme'] } });
    await h.resume(paused.id);
    const pause = (await h.call('GET', `/v1/pauses/${paused.id}`)).body;
    expect(pause.state).toBe('resumed');
    expect(pause.counts.byState.restored).toBe(paused.counts.total);
    expect(pause.counts.byConnection).toEqual({ 'hootsuite-acme': { total: paused.counts.total, byState: { restored: paused.counts.total } } });
    expect(pause.resume).toMatchObject({ missed: 'hold', source: 'api' });
    expect(pause.work).toEqual([]);
  });
});
