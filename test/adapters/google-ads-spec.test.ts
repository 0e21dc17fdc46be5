// google-ads against Google's own description (test/specs/google-ads: the v25 protos and service
// config): every request a pause and resume send — path, method, query, headers, body field names,
// status values, GAQL fields — and every answer the simulator gives must exist there.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { API_VERSION } from '../../adapters/google-ads/adapter-settings.js';
import { CAMPAIGN_FIELDS, WRITABLE_STATUSES } from '../../adapters/google-ads/mappers.js';
import { SIM_FIELDS } from '../../adapters/google-ads/simulator-gaql.js';
import { CAMPAIGN_STATUSES } from '../../adapters/google-ads/simulator-world-data.js';
import type { Exchange } from '../specs/openapi-contract.js';
import { useMsw } from '../support/msw.js';
import { CREDENTIALS, CUSTOMERS, setUp } from './google-ads-fixture.js';
import { bindingPattern, camel, readProto, SPEC_DIR } from './google-ads-proto.js';
import { listAll, toRef } from './live-items.js';

const campaignProto = readProto('campaign.proto');
const statusProto = readProto('campaign_status.proto');
const serviceProto = readProto('campaign_service.proto');
const adsProto = readProto('google_ads_service.proto');
const config = parseYaml(readFileSync(resolve(SPEC_DIR, 'googleads_v25.yaml'), 'utf8')) as {
  name: string;
  apis: Array<{ name: string }>;
  authentication: { rules: Array<{ selector: string; oauth?: { canonical_scopes: string } }> };
  http: { rules: Array<{ selector: string }> };
};

const message = (file: typeof campaignProto, name: string) => {
  const m = file.messages.get(name);
  if (!m) throw new Error(`no message ${name}`);
  return m;
};
const jsonNames = (file: typeof campaignProto, name: string) => new Set([...message(file, name).fields.keys()].map(camel));
const CAMPAIGN = message(campaignProto, 'Campaign');
/** Campaign's proto (snake_case) field names. */
const CAMPAIGN_NAMES = new Set(CAMPAIGN.fields.keys());
const STATUS_VALUES = statusProto.enums.get('CampaignStatusEnum.CampaignStatus')!;
const SEARCH = adsProto.rpcs.get('GoogleAdsService.Search')!;
const MUTATE = serviceProto.rpcs.get('CampaignService.MutateCampaigns')!;
/** google/rpc/status.proto (not vendored): code, message, details. */
const RPC_STATUS = new Set(['code', 'message', 'details']);

/** Every key of a JSON object must be a field of the message (JSON names). */
function expectFields(value: unknown, allowed: Set<string>, where: string): void {
  expect(typeof value, where).toBe('object');
  for (const key of Object.keys(value as object)) expect(allowed, `${where}.${key}`).toContain(key);
}

