// tiktok-ads: the shared contract, plus listing edge cases (paging across pages and advertisers,
// resuming from a page, people's own pauses and deletions, what the filters ask for).
import { beforeEach, describe, expect, it } from 'vitest';
import { tiktokAds } from '../../adapters/tiktok-ads/adapter.js';
import type { TiktokAdsSimulator } from '../../adapters/tiktok-ads/simulator.js';
import type { ListPage } from '../../adapters/types.js';
import { useMsw } from '../support/msw.js';
import { runAdapterContract } from './contract.js';
import { listAll, toRef } from './live-items.js';
import { ADVERTISERS, BASE_URL, rig, SETTINGS, TOKEN, type Rig } from './tiktok-ads-fixture.js';

runAdapterContract({
  adapter: tiktokAds,
  baseUrl: BASE_URL,
  credentials: { accessToken: TOKEN },
  accountIds: ADVERTISERS,
  settings: SETTINGS,
  seed(simulator) {
    const sim = simulator as TiktokAdsSimulator;
    for (let i = 0; i < 47; i++) {
      sim.world.addCampaign({
        advertiser: ADVERTISERS[i % 2]!,
        campaign_name: `Contract campaign ${i}`,
        objective_type: i % 3 === 0 ? 'WEB_CONVERSIONS' : 'TRAFFIC',
        budget: 50 + i,
        ...(i % 5 === 0 && { budget_exceeded: true }),
        ...(i === 4 && { special_industries: ['HOUSING', 'CREDIT'] }),
      });
    }
    sim.world.addCampaign({ advertiser: ADVERTISERS[0]!, campaign_name: 'Paused by a person', operation_status: 'DISABLE' });
    sim.world.addCampaign({ advertiser: ADVERTISERS[1]!, campaign_name: 'Deleted long ago', operation_status: 'DISABLE', deleted: true });
  },
});

describe('tiktok-ads listing', () => {
  const server = useMsw();
  let r: Rig;

  beforeEach(() => {
    r = rig(server);
  });

  const pagesOf = async (from?: string): Promise<ListPage[]> => {
    const pages: ListPage[] = [];
    for await (const page of r.client.listLive('ad', from)) pages.push(page);
    return pages;
  };

  it('walks every page of every advertiser, page numbers up to total_page, token in the header only', async () => {
    for (let i = 0; i < 45; i++) r.sim.world.addCampaign({ advertiser: ADVERTISERS[0]!, campaign_name: `A ${i}` });
    for (let i = 0; i < 3; i++) r.sim.world.addCampaign({ advertiser: ADVERTISERS[1]!, campaign_name: `B ${i}` });
    const pages = await pagesOf();
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5, 3]);
    expect(new Set(pages.flatMap((p) => p.items.map((i) => i.externalId))).size).toBe(48);
    const queries = r.sim.requests.filter((q) => q.path === '/open_api/v1.3/campaign/get/').map((q) => new URLSearchParams(q.query));
    expect(queries.map((q) => [q.get('advertiser_id'), q.get('page')])).toEqual([
      [ADVERTISERS[0], '1'],
      [ADVERTISERS[0], '2'],
      [ADVERTISERS[0], '3'],
      [ADVERTISERS[1], '1'],
    ]);
    for (const q of queries) {
      expect(JSON.parse(q.get('filtering')!)).toEqual({ primary_status: 'STATUS_NOT_DELETE' });
      expect(q.get('page_size')).toBe('20');
      expect(JSON.parse(q.get('fields')!)).toContain('operation_status');
      expect([...q.keys()].join(',')).not.toMatch(/token/i);
    }
  });

  it('resumes from a page token: the pages after it and nothing before', async () => {
    for (let i = 0; i < 50; i++) r.sim.world.addCampaign({ advertiser: ADVERTISERS[0]!, campaign_name: `A ${i}` });
    const all = await pagesOf();
    const rest = await pagesOf(all[0]!.next!);
    expect(rest.map((p) => p.items.map((i) => i.externalId))).toEqual(all.slice(1).map((p) => p.items.map((i) => i.externalId)));
    await expect(pagesOf('not-a-token')).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('lists enabled campaigns whatever TikTok derives (out of budget too), never paused or deleted ones', async () => {
    const running = r.sim.world.addCampaign({ campaign_name: 'Running' });
    const spent = r.sim.world.addCampaign({ campaign_name: 'Out of budget today', budget_exceeded: true });
    const paused = r.sim.world.addCampaign({ campaign_name: 'Paused by a person', operation_status: 'DISABLE' });
    const deleted = r.sim.world.addCampaign({ campaign_name: 'Deleted', deleted: true });
    const listed = await listAll(r.client, 'ad');
    expect(listed.map((i) => i.externalId).sort()).toEqual([running, spent].sort());
    expect(listed.find((i) => i.externalId === spent)!.snapshot).toMatchObject({ operationStatus: 'ENABLE', secondaryStatus: 'CAMPAIGN_STATUS_BUDGET_EXCEED' });

    // a whole pause and resume never writes to what people paused or deleted
    const before = { paused: r.sim.world.campaign(paused), deleted: r.sim.world.campaign(deleted) };
    await r.client.suspend(listed.map(toRef));
    await r.client.restore(listed.map((i) => ({ ...toRef(i), scheduledAt: null, mayExist: false })));
    expect(r.sim.world.campaign(paused)).toEqual(before.paused);
    expect(r.sim.world.campaign(deleted)).toEqual(before.deleted);
    for (const write of r.sim.requests.filter((q) => q.method === 'POST')) {
      expect(write.body).not.toContain(paused);
      expect(write.body).not.toContain(deleted);
    }
  });

  it('hashes content, not status: a budget edit changes the fingerprint, a pause does not', async () => {
    const id = r.sim.world.addCampaign({ campaign_name: 'Budgeted', budget: 120, special_industries: ['HOUSING', 'CREDIT'] });
    const [item] = await listAll(r.client, 'ad');
    r.sim.world.setStatus(id, 'DISABLE');
    const [paused] = await r.client.inspect([toRef(item!)]);
    expect(paused).toMatchObject({ found: true, live: false, status: 'DISABLE', fingerprint: item!.fingerprint });
    r.sim.world.editCampaign(id, { budget: 999 });
    const [edited] = await r.client.inspect([toRef(item!)]);
    expect(edited!.fingerprint).not.toBe(item!.fingerprint);
  });
});
