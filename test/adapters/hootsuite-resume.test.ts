// Hootsuite listings go on from the last good page: across Hootsuite's cursors and its 4-week
// windows, without repeating a page or a message sitting on a window boundary.
import { beforeEach, describe, expect, it } from 'vitest';
import { hootsuite } from '../../adapters/hootsuite/adapter.js';
import { MAX_WINDOW_MS } from '../../adapters/hootsuite/operations-listing.js';
import { createHootsuiteSimulator, type HootsuiteSimulator } from '../../adapters/hootsuite/simulator.js';
import type { AdapterClient, ListPage } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock, MINUTE } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';

const BASE_URL = 'https://platform.hootsuite.com';
const TOKEN = 'hs-resume-token-0042';
const FACEBOOK = '115185509';

describe('hootsuite listing resumes from the last good page', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: HootsuiteSimulator;
  let client: AdapterClient;

  beforeEach(() => {
    clock = new ManualClock();
    sim = createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [FACEBOOK], seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
    client = hootsuite.connect({ connectionId: 'hs', accountIds: [], settings: { lookaheadWeeks: 8, pageSize: 2 }, credentials: { accessToken: TOKEN }, timeoutMs: 2_000, clock });
  });

  const schedule = (count: number, from: number, step: number) =>
    Array.from({ length: count }, (_, i) => sim.world.addMessage({ profileId: FACEBOOK, state: 'SCHEDULED', text: `Post ${from + i * step}`, scheduledSendTime: new Date(clock.now().getTime() + from + i * step).toISOString() }).id);
  const listings = () => sim.requests.filter((r) => r.method === 'GET' && r.path === '/v1/messages').map((r) => new URLSearchParams(r.query));

  async function pagesOf(from?: string): Promise<{ pages: ListPage[]; error: unknown }> {
    const pages: ListPage[] = [];
    try {
      for await (const page of client.listLive('post', from)) pages.push(page);
      return { pages, error: null };
    } catch (error) {
      return { pages, error };
    }
  }

  it('after page 3 fails, goes on from page 2 with pages 3 and on, repeating neither page 1 nor 2', async () => {
    // Five messages in the first window (pages of 2, 2, 1), three in the second (2, 1).
    const ids = [...schedule(5, HOUR, HOUR), ...schedule(3, MAX_WINDOW_MS + DAY, HOUR)];
    sim.faults.inject({ kind: 'server-error', method: 'GET', path: /^\/v1\/messages$/, after: 2 });
    const failed = await pagesOf();
    expect(failed.error).toMatchObject({ code: 'server_error', isRetryable: true });
    expect(failed.pages).toHaveLength(2);
    const before = listings().length;

    const resumed = await pagesOf(failed.pages[1]!.next!);
    expect(resumed.error).toBeNull();
    const all = [...failed.pages, ...resumed.pages].flatMap((p) => p.items.map((i) => i.externalId));
    expect(all).toEqual(ids);
    // The resumed listing asked for page 3 again (the very request that failed, with page 2's
    // cursor), and never for pages 1–2.
    const [first, second, failedThird] = listings();
    const again = listings().slice(before);
    expect(again[0]!.toString()).toBe(failedThird!.toString());
    expect(again[0]!.get('cursor')).toMatch(/^\d+:\d+:0$/);
    for (const earlier of [first!, second!]) expect(again.map(String)).not.toContain(earlier.toString());
    expect(resumed.pages.at(-1)!.next).toBeNull();
  });

  it('keeps the windows of the first listing when it goes on later, and lists a boundary message once', async () => {
    const boundary = clock.now().getTime() + MAX_WINDOW_MS;
    const [onEdge] = schedule(1, MAX_WINDOW_MS, 0);
    schedule(2, MAX_WINDOW_MS + HOUR, HOUR);
    const { pages } = await pagesOf();
    // The page that ends the first window is where a later listing goes on from.
    const endOfFirst = pages.findIndex((p) => p.items.some((i) => i.externalId === onEdge));
    clock.advance(30 * MINUTE); // "now" moved on: the resumed listing must not shift its windows
    const resumed = await pagesOf(pages[endOfFirst]!.next!);
    const ids = [...pages.slice(0, endOfFirst + 1), ...resumed.pages].flatMap((p) => p.items.map((i) => i.externalId));
    expect(ids.filter((id) => id === onEdge)).toHaveLength(1);
    expect(new Set(ids).size).toBe(3);
    const resumedQueries = listings().slice(-resumed.pages.length);
    expect(Date.parse(resumedQueries[0]!.get('startTime')!)).toBe(boundary);
  });

  it('refuses a position from another listing', async () => {
    await expect(pagesOf('eyJ2IjoxfQ')).resolves.toMatchObject({ error: expect.objectContaining({ code: 'invalid_request', isRetryable: false }) });
  });
});
