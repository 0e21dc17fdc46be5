// meta-ads against Meta's own API description (test/specs/meta: the business SDK codegen spec):
// every field, parameter, status and enum value the adapter sends or the simulator returns
// must exist there, and the pinned version must be the spec's.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaAds } from '../../adapters/meta-ads/adapter.js';
import { LIVE_EFFECTIVE_STATUSES } from '../../adapters/meta-ads/api.js';
import { CAMPAIGN_FIELDS, WRITABLE_STATUSES } from '../../adapters/meta-ads/mappers.js';
import { DEFAULT_API_VERSION } from '../../adapters/meta-ads/adapter-settings.js';
import { createMetaAdsSimulator, type MetaAdsSimulator } from '../../adapters/meta-ads/simulator.js';
import { LISTING_EFFECTIVE_STATUSES } from '../../adapters/meta-ads/simulator-listing.js';
import { CAMPAIGN_STATUSES, SIM_ACCOUNT_FIELDS, SIM_CAMPAIGN_FIELDS } from '../../adapters/meta-ads/simulator-world-data.js';
import { BID_STRATEGIES, OBJECTIVES, SIM_UPDATE_PARAMS, SPECIAL_AD_CATEGORIES } from '../../adapters/meta-ads/simulator-update.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';

const BASE_URL = 'https://graph.facebook.com';
const TOKEN = 'EAAGsystemUserToken0000000000000001';

/** The batch operations a recorded POST carried. */
function batchOps(body: string): Array<{ method: string; relative_url: string; body?: string }> {
  const batch = new URLSearchParams(body).get('batch');
  return batch ? (JSON.parse(batch) as Array<{ method: string; relative_url: string; body?: string }>) : [];
}

interface SpecParam { name: string; required: boolean; type: string }
interface SpecApi { method: string; endpoint?: string; name?: string; params: SpecParam[] }
interface SpecNode { apis: SpecApi[]; fields: Array<{ name: string; type: string }> }
interface SpecEnum { name: string; values: string[] }

const specDir = resolve(import.meta.dirname, '..', 'specs', 'meta');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(resolve(specDir, file), 'utf8')) as T;
const campaignSpec = readJson<SpecNode>('Campaign.json');
const accountSpec = readJson<SpecNode>('AdAccount.json');
const enums = new Map(readJson<SpecEnum[]>('enum_types.json').map((e) => [e.name, e.values]));
const specVersion = readFileSync(resolve(specDir, 'version.txt'), 'utf8').trim();

const campaignFields = new Set(campaignSpec.fields.map((f) => f.name));
const accountFields = new Set(accountSpec.fields.map((f) => f.name));
const enumValues = (name: string): string[] => {
  const values = enums.get(name);
  if (!values) throw new Error(`no enum ${name} in the spec`);
  return values;
};
const listCampaignsApi = accountSpec.apis.find((a) => a.method === 'GET' && a.endpoint === 'campaigns')!;
const updateCampaignApi = campaignSpec.apis.find((a) => a.method === 'POST' && a.name === '#update')!;
// Graph-wide parameters every edge takes (fields selection, cursor paging), not listed per edge.
const GENERIC_PARAMS = ['fields', 'limit', 'after', 'before', 'access_token'];

