// The Buffer simulator's sandbox seed and world: each sandbox connection (its organization) gets
// its own brand's week, the same every time; live posts plus what must stay untouched; the world
// round-trips through its export; time sends what is due unless a person paused the queue.
import { describe, expect, it, vi } from 'vitest';
import { ACME_ORG, GLOBEX_ORG } from '../../adapters/buffer/seed.js';
import { createBufferSimulator } from '../../adapters/buffer/simulator.js';
import { SortedIndex } from '../../adapters/kit/simulator/sorted-index.js';
import { DAY, ManualClock, MINUTE } from '../support/clock.js';

const sandbox = (org: string, clock = new ManualClock()) => createBufferSimulator({ clock, credentials: { apiKey: 'buf_sandbox_not_a_secret' }, accountIds: [org], seed: 'sandbox' });

describe('buffer simulator', () => {
  it('seeds a distinct, deterministic week per connection, with posts that must stay untouched', () => {
    const acme = sandbox(ACME_ORG);
    const globex = sandbox(GLOBEX_ORG);
    expect(sandbox(ACME_ORG).state()).toEqual(acme.state());
    const ids = (s: typeof acme) => new Set(s.state().map((r) => r.id));
    expect([...ids(acme)].filter((id) => ids(globex).has(id))).toEqual([]);
    expect(acme.state().map((r) => r.fingerprint)).not.toEqual(globex.state().map((r) => r.fingerprint));
    for (const sim of [acme, globex]) {
      const rows = sim.state();
      expect(rows.filter((r) => r.live)).toHaveLength(14);
      const statuses = rows.filter((r) => !r.live).map((r) => r.status).sort();
      // sent ×3, drafts ×2, one awaiting approval, two scheduled on a queue a person paused
      expect(statuses).toEqual(['draft', 'draft', 'needs_approval', 'scheduled', 'scheduled', 'sent', 'sent', 'sent']);
      const now = new ManualClock().now().getTime();
      for (const r of rows.filter((x) => x.live)) expect(Date.parse(r.scheduledAt!)).toBeGreaterThanOrEqual(now + 2 * 3_600_000);
    }
    expect(globex.world.channelsOf(GLOBEX_ORG).map((c) => c.service)).toContain('threads');
  });

  it('sends what is due as time passes, except on a paused queue, and loads its export back whole', () => {
    const clock = new ManualClock();
    const sim = sandbox(ACME_ORG, clock);
    clock.advance(8 * DAY);
    const rows = sim.state();
    expect(rows.filter((r) => r.live)).toEqual([]);
    expect(rows.filter((r) => r.status === 'scheduled')).toHaveLength(2);
    const loaded = createBufferSimulator({ clock, credentials: {}, accountIds: [ACME_ORG], seed: 'sandbox', world: sim.exportWorld() });
    expect(loaded.state()).toEqual(rows);
  });

  it('reads as many posts per request in a world of 20,000 as in one of 500: pages come from indexes', async () => {
    const KEY = 'buf_sandbox_not_a_secret';
    const readsPerRound = async (size: number): Promise<number> => {
      const clock = new ManualClock();
      const sim = createBufferSimulator({ clock, credentials: { apiKey: KEY }, accountIds: [ACME_ORG], seed: 'empty' });
      const channel = sim.world.addChannel({ organizationId: ACME_ORG, service: 'linkedin', name: 'acme' });
      const start = clock.now().getTime() + DAY;
      const ids = Array.from({ length: size }, (_, i) => sim.world.addPost({ channelId: channel.id, text: `Post ${i}`, schedulingType: 'automatic', assets: [], status: 'scheduled', dueAt: new Date(start + i * MINUTE).toISOString() }).id);
      const gql = (query: string, variables: unknown) =>
        sim.fetch(new Request('https://api.buffer.com/', { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }));
      const reads = vi.spyOn(SortedIndex.prototype, 'at');
      for (const id of ids.slice(0, 10)) {
        await gql('query($i: PostsInput!) { posts(input: $i, first: 50) { edges { node { id } } pageInfo { endCursor } } }', { i: { organizationId: ACME_ORG, filter: { status: ['scheduled'] } } });
        await gql('query($i: PostInput!) { post(input: $i) { id } }', { i: { id } });
        await gql('mutation($i: DeletePostInput!) { deletePost(input: $i) { __typename } }', { i: { id } });
        await gql('mutation($i: CreatePostInput!) { createPost(input: $i) { __typename } }', { i: { channelId: channel.id, text: 'again', schedulingType: 'automatic', mode: 'customScheduled', dueAt: new Date(start + 3 * DAY).toISOString() } });
      }
      const count = reads.mock.calls.length;
      reads.mockRestore();
      return count;
    };
    const small = await readsPerRound(500);
    // ten pages of 50 (and a look past each) were read: the spy sees the reads
    expect(small).toBeGreaterThan(500);
    expect(await readsPerRound(20_000)).toBe(small);
  }, 60_000);
});
