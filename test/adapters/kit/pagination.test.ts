// Listings that resume from the last good page: a failure on page 3 costs page 3, not 1–3.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeNext, encodeNext, listPages, paged, pagedListLive, type PagedListing } from '../../../adapters/kit/pagination.js';
import type { ListPage, LiveItem } from '../../../adapters/types.js';

const item = (n: number): LiveItem => ({
  externalId: String(n),
  kind: 'post',
  method: 'delete',
  objectType: 'message',
  title: `post ${n}`,
  status: 'SCHEDULED',
  scheduledAt: null,
  fingerprint: `fp-${n}`,
  snapshot: {},
});

/** A vendor with 5 pages of 2 items behind a cursor "c<page>"; `failOn` pages fail once. */
function vendorListing(failOn: Set<number>, fetched: number[]): PagedListing<{ cursor: string }> {
  return {
    position: z.object({ cursor: z.string() }),
    first: () => ({ cursor: 'c1' }),
    async fetch({ cursor }) {
      const page = Number(cursor.slice(1));
      fetched.push(page);
      if (failOn.delete(page)) throw new Error(`page ${page} failed`);
      return { items: [item(page * 10), item(page * 10 + 1)], next: page < 5 ? { cursor: `c${page + 1}` } : null };
    },
  };
}

async function collect(pages: AsyncIterable<ListPage>, into: ListPage[]): Promise<void> {
  for await (const page of pages) into.push(page);
}

describe('resumable listings', () => {
  it('goes on after the last good page when page 3 fails, without repeating pages 1 and 2', async () => {
    const fetched: number[] = [];
    const listing = vendorListing(new Set([3]), fetched);
    const got: ListPage[] = [];
    await expect(collect(listPages('demo', 'post', listing), got)).rejects.toThrow('page 3 failed');
    expect(got.map((p) => p.items.map((i) => i.externalId))).toEqual([['10', '11'], ['20', '21']]);

    const resumed: ListPage[] = [];
    await collect(listPages('demo', 'post', listing, got[1]!.next!), resumed);
    expect(resumed.map((p) => p.items.map((i) => i.externalId))).toEqual([['30', '31'], ['40', '41'], ['50', '51']]);
    expect(fetched).toEqual([1, 2, 3, 3, 4, 5]);
    expect(resumed.at(-1)!.next).toBeNull();
  });

  it('makes opaque tokens that only the same platform and kind accept', () => {
    const schema = z.object({ cursor: z.string() });
    const token = encodeNext('demo', 'post', { cursor: 'c2' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeNext('demo', 'post', token, schema)).toEqual({ cursor: 'c2' });
    for (const [platform, kind, t] of [['other', 'post', token], ['demo', 'ad', token], ['demo', 'post', 'not-a-token']] as const) {
      expect(() => decodeNext(platform, kind, t, schema)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    }
    expect(() => decodeNext('demo', 'post', encodeNext('demo', 'post', { cursor: 7 }), schema)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
  });

  it('fails loudly when the vendor hands back a cursor it already gave', async () => {
    const looping: PagedListing<{ cursor: string }> = {
      position: z.object({ cursor: z.string() }),
      first: () => ({ cursor: 'a' }),
      fetch: async ({ cursor }) => ({ items: [item(1)], next: { cursor: cursor === 'a' ? 'b' : 'a' } }),
    };
    const got: ListPage[] = [];
    await expect(collect(listPages('demo', 'post', looping), got)).rejects.toMatchObject({ code: 'unexpected_response', isRetryable: true });
    expect(got).toHaveLength(1);
  });

  it('lists nothing for a kind the adapter does not list, and builds each listing afresh', async () => {
    let made = 0;
    const listLive = pagedListLive('demo', { post: paged(() => (made++, vendorListing(new Set(), []))) });
    const ads: ListPage[] = [];
    await collect(listLive('ad'), ads);
    expect(ads).toEqual([]);
    const posts: ListPage[] = [];
    await collect(listLive('post'), posts);
    await collect(listLive('post', posts[3]!.next!), posts);
    expect(posts.map((p) => p.items[0]!.externalId)).toEqual(['10', '20', '30', '40', '50', '50']);
    expect(made).toBe(2);
  });
});