describe('meta-ads against specs/meta', () => {
  const server = useMsw();

  async function runThrough(): Promise<{ sim: MetaAdsSimulator; views: Array<Record<string, unknown>> }> {
    const clock = new ManualClock();
    const accountIds = ['act_1000000001', 'act_1000000002'];
    const sim = createMetaAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds, seed: 'sandbox' });
    routeToSimulator(server, BASE_URL, sim);
    const client = metaAds.connect({
      connectionId: 'spec',
      accountIds,
      settings: metaAds.settingsSchema.parse({}),
      credentials: { accessToken: TOKEN },
      timeoutMs: 2_000,
      clock,
    });
    await client.checkCredentials();
    const items = [];
    for await (const page of client.listLive('ad')) items.push(...page.items);
    const refs = items.map(({ externalId, objectType, method, fingerprint, snapshot }) => ({ externalId, objectType, method, fingerprint, snapshot }));
    await client.suspend(refs);
    await client.inspect(refs);
    await client.restore(refs.map((r) => ({ ...r, scheduledAt: null, mayExist: true })));
    // every campaign the simulator holds, read with every field it models
    const ids = sim.state().map((r) => r.id);
    const response = await fetch(`${BASE_URL}/${specVersion}/?ids=${ids.join(',')}&fields=${SIM_CAMPAIGN_FIELDS.join(',')}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    return { sim, views: Object.values((await response.json()) as Record<string, Record<string, unknown>>) };
  }

  it('pins the spec version by default and uses it in every path', async () => {
    expect(DEFAULT_API_VERSION).toBe(specVersion);
    expect(metaAds.settingsSchema.parse({})).toMatchObject({ apiVersion: specVersion });
    const { sim } = await runThrough();
    const paths = sim.requests.filter((r) => r.path.startsWith('/v')).map((r) => r.path);
    expect(paths.length).toBeGreaterThan(3);
    for (const path of paths) expect(path.startsWith(`/${specVersion}/`)).toBe(true);
    for (const op of sim.requests.filter((r) => r.method === 'POST').flatMap((r) => batchOps(r.body))) {
      expect(op.relative_url.startsWith(`${specVersion}/`)).toBe(true);
    }
  });

  it('requests only Campaign and AdAccount fields', async () => {
    for (const field of CAMPAIGN_FIELDS) expect(campaignFields).toContain(field);
    const { sim } = await runThrough();
    for (const request of sim.requests) {
      const fields = new URLSearchParams(request.query).get('fields');
      if (!fields) continue;
      const allowed = request.path.endsWith('/act_1000000001') ? accountFields : campaignFields;
      for (const field of fields.split(',')) expect(allowed).toContain(field);
    }
  });

  it('uses only parameters the spec declares on the campaigns edge and the campaign update', async () => {
    const listParams = new Set([...listCampaignsApi.params.map((p) => p.name), ...GENERIC_PARAMS]);
    const updateParams = new Set(updateCampaignApi.params.map((p) => p.name));
    const { sim } = await runThrough();
    const listings = sim.requests.filter((r) => r.path.endsWith('/campaigns'));
    expect(listings.length).toBeGreaterThan(0);
    for (const r of listings) for (const key of new URLSearchParams(r.query).keys()) expect(listParams).toContain(key);
    const listingStatusParam = listCampaignsApi.params.find((p) => p.name === 'effective_status')!;
    expect(listingStatusParam.type).toBe('list<adaccountcampaigns_effective_status_enum_param>');
    for (const status of LIVE_EFFECTIVE_STATUSES) expect(enumValues('adaccountcampaigns_effective_status_enum_param')).toContain(status);

    const ops = sim.requests.filter((r) => r.method === 'POST').flatMap((r) => batchOps(r.body));
    expect(ops.length).toBeGreaterThan(0);
    for (const op of ops) {
      const params = new URLSearchParams(op.body);
      for (const key of params.keys()) expect(updateParams).toContain(key);
      expect(enumValues('adcampaigngroup_status')).toContain(params.get('status'));
    }
  });

  it('writes only statuses of the Campaign status enums, never ARCHIVED or DELETED', () => {
    for (const status of WRITABLE_STATUSES) {
      expect(enumValues('Campaign_status')).toContain(status);
      expect(enumValues('adcampaigngroup_status')).toContain(status);
    }
    expect(WRITABLE_STATUSES).not.toContain('ARCHIVED');
    expect(WRITABLE_STATUSES).not.toContain('DELETED');
  });

  it('has the simulator model only spec fields and enum values', async () => {
    for (const field of SIM_CAMPAIGN_FIELDS) expect(campaignFields).toContain(field);
    for (const field of SIM_ACCOUNT_FIELDS) expect(accountFields).toContain(field);
    const updateParams = updateCampaignApi.params.map((p) => p.name);
    for (const param of SIM_UPDATE_PARAMS) expect(updateParams).toContain(param);
    expect([...BID_STRATEGIES].sort()).toEqual([...enumValues('adcampaigngroup_bid_strategy')].sort());
    expect([...OBJECTIVES].sort()).toEqual([...enumValues('adcampaigngroup_objective')].sort());
    expect([...SPECIAL_AD_CATEGORIES].sort()).toEqual([...enumValues('adcampaigngroup_special_ad_categories')].sort());
    expect([...CAMPAIGN_STATUSES].sort()).toEqual([...enumValues('Campaign_status')].sort());
    expect([...LISTING_EFFECTIVE_STATUSES].sort()).toEqual([...enumValues('adaccountcampaigns_effective_status_enum_param')].sort());

    const { views } = await runThrough();
    expect(views.length).toBeGreaterThanOrEqual(14);
    const types = new Map(campaignSpec.fields.map((f) => [f.name, f.type]));
    for (const view of views) {
      for (const [field, value] of Object.entries(view)) {
        expect(campaignFields).toContain(field);
        const type = types.get(field)!;
        if (type === 'string' || type === 'datetime') expect(typeof value).toBe('string');
        if (type === 'list<string>') expect(Array.isArray(value)).toBe(true);
      }
      expect(enumValues('Campaign_status')).toContain(view['status']);
      expect(enumValues('Campaign_configured_status')).toContain(view['configured_status']);
      expect(enumValues('Campaign_effective_status')).toContain(view['effective_status']);
      expect(enumValues('adcampaigngroup_objective')).toContain(view['objective']);
      if (view['bid_strategy'] !== undefined) expect(enumValues('Campaign_bid_strategy')).toContain(view['bid_strategy']);
      for (const category of view['special_ad_categories'] as string[]) {
        expect(enumValues('adcampaigngroup_special_ad_categories')).toContain(category);
      }
      for (const budget of ['daily_budget', 'lifetime_budget', 'spend_cap']) {
        if (view[budget] !== undefined) expect(view[budget]).toMatch(/^\d+$/); // minor units, as a string
      }
    }
    const effective = new Set(views.map((v) => v['effective_status']));
    for (const status of ['ACTIVE', 'PAUSED', 'ARCHIVED', 'WITH_ISSUES', 'IN_PROCESS']) expect(effective).toContain(status);
  });
});
