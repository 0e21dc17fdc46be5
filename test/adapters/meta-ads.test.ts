// meta-ads: the shared contract, plus listing edge cases (paging, people's own pauses, time).
import { beforeEach, describe, expect, it } from 'vitest';
import { metaAds } from '../../adapters/meta-ads/adapter.js';
import { createMetaAdsSimulator, type MetaAdsSimulator } from '../../adapters/meta-ads/simulator.js';
import type { AdapterClient, LiveItem } from '../../adapters/types.js';
import { DAY, ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { runAdapterContract } from './contract.js';

const BASE_URL = 'https://graph.facebook.com';
const TOKEN = 'EAAGsystemUserToken0000000000000001';
const ACCOUNTS = ['act_1000000001', '1000000002']; // the second one written without act_

runAdapterContract({
  adapter: metaAds,
  baseUrl: BASE_URL,
  credentials: { accessToken: TOKEN },
  accountIds: ACCOUNTS,
  settings: { apiVersion: 'v25.0', pageSize: 20, accessTier: 'standard' },
  seed(simulator, clock) {
    const sim = simulator as MetaAdsSimulator;
    const now = clock.now().getTime();
    for (let i = 0; i < 53; i++) {
      sim.world.addCampaign({
        account: ACCOUNTS[i % 2]!,
        name: `Contract campaign ${i}`,
        objective: i % 3 === 0 ? 'OUTCOME_SALES' : 'OUTCOME_TRAFFIC',
        daily_budget: String(1000 + i * 100),
        start_time: new Date(now - DAY),
        stop_time: i % 4 === 0 ? new Date(now + 30 * DAY) : null,
        ...(i === 7 && { issues_info: [{ level: 'AD', error_code: 1, error_summary: 'x', error_message: 'x', error_type: 'SOFT_ERROR' }] }),
        ...(i === 8 && { processing: true }),
      });
    }
    sim.world.addCampaign({ account: ACCOUNTS[0]!, name: 'Paused by a person', status: 'PAUSED', daily_budget: '900' });
    sim.world.addCampaign({ account: ACCOUNTS[1]!, name: 'Archived long ago', status: 'ARCHIVED', lifetime_budget: '50000' });
    sim.world.addCampaign({ account: ACCOUNTS[1]!, name: 'Deleted', status: 'DELETED' });
    sim.world.addCampaign({ account: ACCOUNTS[0]!, name: 'Ended last week', stop_time: new Date(now - 7 * DAY), daily_budget: '1200' });
  },
});

describe('meta-ads listing', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: MetaAdsSimulator;
  let client: AdapterClient;

  const connect = (pageSize = 25): AdapterClient =>
    metaAds.connect({
      connectionId: 'meta-test',
      accountIds: ACCOUNTS,
      settings: { apiVersion: 'v25.0', pageSize, accessTier: 'standard' },
      credentials: { accessToken: TOKEN },
      timeoutMs: 2_000,
      clock,
    });

  beforeEach(() => {
    clock = new ManualClock();
    sim = createMetaAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: ACCOUNTS, seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
    client = connect();
  });

  async function listAll(c = client): Promise<LiveItem[][]> {
    const pages: LiveItem[][] = [];
    for await (const page of c.listLive('ad')) pages.push(page.items);
    return pages;
  }

  it('follows cursors over several pages per account, with the token only in the header', async () => {
    for (let i = 0; i < 60; i++) sim.world.addCampaign({ account: ACCOUNTS[0]!, name: `EU ${i}` });
    for (let i = 0; i < 7; i++) sim.world.addCampaign({ account: ACCOUNTS[1]!, name: `US ${i}` });
    const pages = await listAll();
    expect(pages.map((p) => p.length)).toEqual([25, 25, 10, 7]);
    expect(new Set(pages.flat().map((i) => i.externalId)).size).toBe(67);

    const listings = sim.requests.filter((r) => r.path.endsWith('/campaigns'));
    expect(listings.map((r) => r.path)).toEqual([
      '/v25.0/act_1000000001/campaigns',
      '/v25.0/act_1000000001/campaigns',
      '/v25.0/act_1000000001/campaigns',
      '/v25.0/act_1000000002/campaigns',
    ]);
    const queries = listings.map((r) => new URLSearchParams(r.query));
    expect(queries[0]!.has('after')).toBe(false);
    expect(queries[1]!.get('after')).toBeTruthy();
    expect(queries[2]!.get('after')).not.toBe(queries[1]!.get('after'));
    for (const q of queries) {
      expect(q.get('effective_status')).toBe('["ACTIVE","IN_PROCESS","WITH_ISSUES"]');
      expect(q.get('limit')).toBe('25');
      expect(q.has('access_token')).toBe(false);
    }
  });

  it('lists ACTIVE campaigns whatever their effective status, and nothing people paused', async () => {
    const active = sim.world.addCampaign({ name: 'Plain active' });
    const issues = sim.world.addCampaign({ name: 'Active with issues', issues_info: [{ level: 'AD_SET', error_code: 2, error_summary: 's', error_message: 'm', error_type: 'SOFT_ERROR' }] });
    const processing = sim.world.addCampaign({ name: 'Active in process', processing: true });
    const paused = sim.world.addCampaign({ name: 'Paused by a person', status: 'PAUSED' });
    const pausedWithIssues = sim.world.addCampaign({ name: 'Paused, with issues', status: 'PAUSED', issues_info: [{ level: 'AD', error_code: 3, error_summary: 's', error_message: 'm', error_type: 'HARD_ERROR' }] });
    sim.world.addCampaign({ name: 'Archived', status: 'ARCHIVED' });
    expect(sim.world.campaign(pausedWithIssues)!.effective_status).toBe('WITH_ISSUES');

    const listed = (await listAll()).flat();
    expect(listed.map((i) => i.externalId).sort()).toEqual([active, issues, processing].sort());
    expect(listed.every((i) => i.status === 'ACTIVE' && i.scheduledAt === null && i.kind === 'ad')).toBe(true);
    expect(listed.find((i) => i.externalId === issues)!.snapshot).toMatchObject({ status: 'ACTIVE', effectiveStatus: 'WITH_ISSUES' });

    // a whole pause and resume never writes to what people paused
    const refs = listed.map(({ externalId, objectType, method, fingerprint, snapshot }) => ({ externalId, objectType, method, fingerprint, snapshot }));
    const before = { paused: sim.world.campaign(paused), pausedWithIssues: sim.world.campaign(pausedWithIssues) };
    await client.suspend(refs);
    await client.restore(refs.map((r) => ({ ...r, scheduledAt: null, mayExist: false })));
    expect(sim.world.campaign(paused)).toEqual(before.paused);
    expect(sim.world.campaign(pausedWithIssues)).toEqual(before.pausedWithIssues);
    const written = sim.requests.filter((r) => r.method === 'POST').map((r) => decodeURIComponent(r.body));
    for (const body of written) {
      expect(body).not.toContain(paused);
      expect(body).not.toContain(pausedWithIssues);
    }
  });

  it('stops listing a campaign once its stop time has passed (time moves on the clock)', async () => {
    const ending = sim.world.addCampaign({ name: 'Flash sale', stop_time: new Date(clock.now().getTime() + 2 * DAY) });
    const ongoing = sim.world.addCampaign({ name: 'Always on' });
    expect((await listAll()).flat().map((i) => i.externalId).sort()).toEqual([ending, ongoing].sort());
    clock.advance(3 * DAY);
    expect((await listAll()).flat().map((i) => i.externalId)).toEqual([ongoing]);
    expect(sim.state().find((r) => r.id === ending)).toMatchObject({ status: 'ACTIVE', live: false });
  });

  it('hashes content, not status: a budget edit changes the fingerprint, a pause does not', async () => {
    const id = sim.world.addCampaign({ name: 'Budgeted', daily_budget: '5000', special_ad_categories: ['HOUSING', 'CREDIT'] });
    const [item] = (await listAll()).flat();
    sim.world.setCampaignStatus(id, 'PAUSED');
    const [paused] = await client.inspect([{ ...item!, snapshot: item!.snapshot }]);
    expect(paused).toMatchObject({ found: true, live: false, status: 'PAUSED', fingerprint: item!.fingerprint });
    sim.world.editCampaign(id, { daily_budget: '9000' });
    const [edited] = await client.inspect([item!]);
    expect(edited!.fingerprint).not.toBe(item!.fingerprint);
  });

  it('reports a configuration problem on every call instead of throwing at connect', async () => {
    const bad = metaAds.connect({
      connectionId: 'meta-bad',
      accountIds: ['not-an-account'],
      settings: { apiVersion: 'v25.0', pageSize: 25, accessTier: 'standard' },
      credentials: { accessToken: TOKEN },
      timeoutMs: 2_000,
      clock,
    });
    await expect(bad.checkCredentials()).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(listAll(bad)).rejects.toMatchObject({ code: 'invalid_request' });
    expect(sim.requests).toEqual([]);
  });
});
