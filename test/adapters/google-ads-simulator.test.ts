// The Google Ads simulator enforces what Google enforces: a request Google would refuse is
// refused here too, with Google's error shape, and changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { createGoogleAdsSimulator, type GoogleAdsSimulator } from '../../adapters/google-ads/simulator.js';
import { ManualClock } from '../support/clock.js';
import { BASE_URL, CREDENTIALS } from './google-ads-fixture.js';

const CUSTOMER = '1234567890';
const MUTATE = `/v25/customers/${CUSTOMER}/campaigns:mutate`;
const SEARCH = `/v25/customers/${CUSTOMER}/googleAds:search`;

interface ErrorBody {
  error: { code: number; status: string; message: string; details?: Array<{ errors?: Array<{ errorCode: Record<string, string>; location?: { fieldPathElements: Array<{ fieldName: string; index?: number }> } }> }> };
}

describe('google-ads simulator rules', () => {
  let sim: GoogleAdsSimulator;
  let token: string;
  let id: string;

  const call = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await sim.fetch(
      new Request(`${BASE_URL}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'developer-token': CREDENTIALS.developerToken, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & ErrorBody };
  };
  const codeOf = (body: ErrorBody) => body.error.details?.[0]?.errors?.[0]?.errorCode;
  const update = (status: unknown, extra: Record<string, unknown> = {}) => ({ updateMask: 'status', update: { resourceName: `customers/${CUSTOMER}/campaigns/${id}`, status }, ...extra });

  beforeEach(async () => {
    sim = createGoogleAdsSimulator({ clock: new ManualClock(), credentials: CREDENTIALS, accountIds: [CUSTOMER], seed: 'empty' });
    id = sim.world.addCampaign({ customerId: CUSTOMER, name: 'Rules' });
    const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret, refresh_token: CREDENTIALS.refreshToken });
    const answer = await sim.fetch(new Request(`${BASE_URL}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }));
    token = ((await answer.json()) as { access_token: string }).access_token;
  });

  it('refuses pageSize with PAGE_SIZE_NOT_SUPPORTED, a foreign page token, and a query it cannot run', async () => {
    const pageSize = await call(SEARCH, { query: 'SELECT campaign.id FROM campaign', pageSize: 100 });
    expect(pageSize.status).toBe(400);
    expect(codeOf(pageSize.body)).toEqual({ requestError: 'PAGE_SIZE_NOT_SUPPORTED' });
    const token = await call(SEARCH, { query: 'SELECT campaign.id FROM campaign', pageToken: 'bm90LWEtdG9rZW4' });
    expect(codeOf(token.body)).toEqual({ requestError: 'INVALID_PAGE_TOKEN' });
    expect(codeOf((await call(SEARCH, { query: 'SELECT campaign.colour FROM campaign' })).body)).toEqual({ queryError: 'UNRECOGNIZED_FIELD' });
    expect(codeOf((await call(SEARCH, { query: "SELECT campaign.id FROM campaign WHERE campaign.status = 'LIVE'" })).body)).toEqual({ queryError: 'BAD_ENUM_CONSTANT' });
    const unknown = await call(SEARCH, { query: 'SELECT campaign.id FROM campaign', page_size: 5 });
    expect(unknown.body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: expect.stringContaining('Unknown name "page_size"') });
  });

  it('refuses updates without a mask, to REMOVED, to a value CampaignStatus lacks, or to a removed campaign', async () => {
    const noMask = await call(MUTATE, { operations: [{ update: { resourceName: `customers/${CUSTOMER}/campaigns/${id}`, status: 'PAUSED' } }] });
    expect(noMask.status).toBe(400);
    expect(codeOf(noMask.body)).toEqual({ fieldMaskError: 'FIELD_MASK_MISSING' });
    expect(codeOf((await call(MUTATE, { operations: [update('REMOVED')] })).body)).toEqual({ requestError: 'INVALID_ENUM_VALUE' });
    const bad = await call(MUTATE, { operations: [update('STOPPED')] });
    expect(bad.body.error.message).toContain("Invalid value at 'operations[0].update.status'");
    expect(sim.world.campaign(id)!.status).toBe('ENABLED');
    sim.world.setCampaignStatus(id, 'REMOVED');
    expect(codeOf((await call(MUTATE, { operations: [update('ENABLED')] })).body)).toEqual({ operationAccessDeniedError: 'OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE' });
  });

  it('carries out all or nothing without partialFailure; with it, valid ones, failures at their index', async () => {
    const other = sim.world.addCampaign({ customerId: CUSTOMER, name: 'Other' });
    const missing = { updateMask: 'status', update: { resourceName: `customers/${CUSTOMER}/campaigns/99`, status: 'PAUSED' } };
    const atomic = await call(MUTATE, { operations: [update('PAUSED'), missing] });
    expect(atomic.status).toBe(400);
    expect(sim.world.campaign(id)!.status).toBe('ENABLED');
    const partial = await call(MUTATE, { operations: [update('PAUSED'), missing, { ...update('PAUSED'), update: { resourceName: `customers/${CUSTOMER}/campaigns/${other}`, status: 'PAUSED' } }], partialFailure: true });
    expect(partial.status).toBe(200);
    expect(partial.body['results']).toEqual([{ resourceName: `customers/${CUSTOMER}/campaigns/${id}` }, {}, { resourceName: `customers/${CUSTOMER}/campaigns/${other}` }]);
    const failure = partial.body['partialFailureError'] as ErrorBody['error'];
    expect(failure.details?.[0]?.errors?.[0]).toMatchObject({ errorCode: { mutateError: 'RESOURCE_NOT_FOUND' }, location: { fieldPathElements: [{ fieldName: 'operations', index: 1 }, { fieldName: 'update' }, { fieldName: 'resource_name' }] } });
    expect([sim.world.campaign(id)!.status, sim.world.campaign(other)!.status]).toEqual(['PAUSED', 'PAUSED']);
  });

  it('refuses more than 10,000 operations, and a customer the credentials cannot reach', async () => {
    const many = await call(MUTATE, { operations: Array.from({ length: 10_001 }, () => update('PAUSED')), partialFailure: true });
    expect(codeOf(many.body)).toEqual({ requestError: 'TOO_MANY_MUTATE_OPERATIONS' });
    const stranger = await call('/v25/customers/9999999999/googleAds:search', { query: 'SELECT campaign.id FROM campaign' });
    expect(stranger.status).toBe(403);
    expect(codeOf(stranger.body)).toEqual({ authorizationError: 'USER_PERMISSION_DENIED' });
  });

  it('checks the access token, then the developer token, then the login-customer-id', async () => {
    expect((await call(SEARCH, { query: 'SELECT campaign.id FROM campaign' }, { authorization: 'Bearer ya29.made-up' })).body.error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
    expect(codeOf((await call(SEARCH, { query: 'SELECT campaign.id FROM campaign' }, { 'developer-token': 'nope' })).body)).toEqual({ authenticationError: 'DEVELOPER_TOKEN_INVALID' });
    expect(codeOf((await call(SEARCH, { query: 'SELECT campaign.id FROM campaign' }, { 'login-customer-id': '123-456' })).body)).toEqual({ headerError: 'INVALID_LOGIN_CUSTOMER_ID' });
    const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: CREDENTIALS.clientId, client_secret: CREDENTIALS.clientSecret, refresh_token: 'revoked' });
    const refused = await sim.fetch(new Request(`${BASE_URL}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }));
    expect([refused.status, await refused.json()]).toEqual([400, { error: 'invalid_grant', error_description: 'Bad Request' }]);
  });

  it('seeds distinct, deterministic worlds per connection: acme and globex customers differ', () => {
    const seeded = (customer: string) => createGoogleAdsSimulator({ clock: new ManualClock(), credentials: CREDENTIALS, accountIds: [customer], seed: 'sandbox' }).state();
    const acme = seeded('5550001001');
    const globex = seeded('5550002002');
    expect(seeded('5550001001')).toEqual(acme);
    expect(acme.map((r) => r.fingerprint)).not.toEqual(globex.map((r) => r.fingerprint));
    for (const world of [acme, globex]) {
      expect(world.filter((r) => r.live).length).toBeGreaterThanOrEqual(3);
      expect(new Set(world.filter((r) => !r.live).map((r) => r.status))).toContain('PAUSED');
      expect(world.some((r) => !r.live && r.status === 'ENABLED')).toBe(true); // ended
    }
  });
});
