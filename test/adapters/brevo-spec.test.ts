// The Brevo adapter and simulator agree with Brevo's own Swagger 2.0 file (getbrevo/brevo-go ·
// api/swagger.yaml, copied in test/specs/brevo/): every request the adapter sends in a full run —
// method, path, query names and values, the api-key header, bodies — and every answer the
// simulator gives — status, fields, enum values, errors — is checked by the shared checker.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { brevo } from '../../adapters/brevo/adapter.js';
import { CAMPAIGN_STATUSES, ERROR_CODES, LIST_STATUS_FILTERS, STATUS_TARGETS } from '../../adapters/brevo/schemas.js';
import { createBrevoSimulator, type BrevoSimulator } from '../../adapters/brevo/simulator.js';
import type { LiveItem } from '../../adapters/types.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { OpenApiContract, type Exchange } from '../specs/openapi-contract.js';
import { toRef } from './live-items.js';

const SPEC_FILE = new URL('../specs/brevo/swagger.yaml', import.meta.url);
const BASE = 'https://api.brevo.com';
const KEY = 'xkeysib-spec-0000-not-a-real-key';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const spec = parse(readFileSync(SPEC_FILE, 'utf8')) as any;

/**
 * Statuses Brevo answers that no operation of its swagger describes: 401 (a missing or wrong
 * key; only the intro's "Possible responses" table names it) and 429 (throttling, documented on
 * developers.brevo.com/docs/limit-headers, not in the file). The checker cannot judge those
 * answers; their requests are checked all the same, and their bodies below.
 */
const UNDESCRIBED = new Set([401, 429]);

