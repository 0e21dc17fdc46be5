// linkedin-ads edges: credentials refused (and never echoed), settings that make a connection
// unusable, and what LinkedIn itself refuses — a retired LinkedIn-Version, Rest.li 1.0, a query
// whose Rest.li structure is percent-encoded — which the simulator refuses as LinkedIn does.
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import { linkedInAds } from '../../adapters/linkedin-ads/adapter.js';
import { createLinkedInAdsSimulator, isActiveVersion, type LinkedInAdsSimulator } from '../../adapters/linkedin-ads/simulator.js';
import type { AdapterClient } from '../../adapters/types.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';

const BASE_URL = 'https://api.linkedin.com';
const TOKEN = 'AQVfakeLinkedInTokenForEdges000000000003';
const ACCOUNT = '508100001';

describe('linkedin-ads edges', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: LinkedInAdsSimulator;

  const connect = (over: { token?: string; settings?: unknown; accountIds?: string[] } = {}): AdapterClient =>
    linkedInAds.connect({
      connectionId: 'li-edges',
      accountIds: over.accountIds ?? [ACCOUNT],
      settings: (over.settings ?? { apiVersion: '202610', pageSize: 50 }) as never,
      credentials: { accessToken: over.token ?? TOKEN },
      timeoutMs: 2_000,
      clock,
    });

  const raw = (path: string, headers: Record<string, string> = {}) =>
    sim.fetch(new Request(`${BASE_URL}${path}`, { headers: { Authorization: `Bearer ${TOKEN}`, 'LinkedIn-Version': '202610', 'X-Restli-Protocol-Version': '2.0.0', ...headers } }));

  beforeEach(() => {
    clock = new ManualClock();
    sim = createLinkedInAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [ACCOUNT], seed: 'empty' });
    routeToSimulator(server, BASE_URL, sim);
    sim.world.addCampaign({ name: 'Live' });
  });

  it('reports a wrong or expired token as unauthorized, not retryable, without the token in it', async () => {
    const wrong = 'AQVwrongTokenThatMustNeverBeEchoed0000004';
    const failure = (await connect({ token: wrong }).checkCredentials().catch((e: unknown) => e)) as AdapterError;
    expect(failure).toBeInstanceOf(AdapterError);
    expect(failure).toMatchObject({ code: 'unauthorized', isRetryable: false, httpStatus: 401, vendorCode: '65600' });
    expect(JSON.stringify(failure.toInfo()) + failure.message).not.toContain(wrong);

    sim.world.expireToken(TOKEN);
    const expired = (await listAll(connect(), 'ad').catch((e: unknown) => e)) as AdapterError;
    expect(expired).toMatchObject({ code: 'unauthorized', vendorCode: '65601' });
    expect(expired.message).toContain('expired');
    expect(expired.message).not.toContain(TOKEN);
    // recorded requests keep no token either
    expect(JSON.stringify(sim.requests)).not.toContain(TOKEN);
  });

  it('makes a connection with bad settings unusable, never a crash, and sends nothing', async () => {
    const cases = [
      connect({ token: '' }),
      connect({ accountIds: ['act_123'] }),
      connect({ accountIds: [] }),
      connect({ settings: { apiVersion: '202406' } }),
      connect({ settings: { apiVersion: '2026-10' } }),
      connect({ settings: { pageSize: 0 } }),
    ];
    for (const client of cases) {
      await expect(client.checkCredentials()).rejects.toMatchObject({ isRetryable: false });
      await expect(listAll(client, 'ad')).rejects.toBeInstanceOf(AdapterError);
      await expect(client.suspend([])).rejects.toBeInstanceOf(AdapterError);
    }
    await expect(cases[0]!.checkCredentials()).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(cases[1]!.checkCredentials()).rejects.toMatchObject({ code: 'invalid_request' });
    expect(sim.requests).toEqual([]);
    // and a good one takes the URN form of an account id
    await expect(connect({ accountIds: [`urn:li:sponsoredAccount:${ACCOUNT}`] }).checkCredentials()).resolves.toBeUndefined();
  });

  it('fails loudly, not retryably, when LinkedIn no longer serves the configured version (426)', async () => {
    const old = connect({ settings: { apiVersion: '202411' } });
    const failure = (await old.checkCredentials().catch((e: unknown) => e)) as AdapterError;
    expect(failure).toMatchObject({ code: 'invalid_request', isRetryable: false, httpStatus: 426, vendorCode: 'NONEXISTENT_VERSION' });
    expect(failure.message).toContain('Requested version 202411 is not active');
    expect(isActiveVersion('202610', clock.now())).toBe(true);
    expect(isActiveVersion('202612', clock.now())).toBe(false); // not released yet on 2026-11-21
    expect(isActiveVersion('202512', clock.now())).toBe(true);
    expect(isActiveVersion('202511', clock.now())).toBe(false);
  });

  it('refuses what LinkedIn refuses: no version, Rest.li 1.0, encoded Rest.li structure, unknown statuses', async () => {
    const path = `/rest/adAccounts/${ACCOUNT}/adCampaigns`;
    const statusOf = async (p: string, h: Record<string, string> = {}) => {
      const response = await raw(p, h);
      return { status: response.status, body: (await response.json()) as { status: number; message: string } };
    };
    expect(await statusOf(`${path}?q=search&search=(status:(values:List(ACTIVE)))`)).toMatchObject({ status: 200 });
    expect((await statusOf(`${path}?q=search&search=(status:(values:List(ACTIVE)))`, { 'LinkedIn-Version': '' })).status).toBe(426);
    expect((await statusOf(`${path}?q=search&search=(status:(values:List(ACTIVE)))`, { 'X-Restli-Protocol-Version': '1.0.0' })).status).toBe(400);
    // what URLSearchParams would have written
    const encoded = new URLSearchParams({ q: 'search', search: '(status:(values:List(ACTIVE)))' }).toString();
    expect(await statusOf(`${path}?${encoded}`)).toMatchObject({ status: 400, body: { status: 400 } });
    expect((await statusOf(`${path}?q=search&search=(status:(values:List(RUNNING)))`)).status).toBe(400);
    expect((await statusOf(`${path}?q=search&search=(status:(values:List(ACTIVE)))&pageSize=1001`)).status).toBe(400);
    expect((await statusOf(`${path}?q=search&search=(status:(values:List(ACTIVE)))&start=0&count=10`)).status).toBe(400);
    expect((await statusOf(`${path}?q=search&search=(status:(values:List(ACTIVE)))&pageToken=bogus`)).status).toBe(400);
    expect((await statusOf(`${path}?ids=List%28123%29`)).status).toBe(400);
    expect((await statusOf(`${path}?ids=List(urn%3Ali%3AsponsoredCampaign%3A123)`)).status).toBe(400);
    expect((await statusOf(`/rest/adCampaigns?q=search&search=(status:(values:List(ACTIVE)))`)).status).toBe(400);
    expect((await statusOf(`/rest/adAccounts/999/adCampaigns?q=search&search=(status:(values:List(ACTIVE)))`)).status).toBe(403);
  });

  it('refuses a batch update whose entities do not match its ids, or that sets a status only LinkedIn sets', async () => {
    const [item] = await listAll(connect(), 'ad');
    const post = (query: string, body: unknown, method = 'BATCH_PARTIAL_UPDATE') =>
      sim.fetch(
        new Request(`${BASE_URL}/rest/adAccounts/${ACCOUNT}/adCampaigns?${query}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${TOKEN}`, 'LinkedIn-Version': '202610', 'X-Restli-Protocol-Version': '2.0.0', 'X-RestLi-Method': method, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const id = item!.externalId;
    expect((await post(`ids=List(${id})`, { entities: { '1': { patch: { $set: { status: 'PAUSED' } } } } })).status).toBe(400);
    expect((await post(`ids=List(${id})`, { entities: { [id]: { patch: { $set: { status: 'PAUSED' } } } } }, 'PARTIAL_UPDATE')).status).toBe(400);
    const completed = (await (await post(`ids=List(${id})`, { entities: { [id]: { patch: { $set: { status: 'COMPLETED' } } } } })).json()) as { errors: Record<string, { status: number }> };
    expect(completed.errors[id]).toMatchObject({ status: 400 });
    const budget = (await (await post(`ids=List(${id})`, { entities: { [id]: { patch: { $set: { dailyBudget: { amount: '1.00', currencyCode: 'USD' } } } } } })).json()) as { errors: Record<string, { status: number }> };
    expect(budget.errors[id]).toMatchObject({ status: 400 });
    expect(sim.world.campaign(id)!.status).toBe('ACTIVE');
    // a retried suspend of a campaign LinkedIn completed meanwhile is refused, and left alone
    sim.world.setCampaignStatus(id, 'COMPLETED');
    const [outcome] = await connect().suspend([toRef(item!)]);
    expect(outcome).toMatchObject({ kind: 'error', error: { code: 'invalid_request', retryable: false } });
    expect(sim.world.campaign(id)!.status).toBe('COMPLETED');
  });
});
