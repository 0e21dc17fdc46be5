// facebook-pages listing: cursor pages of the scheduled_posts edge, resumed from any page; only
// what is still to go out; the simulator answers a page without reading the whole Page.
import { describe, expect, it } from 'vitest';
import type { LiveItem } from '../../adapters/types.js';
import { DAY, HOUR } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { PAGE, seedScheduled, setup } from './facebook-pages-fixture.js';
import { listAll } from './live-items.js';

describe('facebook-pages listing', () => {
  const server = useMsw();

  it('follows the cursor over several pages, the token never in the URL, and resumes from a page', async () => {
    const { client, sim, clock } = setup(server);
    const ids = seedScheduled(sim, clock, 45);
    const pages: Array<{ items: LiveItem[]; next: string | null }> = [];
    for await (const page of client.listLive('post')) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages.flatMap((p) => p.items.map((i) => i.externalId))).toEqual(ids);

    const listings = sim.requests.filter((r) => r.path === `/v25.0/${PAGE}/scheduled_posts`);
    const queries = listings.map((r) => new URLSearchParams(r.query));
    expect(queries.map((q) => q.get('after') !== null)).toEqual([false, true, true]);
    expect(new Set(queries.map((q) => q.get('after'))).size).toBe(3);
    for (const q of queries) {
      expect(q.get('limit')).toBe('20');
      expect(q.has('access_token')).toBe(false);
    }

    // a listing that failed after page 1 goes on from it, and lists nothing twice
    const rest: LiveItem[] = [];
    for await (const page of client.listLive('post', pages[0]!.next!)) rest.push(...page.items);
    expect(rest.map((i) => i.externalId)).toEqual(ids.slice(20));
  });

  it('lists what is still to go out: not drafts, published posts, or posts whose time has come', async () => {
    const { client, sim, clock } = setup(server);
    const soon = sim.world.addPost({ message: 'In an hour', scheduledAt: new Date(clock.now().getTime() + HOUR) });
    const later = sim.world.addPost({ message: 'Tomorrow', link: 'https://acme.example/t', scheduledAt: new Date(clock.now().getTime() + DAY) });
    sim.world.addPost({ message: 'A draft', published: false });
    sim.world.addPost({ message: 'Out already', published: true });
    const listed = await listAll(client, 'post');
    expect(listed.map((i) => i.externalId)).toEqual([soon, later]);
    expect(listed[1]).toMatchObject({ kind: 'post', method: 'delete', objectType: 'page post', status: 'SCHEDULED', title: 'Tomorrow', scheduledAt: new Date(clock.now().getTime() + DAY).toISOString() });
    expect(listed[1]!.snapshot).toMatchObject({ pageId: PAGE, recreatable: true, content: { message: 'Tomorrow', link: 'https://acme.example/t' } });

    clock.advance(2 * HOUR); // Meta published the first one
    expect((await listAll(client, 'post')).map((i) => i.externalId)).toEqual([later]);
    expect(sim.state().find((r) => r.id === soon)).toMatchObject({ status: 'PUBLISHED', live: false });
  });

  it('walks a large Page to its end in order, each page read lazily from the time index', async () => {
    const { connect, sim, clock } = setup(server);
    const ids = seedScheduled(sim, clock, 3_000);
    const client = connect({ settings: { pageSize: 100 } });
    const pages: string[][] = [];
    for await (const page of client.listLive('post')) pages.push(page.items.map((i) => i.externalId));
    expect(pages).toHaveLength(30);
    expect(pages.flat()).toEqual(ids);
    // the edge's source is a generator over the index: a page of 100 reads 101 posts, not 3,000
    let read = 0;
    for (const _post of sim.world.upcoming(PAGE, null)) if (++read > 100) break;
    expect(read).toBe(101);
  });

  it('refuses a next token of another platform or kind', async () => {
    const { client } = setup(server);
    const foreign = Buffer.from(JSON.stringify({ platform: 'meta-ads', kind: 'ad', position: { account: 0, after: null } })).toString('base64url');
    await expect(listAll({ ...client, listLive: (kind) => client.listLive(kind, foreign) }, 'post')).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
