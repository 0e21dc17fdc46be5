// linkedin-ads: the shared contract, plus listing edge cases (paging across pages and accounts,
// resuming from a page, people's own pauses, campaigns whose run schedule ended).
import { beforeEach, describe, expect, it } from 'vitest';
import { linkedInAds } from '../../adapters/linkedin-ads/adapter.js';
import { createLinkedInAdsSimulator, type LinkedInAdsSimulator } from '../../adapters/linkedin-ads/simulator.js';
import type { AdapterClient, ListPage } from '../../adapters/types.js';
import { DAY, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { runAdapterContract } from './contract.js';
import { listAll, toRef } from './live-items.js';

const BASE_URL = 'https://api.linkedin.com';
const TOKEN = 'AQVfakeLinkedInTokenForTests000000000001';
const ACCOUNTS = ['508100001', 'urn:li:sponsoredAccount:508100002']; // the second written as a URN

runAdapterContract({
  adapter: linkedInAds,
  baseUrl: BASE_URL,
  credentials: { accessToken: TOKEN },
  accountIds: ACCOUNTS,
  settings: { apiVersion: '202610', pageSize: 20 },
  seed(simulator, clock) {
    const sim = simulator as LinkedInAdsSimulator;
    const now = clock.now().getTime();
    for (let i = 0; i < 57; i++) {
      sim.world.addCampaign({
        account: ACCOUNTS[i % 2]!,
        name: `Contract campaign ${i}`,
        objectiveType: i % 3 === 0 ? 'LEAD_GENERATION' : 'WEBSITE_VISITS',
        dailyBudget: { amount: `${100 + i}.00`, currencyCode: 'USD' },
        start: now - DAY,
        end: i % 4 === 0 ? now + 30 * DAY : null,
      });
    }
    sim.world.addCampaign({ account: ACCOUNTS[0]!, name: 'Paused by a person', status: 'PAUSED' });
    sim.world.addCampaign({ account: ACCOUNTS[1]!, name: 'A draft', status: 'DRAFT' });
    sim.world.addCampaign({ account: ACCOUNTS[1]!, name: 'Archived', status: 'ARCHIVED' });
    sim.world.addCampaign({ account: ACCOUNTS[0]!, name: 'Canceled', status: 'CANCELED' });
    sim.world.addCampaign({ account: ACCOUNTS[0]!, name: 'Ended last week', start: now - 30 * DAY, end: now - 7 * DAY });
  },
});

describe('linkedin-ads listing', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: LinkedInAdsSimulator;
  let client: AdapterClient;

  const connect = (pageSize = 25): AdapterClient =>
    linkedInAds.connect({ connectionId: 'li-test', accountIds: ACCOUNTS, settings: { apiVersion: '202610', pageSize }, credentials: { accessToken: TOKEN }, timeoutMs: 2_000, clock });

  beforeEach(() => {
    clock = new ManualClock();
    sim = createLinkedInAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: ACCOUNTS, seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
    client = connect();
  });

  async function pages(c = client, from?: string): Promise<ListPage[]> {
    const out: ListPage[] = [];
    for await (const page of c.listLive('ad', from)) out.push(page);
    return out;
  }

  it('follows nextPageToken over several pages per account, in Rest.li syntax', async () => {
    for (let i = 0; i < 60; i++) sim.world.addCampaign({ account: ACCOUNTS[0]!, name: `EU ${i}` });
    for (let i = 0; i < 7; i++) sim.world.addCampaign({ account: ACCOUNTS[1]!, name: `US ${i}` });
    const listed = await pages();
    // the first account over three pages, then its sweep (nothing new), the second in one page
    expect(listed.map((p) => p.items.length)).toEqual([25, 25, 10, 0, 0, 0, 7]);
    expect(new Set(listed.flatMap((p) => p.items.map((i) => i.externalId))).size).toBe(67);

    const searches = sim.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/adCampaigns'));
    expect(searches.map((r) => r.path)).toEqual([...Array(6).fill('/rest/adAccounts/508100001/adCampaigns'), '/rest/adAccounts/508100002/adCampaigns']);
    for (const r of searches) expect(r.query).toMatch(/^q=search&search=\(status:\(values:List\(ACTIVE\)\)\)&pageSize=25(&pageToken=[^&]+)?$/);
    const tokens = searches.map((r) => new URLSearchParams(r.query).get('pageToken'));
    expect(tokens[0]).toBeNull();
    expect(tokens[1]).toBeTruthy();
    expect(tokens[2]).not.toBe(tokens[1]);
    expect(tokens[3]).toBeNull();
    expect(tokens[6]).toBeNull();
  });

  it('sweeps a multi-page account once more: a campaign the cursor had passed is still listed, nothing twice', async () => {
    const early = sim.world.addCampaign({ account: ACCOUNTS[0]!, name: 'Paused early, re-activated mid-listing', status: 'PAUSED' });
    for (let i = 0; i < 30; i++) sim.world.addCampaign({ account: ACCOUNTS[0]!, name: `C ${i}` });
    const seen: string[] = [];
    for await (const page of connect(10).listLive('ad')) {
      seen.push(...page.items.map((i) => i.externalId));
      // after the first page, someone re-activates a campaign whose id the cursor has passed
      if (seen.length === 10 && sim.world.campaign(early)!.status === 'PAUSED') sim.world.setCampaignStatus(early, 'ACTIVE');
    }
    expect(seen).toContain(early);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(31);
  });

  it('resumes a listing from a page, listing only what follows', async () => {
    for (let i = 0; i < 30; i++) sim.world.addCampaign({ account: ACCOUNTS[0]!, name: `C ${i}` });
    const all = await pages(connect(10));
    const rest = await pages(connect(10), all[0]!.next!);
    expect(rest.flatMap((p) => p.items.map((i) => i.externalId))).toEqual(all.slice(1).flatMap((p) => p.items.map((i) => i.externalId)));
  });

  it('lists ACTIVE campaigns only, and a whole pause and resume never writes what people paused', async () => {
    const active = sim.world.addCampaign({ name: 'Plain active' });
    const upcoming = sim.world.addCampaign({ name: 'Starts tomorrow', start: clock.now().getTime() + DAY });
    const paused = sim.world.addCampaign({ name: 'Paused by a person', status: 'PAUSED' });
    const draft = sim.world.addCampaign({ name: 'Draft', status: 'DRAFT' });
    sim.world.addCampaign({ name: 'Ended', start: clock.now().getTime() - 9 * DAY, end: clock.now().getTime() - DAY });
    const listed = await listAll(client, 'ad');
    expect(listed.map((i) => i.externalId).sort()).toEqual([active, upcoming].sort());
    expect(listed.every((i) => i.status === 'ACTIVE' && i.scheduledAt === null && i.method === 'status')).toBe(true);

    const before = { paused: sim.world.campaign(paused), draft: sim.world.campaign(draft) };
    await client.suspend(listed.map(toRef));
    await client.restore(listed.map((i) => ({ ...toRef(i), scheduledAt: null, mayExist: false })));
    expect(sim.world.campaign(paused)).toEqual(before.paused);
    expect(sim.world.campaign(draft)).toEqual(before.draft);
    for (const r of sim.requests.filter((x) => x.method === 'POST')) {
      expect(r.query).not.toContain(paused);
      expect(r.body).not.toContain(draft);
    }
  });

  it('stops listing a campaign once its run schedule ends (time moves on the clock)', async () => {
    const ending = sim.world.addCampaign({ name: 'Flash sale', end: clock.now().getTime() + 2 * DAY });
    const ongoing = sim.world.addCampaign({ name: 'Always on' });
    expect((await listAll(client, 'ad')).map((i) => i.externalId).sort()).toEqual([ending, ongoing].sort());
    clock.advance(3 * DAY);
    expect((await listAll(client, 'ad')).map((i) => i.externalId)).toEqual([ongoing]);
    expect(sim.state().find((r) => r.id === ending)).toMatchObject({ status: 'ACTIVE', live: false });
  });

  it('lists nothing for kinds it does not handle', async () => {
    sim.world.addCampaign({ name: 'Active' });
    expect(await listAll(client, 'post')).toEqual([]);
    expect(await listAll(client, 'email')).toEqual([]);
  });
});