describe('google-ads against specs/google-ads (v25 protos)', () => {
  it('reads the protos: the version, the RPC bindings, Campaign and CampaignStatus', () => {
    expect(campaignProto.package).toBe(`google.ads.googleads.${API_VERSION}.resources`);
    expect(SEARCH.http).toEqual({ post: `/${API_VERSION}/customers/{customer_id=*}/googleAds:search`, body: '*' });
    expect(MUTATE.http).toEqual({ post: `/${API_VERSION}/customers/{customer_id=*}/campaigns:mutate`, body: '*' });
    expect(STATUS_VALUES).toEqual(['UNSPECIFIED', 'UNKNOWN', 'ENABLED', 'PAUSED', 'REMOVED']);
    expect([...CAMPAIGN_STATUSES]).toEqual(STATUS_VALUES);
    for (const status of WRITABLE_STATUSES) expect(STATUS_VALUES).toContain(status);
    expect([...message(serviceProto, 'MutateCampaignsRequest').fields.keys()]).toEqual(['customer_id', 'operations', 'partial_failure', 'validate_only', 'response_content_type']);
    // The service config keeps the protos' bindings (it rebinds only long-running operations)
    // and asks the AdWords scope for both RPCs.
    expect(config.name).toBe('googleads.googleapis.com');
    for (const api of ['CampaignService', 'GoogleAdsService']) expect(config.apis.map((a) => a.name)).toContain(`google.ads.googleads.${API_VERSION}.services.${api}`);
    expect(config.http.rules.every((r) => r.selector.startsWith('google.longrunning.'))).toBe(true);
    const scope = (selector: string) => config.authentication.rules.find((r) => r.selector === selector)?.oauth?.canonical_scopes.trim();
    expect(scope(`google.ads.googleads.${API_VERSION}.services.CampaignService.MutateCampaigns`)).toBe('https://www.googleapis.com/auth/adwords');
    expect(scope(`google.ads.googleads.${API_VERSION}.services.GoogleAdsService.*`)).toBe('https://www.googleapis.com/auth/adwords');
  });

  it('selects only Campaign fields, in the adapter and the simulator', () => {
    for (const field of [...CAMPAIGN_FIELDS, ...Object.keys(SIM_FIELDS)]) {
      const [resource, name] = field.split('.');
      expect(resource).toBe('campaign');
      expect(CAMPAIGN_NAMES, field).toContain(name);
    }
    for (const json of Object.values(SIM_FIELDS)) expect(new Set([...CAMPAIGN.fields.keys()].map(camel))).toContain(json);
  });

  describe('a pause and a resume, as they cross the network edge', () => {
    const server = useMsw();
    const exchanges: Exchange[] = [];

    beforeAll(async () => {
      const t = setUp(server, { loginCustomerId: '9998887777' }, exchanges);
      const [first, second] = CUSTOMERS.map((c) => t.sim.world.addCustomer(c));
      for (let i = 0; i < 6; i++) t.sim.world.addCampaign({ customerId: i % 2 ? first : second, name: `Spec ${i}`, endDateTime: i % 3 ? new Date('2027-01-31T00:00:00Z') : null });
      t.sim.world.addCampaign({ customerId: first, name: 'Paused by a person', status: 'PAUSED' });
      await t.client.checkCredentials();
      const items = await listAll(t.client, 'ad');
      t.sim.world.setCampaignStatus(items[0]!.externalId, 'REMOVED'); // a partial failure
      await t.client.suspend(items.map(toRef));
      await t.client.inspect(items.map(toRef));
      await t.client.restore(items.map((i) => ({ ...toRef(i), scheduledAt: null, mayExist: true })));
      await t.client.restore(items.map((i) => ({ ...toRef(i), scheduledAt: null, mayExist: false })));
    });

    const ads = () => exchanges.filter((e) => e.url.pathname.startsWith(`/${API_VERSION}/`));

    it('sends each call to its RPC binding, POST, with no query and the headers Google requires', () => {
      expect(ads().length).toBeGreaterThan(6);
      for (const e of ads()) {
        expect(e.method).toBe('POST');
        expect([SEARCH, MUTATE].some((rpc) => bindingPattern(rpc.http['post']!).test(e.url.pathname)), e.url.pathname).toBe(true);
        expect(e.url.pathname).toMatch(/\/customers\/\d{10}\//);
        expect(e.url.search).toBe('');
        expect(e.headers.get('authorization')).toMatch(/^Bearer \S+$/);
        expect(e.headers.get('developer-token')).toBe(CREDENTIALS.developerToken);
        expect(e.headers.get('login-customer-id')).toBe('9998887777');
        expect(e.headers.get('content-type')).toMatch(/^application\/json/);
        expect(e.status).toBeLessThan(300);
      }
    });

    it('sends search bodies of SearchGoogleAdsRequest fields, never page_size, GAQL over Campaign fields', () => {
      const allowed = new Set([...jsonNames(adsProto, 'SearchGoogleAdsRequest')].filter((f) => f !== 'customerId'));
      for (const e of ads().filter((x) => x.url.pathname.endsWith('googleAds:search'))) {
        const body = JSON.parse(e.body) as Record<string, unknown>;
        expectFields(body, allowed, 'SearchGoogleAdsRequest');
        expect(body).not.toHaveProperty('pageSize');
        const select = /^SELECT (.+?) FROM campaign/.exec(String(body['query']))![1]!;
        for (const field of select.split(', ')) expect(CAMPAIGN_NAMES).toContain(field.replace('campaign.', ''));
        const where = /campaign\.status = '(\w+)'/.exec(String(body['query']))?.[1];
        if (where) expect(STATUS_VALUES).toContain(where);
      }
    });

    it('sends mutate bodies of MutateCampaignsRequest, CampaignOperation and Campaign fields, ENABLED or PAUSED only', () => {
      const request = new Set([...jsonNames(serviceProto, 'MutateCampaignsRequest')].filter((f) => f !== 'customerId'));
      const operation = jsonNames(serviceProto, 'CampaignOperation');
      const campaign = new Set([...CAMPAIGN.fields.keys()].map(camel));
      const mutates = ads().filter((x) => x.url.pathname.endsWith('campaigns:mutate'));
      expect(mutates.length).toBeGreaterThan(0);
      for (const e of mutates) {
        const body = JSON.parse(e.body) as { operations: Array<Record<string, unknown>> };
        expectFields(body, request, 'MutateCampaignsRequest');
        for (const op of body.operations) {
          expectFields(op, operation, 'CampaignOperation');
          expect(op).not.toHaveProperty('remove');
          // a FieldMask in JSON: comma-separated paths of the resource's proto field names
          for (const path of String(op['updateMask']).split(',')) expect(CAMPAIGN_NAMES).toContain(path);
          const update = op['update'] as Record<string, unknown>;
          expectFields(update, campaign, 'Campaign');
          // the resource name of a campaign of the customer in the path
          expect(update['resourceName']).toMatch(new RegExp(`^customers/${e.url.pathname.split('/')[3]}/campaigns/\\d+$`));
          expect(WRITABLE_STATUSES).toContain(update['status']);
        }
      }
    });

    it('answers with SearchGoogleAdsResponse, GoogleAdsRow, Campaign, MutateCampaignsResponse fields and CampaignStatus values', () => {
      const campaignJson = new Set([...CAMPAIGN.fields.keys()].map(camel));
      let partialFailures = 0;
      for (const e of ads()) {
        const body = JSON.parse(e.responseBody) as Record<string, unknown>;
        if (e.url.pathname.endsWith('googleAds:search')) {
          expectFields(body, jsonNames(adsProto, 'SearchGoogleAdsResponse'), 'SearchGoogleAdsResponse');
          for (const row of (body['results'] as Array<Record<string, unknown>> | undefined) ?? []) {
            expectFields(row, jsonNames(adsProto, 'GoogleAdsRow'), 'GoogleAdsRow');
            expectFields(row['campaign'], campaignJson, 'Campaign');
            expect(STATUS_VALUES).toContain((row['campaign'] as { status?: string }).status ?? 'ENABLED');
          }
          for (const path of String(body['fieldMask']).split(',')) expect(campaignJson).toContain(path.replace('campaign.', ''));
        } else {
          expectFields(body, jsonNames(serviceProto, 'MutateCampaignsResponse'), 'MutateCampaignsResponse');
          for (const result of (body['results'] as object[] | undefined) ?? []) expectFields(result, jsonNames(serviceProto, 'MutateCampaignResult'), 'MutateCampaignResult');
          if (body['partialFailureError']) {
            partialFailures++;
            expectFields(body['partialFailureError'], RPC_STATUS, 'google.rpc.Status');
          }
        }
      }
      expect(partialFailures).toBeGreaterThan(0);
    });

    it('trades the refresh token at the token endpoint with exactly the OAuth form fields', () => {
      const token = exchanges.filter((e) => e.url.pathname === '/token');
      expect(token.length).toBe(1);
      expect([...new URLSearchParams(token[0]!.body).keys()].sort()).toEqual(['client_id', 'client_secret', 'grant_type', 'refresh_token']);
      expect(token[0]!.url.search).toBe('');
      expect(token[0]!.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    });
  });
});
