// A listing goes on from its last good page: a page that fails is asked again, not the pages
// before it; a listing that fails for good keeps what it found (claimed and suspended) and says
// where it stopped, and a retry goes on from there.
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

/** Hootsuite listed five messages a page: the sandbox's 48 scheduled posts take about ten pages. */
const smallPages = (config: Config): Config => ({
  ...config,
  connections: config.connections.map((c) => (c.platform === 'hootsuite' ? { ...c, settings: { ...c.settings, pageSize: 5 } } : c)),
});

describe('listings resumed from the last good page', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const listingQueries = () =>
    h.sandbox.simulators
      .get('hootsuite-acme')!
      .requests.filter((r) => r.method === 'GET' && r.path === '/v1/messages')
      .map((r) => r.query);

  it('asks a failed page again, never the pages before it', async () => {
    h = await startHarness(server, { config: smallPages });
    const hootsuite = h.sandbox.simulators.get('hootsuite-acme')!;
    hootsuite.faults.inject({ kind: 'server-error', method: 'GET', path: /^\/v1\/messages$/, after: 4, times: 1 });
    const pause = await h.pause(1, { scope: { connections: ['hootsuite-acme'] } });
    expect(pause).toMatchObject({ state: 'active', complete: true });
    expect(pause.counts.byState.suspended).toBe(48);

    const queries = listingQueries();
    // Page 5 failed and was asked again at once, with the same window and cursor.
    expect(queries[5]).toBe(queries[4]);
    // Every other page was asked exactly once.
    expect(new Set(queries).size).toBe(queries.length - 1);
    expect(queries.length).toBeGreaterThan(8);
  });

  it('suspends each page as soon as it is claimed, while the listing goes on', async () => {
    h = await startHarness(server, { config: smallPages });
    const pause = await h.pause(1, { scope: { connections: ['hootsuite-acme'] } });
    expect(pause.counts.byState.suspended).toBe(48);
    const requests = h.sandbox.simulators.get('hootsuite-acme')!.requests;
    const firstDelete = requests.findIndex((r) => r.method === 'DELETE');
    const lastListing = requests.findLastIndex((r) => r.method === 'GET' && r.path === '/v1/messages');
    expect(firstDelete).toBeGreaterThan(0);
    expect(firstDelete).toBeLessThan(lastListing);
  });

  it('keeps what a failed listing found, says where it stopped, and a retry goes on from there', async () => {
    h = await startHarness(server, { config: smallPages });
    const hootsuite = h.sandbox.simulators.get('hootsuite-acme')!;
    hootsuite.faults.inject({ kind: 'server-error', method: 'GET', path: /^\/v1\/messages$/, after: 4, times: 1_000 });
    const pause = await h.pauseIncomplete(1, { scope: { connections: ['hootsuite-acme'] } });
    const listing = pause.listings[0];
    expect(listing).toMatchObject({ state: 'failed', found: 20, error: { code: 'server_error' }, resumeFrom: expect.any(String) });
    // What the first four pages found is held and suspended: not thrown away for the failure.
    expect(pause.counts.byState.suspended).toBe(20);
    expect(h.state()['hootsuite-acme']!.filter((r) => r.live)).toHaveLength(28);
    const failedQuery = listingQueries().at(-1);

    hootsuite.faults.clear();
    const before = listingQueries().length;
    const retried = await h.call('POST', `/v1/pauses/${pause.id}/retry?wait=true`);
    expect(retried.status).toBe(200);
    expect(retried.body.pause).toMatchObject({ state: 'active', complete: true });
    expect(retried.body.pause.listings[0]).toMatchObject({ state: 'done', found: 48, resumeFrom: null });
    expect(retried.body.pause.counts.byState.suspended).toBe(48);
    const earlier = new Set(listingQueries().slice(0, before));
    const retryQueries = listingQueries().slice(before);
    expect(retryQueries[0]).toBe(failedQuery);
    // None of the pages the first run had listed was asked again.
    expect(retryQueries.slice(1).filter((q) => earlier.has(q))).toEqual([]);
    expect(h.state()['hootsuite-acme']!.filter((r) => r.live)).toEqual([]);
  });
});
