// google-ads credentials: the OAuth refresh-token session, Google's headers, secrets never in an
// error, and settings a connection cannot work with reported on every call, never a crash.
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import { googleAds } from '../../adapters/google-ads/adapter.js';
import { useMsw } from '../support/msw.js';
import { CREDENTIALS, CUSTOMERS, setUp, TOKEN_URL, type Setup } from './google-ads-fixture.js';
import { listAll } from './live-items.js';

const SECRETS = Object.values(CREDENTIALS);

function expectNoSecret(error: unknown): void {
  const text = `${String((error as Error).message)} ${JSON.stringify(error)}`;
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/ya29\./);
}

describe('google-ads credentials', () => {
  const server = useMsw();
  let t: Setup;
  beforeEach(() => {
    t = setUp(server, { loginCustomerId: '999-888-7777' });
    for (const c of CUSTOMERS) t.sim.world.addCustomer(c);
  });

  it('trades the refresh token for an access token first, then sends Bearer, developer-token and login-customer-id', async () => {
    await t.client.checkCredentials();
    const [token, probe] = t.sim.requests;
    expect(token).toMatchObject({ method: 'POST', path: '/token', query: '' });
    const form = new URLSearchParams(token!.body);
    expect(form.get('grant_type')).toBe('refresh_token');
    // the simulator's recording masks every credential value it was given
    expect([form.get('client_id'), form.get('client_secret'), form.get('refresh_token')]).toEqual(['***', '***', '***']);
    expect(probe).toMatchObject({ method: 'POST', path: '/v25/customers/1234567890/googleAds:search', query: '' });
    expect(JSON.parse(probe!.body)).toEqual({ query: 'SELECT campaign.id FROM campaign LIMIT 1' });
  });

  it('sends the headers Google requires on every Ads call (seen at the network edge)', async () => {
    const seen: Headers[] = [];
    const original = t.sim.fetch.bind(t.sim);
    t.sim.fetch = (request, env) => {
      if (new URL(request.url).pathname.startsWith('/v25/')) seen.push(new Headers(request.headers));
      return original(request, env);
    };
    await listAll(t.client, 'ad');
    expect(seen.length).toBe(2);
    for (const headers of seen) {
      expect(headers.get('authorization')).toMatch(/^Bearer ya29\.sim-/);
      expect(headers.get('developer-token')).toBe(CREDENTIALS.developerToken);
      expect(headers.get('login-customer-id')).toBe('9998887777');
      expect(headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('refreshes an expired access token once and goes on', async () => {
    await listAll(t.client, 'ad');
    t.sim.world.expireTokens();
    await listAll(t.client, 'ad');
    const paths = t.sim.requests.map((r) => r.path.replace(/\/v25\/customers\/(\d+)\/googleAds:search/, 'search $1'));
    expect(paths).toEqual(['/token', 'search 1234567890', 'search 2345678901', 'search 1234567890', '/token', 'search 1234567890', 'search 2345678901']);
  });

  it('probes the credentials with a query at most once an hour (each probe is an operation of the quota)', async () => {
    await t.client.checkCredentials();
    await t.client.checkCredentials();
    t.clock.advance(59 * 60_000);
    await t.client.checkCredentials();
    expect(t.sim.requests.filter((r) => r.path.endsWith('googleAds:search')).length).toBe(1);
    t.clock.advance(2 * 60_000);
    await t.client.checkCredentials();
    // an hour on, the access token has lapsed too: refused, refreshed, probed again
    expect(t.sim.requests.slice(2).map((r) => r.path)).toEqual(['/v25/customers/1234567890/googleAds:search', '/token', '/v25/customers/1234567890/googleAds:search']);
  });

  it.each([
    ['a revoked refresh token', { refreshToken: 'fake-refresh-token-revoked' }],
    ['a wrong OAuth client secret', { clientSecret: 'fake-client-secret-wrong' }],
  ])('reports %s as unauthorized, not retryable, without any secret', async (_name, wrong) => {
    const bad = t.connect({}, { ...CREDENTIALS, ...wrong });
    const error = await bad.checkCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterError);
    expect(error).toMatchObject({ code: 'unauthorized', isRetryable: false });
    expectNoSecret(error);
    for (const value of Object.values(wrong)) expect(String((error as Error).message)).not.toContain(value);
    expect(t.sim.requests.filter((r) => r.path.startsWith('/v25/'))).toEqual([]);
  });

  it('reports a wrong developer token as unauthorized after one refresh, without any secret', async () => {
    const bad = t.connect({}, { ...CREDENTIALS, developerToken: 'fake-dev-token-wrong-000000' });
    const error = await bad.checkCredentials().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unauthorized', isRetryable: false, vendorCode: 'authenticationError.DEVELOPER_TOKEN_INVALID' });
    expect(String((error as Error).message)).not.toContain('fake-dev-token-wrong-000000');
    expectNoSecret(error);
  });

  it('refuses a customer the user cannot reach as forbidden', async () => {
    const stranger = googleAds.connect({
      connectionId: 'stranger',
      accountIds: ['5550009999'],
      settings: googleAds.settingsSchema.parse({ oauthTokenUrl: TOKEN_URL }),
      credentials: CREDENTIALS,
      timeoutMs: 2_000,
      clock: t.clock,
    });
    await expect(stranger.checkCredentials()).rejects.toMatchObject({ code: 'forbidden', vendorCode: 'authorizationError.USER_PERMISSION_DENIED' });
  });

  it.each([
    ['a customer id that is not ten digits', { accountIds: ['12345'] }, 'invalid_request'],
    ['no customer id', { accountIds: [] }, 'invalid_request'],
    ['an unknown access level', { settings: { accessLevel: 'gold' } }, 'invalid_request'],
    ['a malformed login-customer-id', { settings: { loginCustomerId: 'mcc' } }, 'invalid_request'],
    ['a missing refresh token', { credentials: { ...CREDENTIALS, refreshToken: '' } }, 'unauthorized'],
  ])('reports %s on every call, sends nothing and never throws at connect', async (_name, override, code) => {
    const client = googleAds.connect({
      connectionId: 'bad',
      accountIds: CUSTOMERS,
      settings: { oauthTokenUrl: TOKEN_URL } as never,
      credentials: CREDENTIALS,
      timeoutMs: 2_000,
      clock: t.clock,
      ...(override as object),
    });
    await expect(client.checkCredentials()).rejects.toMatchObject({ code, isRetryable: false });
    await expect(listAll(client, 'ad')).rejects.toMatchObject({ code });
    await expect(client.suspend([])).rejects.toMatchObject({ code });
    expect(t.sim.requests).toEqual([]);
  });
});
