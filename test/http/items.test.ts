// GET /v1/pauses/:id/items: filters by state, kind and connection; cursor pagination; no snapshot.
import { afterEach, describe, expect, it } from 'vitest';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';
import { expectError } from './assertions.js';

type Page = { data: Array<Record<string, any>>; nextCursor: string | null };

describe('GET /v1/pauses/:id/items', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const page = async (pauseId: string, query: string): Promise<Page> => {
    const reply = await h.call('GET', `/v1/pauses/${pauseId}/items${query}`);
    expect(reply.status, reply.text).toBe(200);
    expect(Object.keys(reply.body).sort()).toEqual(['data', 'nextCursor']);
    return reply.body;
  };

  /** Follows nextCursor to the end; checks no page is over `limit`. */
  async function walk(pauseId: string, query: string, limit: number) {
    const seen: Array<Record<string, any>> = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const current: Page = await page(pauseId, `?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(current.data.length).toBeLessThanOrEqual(limit);
      seen.push(...current.data);
      cursor = current.nextCursor;
      pages++;
      expect(pages).toBeLessThan(1000);
    } while (cursor);
    return { seen, pages };
  }

  it('lists every item in planned order, without the snapshot', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    // The seeded sandbox holds fewer live items than the default page of 100: one page.
    expect(pause.counts.total).toBeLessThan(100);
    const all = await page(pause.id, '');
    expect(all.nextCursor).toBeNull();
    const stored = await h.store.itemsOfPause(pause.id);
    expect(all.data.map((i) => i.id)).toEqual(stored.map((i) => i.id));
    for (const item of all.data) {
      expect(item).not.toHaveProperty('snapshot');
      expect(item).toMatchObject({ pauseId: pause.id, state: 'suspended', externalId: expect.any(String), fingerprint: expect.any(String) });
    }
    // Nothing of the snapshot leaks under another name either.
    const snapshot = JSON.stringify(stored[0]!.snapshot);
    expect(snapshot.length).toBeGreaterThan(2);
    expect(JSON.stringify(all)).not.toContain(snapshot);
  });

  it('walks the pages with the cursor: every item once, in order', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    const { seen, pages } = await walk(pause.id, '', 7);
    expect(seen.map((i) => i.id)).toEqual((await h.store.itemsOfPause(pause.id)).map((i) => i.id));
    expect(pages).toBe(Math.ceil(pause.counts.total / 7));
  });

  it('filters by kind, by connection and by state, and pages within a filter', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    const stored = await h.store.itemsOfPause(pause.id);
    for (const kind of ['post', 'ad', 'email'] as const) {
      const { seen } = await walk(pause.id, `&kind=${kind}`, 5);
      expect(seen.map((i) => i.id)).toEqual(stored.filter((i) => i.kind === kind).map((i) => i.id));
      expect(seen.length).toBeGreaterThan(0);
    }
    const meta = await page(pause.id, '?connection=meta-ads-acme&limit=1000');
    expect(meta.data.map((i) => i.id)).toEqual(stored.filter((i) => i.connectionId === 'meta-ads-acme').map((i) => i.id));
    expect((await page(pause.id, '?connection=nobody')).data).toEqual([]);
    expect((await page(pause.id, '?state=restored')).data).toEqual([]);
    expect((await page(pause.id, '?state=suspended&limit=1000')).data).toHaveLength(stored.length);
  });

  it('filters by state after a partial resume, combined with kind', async () => {
    h = await startHarness(server);
    const pause = await h.pause(3);
    const [first, second] = await h.items(pause.id, '&kind=ad');
    await h.resume(pause.id, { items: [first!.id, second!.id] });
    const restored = await page(pause.id, '?state=restored');
    expect(restored.data.map((i) => i.id).sort()).toEqual([first!.id, second!.id].sort());
    expect((await page(pause.id, '?state=restored&kind=post')).data).toEqual([]);
    expect((await page(pause.id, '?state=restored&kind=ad&connection=meta-ads-acme')).data).toHaveLength(2);
  });

  it('refuses a cursor of another list, and one that is not a cursor', async () => {
    h = await startHarness(server);
    const a = await h.pause(1, { scope: { connections: ['hootsuite-acme'] } });
    const b = await h.pause(2, { scope: { connections: ['meta-ads-acme'] } });
    const fromA = (await page(a.id, '?limit=1')).nextCursor!;
    expectError(await h.call('GET', `/v1/pauses/${b.id}/items?cursor=${fromA}`), 400, 'invalid_request');
    expectError(await h.call('GET', `/v1/pauses/${a.id}/items?cursor=not-a-cursor`), 400, 'invalid_request');
    // A cursor is a place in the pause's order (keyset), not a row: it holds across filters.
    const filtered = (await page(a.id, '?limit=1&state=suspended')).nextCursor!;
    expect((await page(a.id, `?cursor=${filtered}`)).data.length).toBe(a.counts.total - 1);
    expect((await page(a.id, `?cursor=${filtered}&state=restored`)).data).toEqual([]);
  });
});
