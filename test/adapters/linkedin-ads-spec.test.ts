// The LinkedIn Ads adapter against LinkedIn's own description of the operations it uses
// (test/specs/linkedin/operations.json, written from LinkedIn's reference pages): a full pause and
// resume through the simulator, throttling and refusals included, recorded at the network edge;
// then every request — method, path, headers, query names and Rest.li syntax, body — and every
// answer — status, fields, enum values — is checked against it.
import { beforeAll, describe, expect, it } from 'vitest';
import { linkedInAds } from '../../adapters/linkedin-ads/adapter.js';
import { DEFAULT_API_VERSION } from '../../adapters/linkedin-ads/adapter-settings.js';
import { CAMPAIGN_STATUSES, WRITABLE_STATUSES } from '../../adapters/linkedin-ads/mappers.js';
import { createLinkedInAdsSimulator, type LinkedInAdsSimulator } from '../../adapters/linkedin-ads/simulator.js';
import { CAMPAIGN_TYPES, COST_TYPES } from '../../adapters/linkedin-ads/simulator-world-data.js';
import type { Exchange } from '../specs/openapi-contract.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';
import { checkAnswer, checkRequest, operationOf, spec } from './linkedin-ads-spec-check.js';

const TOKEN = 'AQVfakeLinkedInTokenForSpec00000000000005';
const ACCOUNTS = ['508100001', '508100002'];

describe('linkedin-ads against LinkedIn’s description', () => {
  const server = useMsw();
  const exchanges: Exchange[] = [];
  let sim: LinkedInAdsSimulator;

  beforeAll(async () => {
    const clock = new ManualClock();
    sim = createLinkedInAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: ACCOUNTS, seed: 'sandbox' });
    routeToSimulator(server, spec.baseUrl, sim, exchanges);
    const client = linkedInAds.connect({ connectionId: 'spec', accountIds: ACCOUNTS, settings: { apiVersion: DEFAULT_API_VERSION, pageSize: 3 }, credentials: { accessToken: TOKEN }, timeoutMs: 2_000, clock });
    await client.checkCredentials();
    const listed = await listAll(client, 'ad');
    const refs = listed.map(toRef);
    // a throttled batch, an entity LinkedIn fails, and one a person canceled meanwhile
    sim.faults.inject({ kind: 'rate-limit', method: 'POST' });
    await client.suspend(refs);
    sim.world.failEntity(refs[0]!.externalId);
    sim.world.setCampaignStatus(refs[1]!.externalId, 'CANCELED');
    await client.suspend(refs);
    await client.inspect([...refs, { ...refs[0]!, externalId: '999999999' }]);
    await client.restore(listed.map((i) => ({ ...toRef(i), scheduledAt: null, mayExist: false })));
    await client.restore(listed.map((i) => ({ ...toRef(i), scheduledAt: null, mayExist: true })));
  });

  it('calls only operations LinkedIn describes, and every one the adapter has', () => {
    const names = new Set(exchanges.map((e) => operationOf(e.method, e.url)?.name ?? `undescribed: ${e.method} ${e.url.pathname}?${e.url.search}`));
    expect([...names].sort()).toEqual(spec.operations.map((o) => o.name).sort());
  });

  it('sends requests LinkedIn would accept: headers, query names and Rest.li syntax, bodies', () => {
    expect(exchanges.length).toBeGreaterThan(10);
    for (const exchange of exchanges) expect(checkRequest(exchange), `${exchange.method} ${exchange.url.pathname}${exchange.url.search}`).toEqual([]);
    const searches = exchanges.filter((e) => operationOf(e.method, e.url)?.name === 'adCampaigns.search');
    expect(searches.some((e) => e.url.search.includes('pageToken='))).toBe(true);
  });

  it('never sets a status LinkedIn cannot undo, and never calls a delete', () => {
    for (const e of exchanges) {
      expect(spec.neverCalled.some((n) => n.method === e.method)).toBe(false);
      if (e.method !== 'POST') continue;
      const { entities } = JSON.parse(e.body) as { entities: Record<string, { patch: { $set: { status: string } } }> };
      for (const entity of Object.values(entities)) expect(WRITABLE_STATUSES).toContain(entity.patch.$set.status);
    }
    for (const status of spec.campaign.neverSet) expect(WRITABLE_STATUSES as readonly string[]).not.toContain(status);
  });

  it('answers with the statuses, fields and enum values LinkedIn describes, errors included', () => {
    expect(exchanges.some((e) => e.status === 429)).toBe(true);
    expect(exchanges.some((e) => e.responseBody.includes('"errors":{"'))).toBe(true);
    for (const exchange of exchanges) expect(checkAnswer(exchange), `${exchange.method} ${exchange.url.pathname} → ${exchange.status}`).toEqual([]);
  });

  it('models exactly the enums LinkedIn lists', () => {
    expect([...CAMPAIGN_STATUSES].sort()).toEqual([...spec.campaign.status].sort());
    expect([...CAMPAIGN_TYPES].sort()).toEqual([...spec.campaign.type].sort());
    expect([...COST_TYPES].sort()).toEqual([...spec.campaign.costType].sort());
    expect(DEFAULT_API_VERSION).toBe(spec.version);
  });

  it('fails a request LinkedIn would reject (the checker itself)', () => {
    const good = exchanges.find((e) => operationOf(e.method, e.url)?.name === 'adCampaigns.search')!;
    const bad = (change: Partial<Exchange>): Exchange => ({ ...good, ...change });
    const encoded = new URL(good.url);
    encoded.search = new URLSearchParams({ q: 'search', search: '(status:(values:List(ACTIVE)))' }).toString();
    expect(checkRequest(bad({ url: encoded }))).not.toEqual([]);
    const noVersion = new Headers(good.headers);
    noVersion.delete('linkedin-version');
    expect(checkRequest(bad({ headers: noVersion }))).not.toEqual([]);
    const extra = new URL(good.url);
    extra.search = `${good.url.search}&count=10`;
    expect(checkRequest(bad({ url: extra }))).not.toEqual([]);
    const post = exchanges.find((e) => e.method === 'POST')!;
    const archived = post.body.replace(/"PAUSED"|"ACTIVE"/, '"ARCHIVED"');
    expect(checkRequest({ ...post, body: archived })).not.toEqual([]);
    expect(checkAnswer({ ...good, responseBody: good.responseBody.replace('"status":"', '"status":"RUNNING_') })).not.toEqual([]);
  });
});