describe('brevo against its swagger file', () => {
  const server = useMsw();
  let sim: BrevoSimulator;
  const exchanges: Exchange[] = [];
  /** requests the file itself forbids, sent on purpose: the simulator must refuse them too */
  const forbidden: Exchange[] = [];
  const raw = (method: string, path: string, body?: unknown, key: string | null = KEY) =>
    fetch(`${BASE}${path}`, { method, headers: { ...(key ? { 'api-key': key } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

  beforeAll(async () => {
    const clock = new ManualClock();
    sim = createBrevoSimulator({ clock, credentials: { apiKey: KEY }, accountIds: ['2', '7'], seed: 'sandbox', connectionId: 'brevo-acme' });
    routeToSimulator(server, BASE, sim, exchanges);
    const client = brevo.connect({ connectionId: 'spec', accountIds: ['2', '7'], settings: { pageSize: 2, rateLimitTier: 'general' }, credentials: { apiKey: KEY }, timeoutMs: 2_000, clock });
    // Every endpoint api.ts has: account, list (several pages), read, status, update.
    await client.checkCredentials();
    const listed: LiveItem[] = [];
    for await (const page of client.listLive('email')) listed.push(...page.items);
    const [one, two] = listed;
    await client.inspect([toRef(one!), toRef(two!)]);
    await client.suspend([toRef(one!)]);
    await client.suspend([toRef(one!)]); // refused (not scheduled), read back: already suspended
    await client.restore([{ ...toRef(one!), scheduledAt: one!.scheduledAt, mayExist: false }]);
    // The way back's second step (status `queued`), which the simulator's reschedule makes unneeded.
    await client.suspend([toRef(two!)]);
    await raw('PUT', `/v3/emailCampaigns/${two!.externalId}/status`, { status: 'queued' });
    // Errors Brevo describes: unknown campaign, bad id, bad filter, out of range, wrong state, past time, unknown field.
    await client.inspect([{ ...toRef(one!), externalId: '999999' }]);
    await raw('GET', '/v3/emailCampaigns/abc');
    const refusedOnPurpose = async (call: () => Promise<Response>) => {
      await call();
      forbidden.push(exchanges.pop()!);
    };
    // The object spelling `in_process` is not a list filter (`inProcess` is); limit is at most 100.
    await refusedOnPurpose(() => raw('GET', '/v3/emailCampaigns?status=in_process'));
    await refusedOnPurpose(() => raw('GET', '/v3/emailCampaigns?limit=101'));
    await refusedOnPurpose(() => raw('PUT', `/v3/emailCampaigns/${one!.externalId}/status`, { status: 'paused' }));
    const draft = sim.world.campaigns().find((c) => c.status === 'draft')!;
    await raw('PUT', `/v3/emailCampaigns/${draft.id}/status`, { status: 'queued' });
    await raw('PUT', `/v3/emailCampaigns/${one!.externalId}`, { scheduledAt: '2020-01-01T00:00:00.000Z' });
    await raw('GET', '/v3/emailCampaigns?status=inProcess&sort=desc');
    // And those it does not describe: no key, throttled.
    await raw('GET', '/v3/account', undefined, null);
    sim.faults.inject({ kind: 'rate-limit' });
    await raw('GET', '/v3/account');
  });

  it('sends requests and gets answers the swagger file allows, as the shared contract checker reads it', () => {
    const statuses = new Set(exchanges.map((e) => e.status));
    expect([...statuses].sort()).toEqual([200, 204, 400, 401, 404, 429]);
    const described = exchanges.filter((e) => !UNDESCRIBED.has(e.status));
    expect(OpenApiContract.fromFile(SPEC_FILE).checkAll(described)).toEqual([]);
    // Requests of undescribed answers still follow the file (the checker's request half).
    const requestProblems = OpenApiContract.fromFile(SPEC_FILE)
      .checkAll(exchanges.filter((e) => UNDESCRIBED.has(e.status)))
      .filter((p) => !p.includes('answer status'));
    expect(requestProblems).toEqual(['GET /v3/account: credentials not sent as described (api-key or partner-key)']);
  });

  it('refuses, like the file, the requests the file forbids', () => {
    const checker = OpenApiContract.fromFile(SPEC_FILE);
    expect(forbidden).toHaveLength(3);
    for (const e of forbidden) {
      expect(e.status).toBe(400);
      expect(checker.check(e).some((p) => /query|request body/.test(p))).toBe(true);
      expect(checker.check(e).filter((p) => p.includes('answer'))).toEqual([]);
    }
  });

  it('exercises every endpoint the adapter calls, and only endpoints the file describes', () => {
    const calls = new Set(exchanges.map((e) => `${e.method} ${e.url.pathname.replace(/\/\d+(?=\/|$)/, '/{campaignId}')}`));
    expect([...calls].sort()).toEqual(
      ['GET /v3/account', 'GET /v3/emailCampaigns', 'GET /v3/emailCampaigns/{campaignId}', 'GET /v3/emailCampaigns/abc', 'PUT /v3/emailCampaigns/{campaignId}', 'PUT /v3/emailCampaigns/{campaignId}/status'].sort(),
    );
    const listing = exchanges.filter((e) => e.method === 'GET' && e.url.pathname === '/v3/emailCampaigns' && e.status === 200);
    expect(listing.some((e) => e.url.searchParams.get('offset') !== '0')).toBe(true);
    for (const e of exchanges) expect(e.headers.get('authorization')).toBeNull();
  });

  it('answers errors as errorModel, throttling with the x-sib headers', () => {
    const errorCodes = spec.definitions.errorModel.properties.code.enum as string[];
    expect([...ERROR_CODES].sort()).toEqual([...errorCodes].sort());
    for (const e of exchanges.filter((x) => x.status === 401)) expect(JSON.parse(e.responseBody)).toEqual({ code: 'unauthorized', message: 'Key not found' });
    const throttled = exchanges.find((e) => e.status === 429)!;
    expect(JSON.parse(throttled.responseBody)).toMatchObject({ code: 'too_many_requests' });
  });

  it('uses the status vocabularies of the file', () => {
    const listFilter = spec.paths['/emailCampaigns'].get.parameters.find((p: { name: string }) => p.name === 'status').enum;
    expect([...LIST_STATUS_FILTERS].sort()).toEqual([...listFilter].sort());
    const objectStatus = spec.definitions.getCampaignOverview.properties.status.enum;
    expect([...CAMPAIGN_STATUSES].sort()).toEqual([...objectStatus].sort());
    expect([...STATUS_TARGETS].sort()).toEqual([...spec.definitions.updateCampaignStatus.properties.status.enum].sort());
  });
});
