// google-ads: the shared contract on the simulator through msw, plus listing edge cases.
import { beforeEach, describe, expect, it } from 'vitest';
import { googleAds } from '../../adapters/google-ads/adapter.js';
import type { GoogleAdsSimulator } from '../../adapters/google-ads/simulator.js';
import { DAY } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { runAdapterContract } from './contract.js';
import { BASE_URL, CREDENTIALS, CUSTOMERS, setUp, TOKEN_URL, type Setup } from './google-ads-fixture.js';
import { listAll, toRef } from './live-items.js';

runAdapterContract({
  adapter: googleAds,
  baseUrl: BASE_URL,
  credentials: CREDENTIALS,
  accountIds: CUSTOMERS,
  // Basic access: suspends and restores 1,000 campaigns a call, so 1,005 live ones make two batches.
  settings: { accessLevel: 'basic', oauthTokenUrl: TOKEN_URL },
  seed(simulator, clock) {
    const sim = simulator as GoogleAdsSimulator;
    const now = clock.now().getTime();
    const [first, second] = [sim.world.addCustomer(CUSTOMERS[0]!), sim.world.addCustomer(CUSTOMERS[1]!)];
    for (let i = 0; i < 1_005; i++) {
      sim.world.addCampaign({
        customerId: i % 2 === 0 ? first : second,
        name: `Contract campaign ${i}`,
        advertisingChannelType: i % 3 === 0 ? 'PERFORMANCE_MAX' : 'SEARCH',
        startDateTime: new Date(now + (i === 7 ? 2 * DAY : -DAY)), // one starts later: still live
        endDateTime: i % 4 === 0 ? new Date(now + 30 * DAY) : null,
      });
    }
    sim.world.addCampaign({ customerId: first, name: 'Paused by a person', status: 'PAUSED' });
    sim.world.addCampaign({ customerId: second, name: 'Removed long ago', status: 'REMOVED' });
    sim.world.addCampaign({ customerId: first, name: 'Ended last week', startDateTime: new Date(now - 30 * DAY), endDateTime: new Date(now - 7 * DAY) });
  },
});

describe('google-ads listing', () => {
  const server = useMsw();
  let t: Setup;
  beforeEach(() => {
    t = setUp(server);
  });

  it('lists ENABLED campaigns that have not ended, customer by customer, and nothing people paused or removed', async () => {
    const [first, second] = CUSTOMERS.map((c) => t.sim.world.addCustomer(c));
    const live = t.sim.world.addCampaign({ customerId: first, name: 'Live' });
    const later = t.sim.world.addCampaign({ customerId: second, name: 'Starts Friday', startDateTime: new Date(t.clock.now().getTime() + 3 * DAY) });
    t.sim.world.addCampaign({ customerId: first, name: 'Paused', status: 'PAUSED' });
    t.sim.world.addCampaign({ customerId: second, name: 'Removed', status: 'REMOVED' });
    const ending = t.sim.world.addCampaign({ customerId: first, name: 'Flash sale', endDateTime: new Date(t.clock.now().getTime() + DAY) });

    const items = await listAll(t.client, 'ad');
    expect(items.map((i) => i.externalId).sort()).toEqual([live, later, ending].sort());
    expect(items.find((i) => i.externalId === later)).toMatchObject({ status: 'ENABLED', scheduledAt: null, snapshot: { customerId: '2345678901', servingStatus: 'PENDING' } });
    t.clock.advance(2 * DAY);
    expect((await listAll(t.client, 'ad')).map((i) => i.externalId).sort()).toEqual([live, later].sort());
    expect(t.sim.state().find((r) => r.id === ending)).toMatchObject({ status: 'ENABLED', live: false });
  });

  it('reads pages of 10,000 rows by page token, never sending pageSize, and resumes from a page', async () => {
    const customer = t.sim.world.addCustomer(CUSTOMERS[0]!);
    for (let i = 0; i < 10_003; i++) t.sim.world.addCampaign({ customerId: customer, name: `Bulk ${i}` });
    const pages = [];
    for await (const page of t.client.listLive('ad')) pages.push(page);
    // two pages of the first customer, then the second customer's (empty) page
    expect(pages.map((p) => p.items.length)).toEqual([10_000, 3, 0]);
    expect(new Set(pages.flatMap((p) => p.items.map((i) => i.externalId))).size).toBe(10_003);
    const searches = t.sim.requests.filter((r) => r.path.endsWith('googleAds:search')).map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(searches.map((b) => Object.keys(b).sort())).toEqual([['query'], ['pageToken', 'query'], ['query']]);
    expect(searches[1]!['query']).toBe(searches[0]!['query']);

    const resumed = [];
    for await (const page of t.client.listLive('ad', pages[0]!.next!)) resumed.push(page.items.length);
    expect(resumed).toEqual([3, 0]);
  });

  it('hashes content, not status: an edit changes the fingerprint, a pause does not', async () => {
    const id = t.sim.world.addCampaign({ customerId: t.sim.world.addCustomer(CUSTOMERS[0]!), name: 'Budgeted' });
    const [item] = await listAll(t.client, 'ad');
    t.sim.world.setCampaignStatus(id, 'PAUSED');
    const [paused] = await t.client.inspect([toRef(item!)]);
    expect(paused).toMatchObject({ found: true, live: false, status: 'PAUSED', fingerprint: item!.fingerprint });
    t.sim.world.editCampaign(id, { campaignBudget: 'customers/1234567890/campaignBudgets/999' });
    const [edited] = await t.client.inspect([toRef(item!)]);
    expect(edited!.fingerprint).not.toBe(item!.fingerprint);
  });
});
