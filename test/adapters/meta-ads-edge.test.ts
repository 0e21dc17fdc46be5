// meta-ads edge cases beyond the contract: Graph batches (size, partial failure, null elements),
// restores, inspect fallback, the guard that ARCHIVED/DELETED are never written, every
// throttling signal Meta uses, expired tokens, server errors and the error mapping table.
import { http } from 'msw';
import type { SetupServer } from 'msw/node';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import { auth } from '../../adapters/kit/auth.js';
import { createVendorClient } from '../../adapters/kit/vendor-client.js';
import { metaAds, metaVendor } from '../../adapters/meta-ads/adapter.js';
import { createMetaAdsSimulator, type MetaAdsSimulator, type ThrottleSignal } from '../../adapters/meta-ads/simulator.js';
import { throttleRetryAfterMs } from '../../adapters/meta-ads/signals-usage.js';
import type { AdapterClient, LiveItem, Outcome, RestoreRequest } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock, MINUTE } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll as listLive, toRef } from './live-items.js';

const BASE_URL = 'https://graph.facebook.com';
const TOKEN = 'EAAGsystemUserToken0000000000000001';
const ACCOUNT = 'act_1000000001';

interface MetaWorld {
  server: SetupServer;
  clock: ManualClock;
  sim: MetaAdsSimulator;
  client: AdapterClient;
  connect(token?: string): AdapterClient;
}

/** msw + a fresh simulator and client before each test. */
function useMetaWorld(options: { enforceLimits?: boolean } = {}): MetaWorld {
  const server = useMsw();
  const world = { server } as MetaWorld;
  beforeEach(() => {
    world.clock = new ManualClock();
    world.sim = createMetaAdsSimulator({
      clock: world.clock,
      credentials: { accessToken: TOKEN },
      accountIds: [ACCOUNT],
      seed: 'empty',
      ...(options.enforceLimits && { enforceLimits: true }),
    });
    routeToSimulator(server, BASE_URL, world.sim);
    world.connect = (token = TOKEN) =>
      metaAds.connect({
        connectionId: 'meta-edge',
        accountIds: [ACCOUNT],
        settings: { apiVersion: 'v25.0', pageSize: 100, accessTier: 'standard' },
        credentials: { accessToken: token },
        timeoutMs: 2_000,
        clock: world.clock,
      });
    world.client = world.connect();
  });
  return world;
}

const listAll = (client: AdapterClient): Promise<LiveItem[]> => listLive(client, 'ad');

const toRestore = (item: LiveItem, mayExist = false): RestoreRequest => ({ ...toRef(item), scheduledAt: null, mayExist });

/** The batch operations a recorded POST carried. */
function batchOps(body: string): Array<{ method: string; relative_url: string; body?: string }> {
  const batch = new URLSearchParams(body).get('batch');
  return batch ? (JSON.parse(batch) as Array<{ method: string; relative_url: string; body?: string }>) : [];
}

type ErrorOutcome = Extract<Outcome, { kind: 'error' }>;
const errorOf = (outcomes: Outcome[], id: string) => (outcomes.find((o) => o.externalId === id) as ErrorOutcome).error;
/** The error of a failed call: thrown (a listing), or the same on every item of a batch that failed whole. */
const failureOf = (result: unknown) => {
  if (result instanceof AdapterError) return result.toInfo();
  const errors = (result as Outcome[]).map((o) => (o.kind === 'error' ? o.error : null));
  expect(new Set(errors.map((e) => JSON.stringify(e))).size).toBe(1);
  return errors[0]!;
};

describe('meta-ads batches', () => {
  const world = useMetaWorld();

  it('sends 50 pauses as ONE HTTP request and never puts 51 in a batch', async () => {
    for (let i = 0; i < 51; i++) world.sim.world.addCampaign({ name: `C${i}` });
    const items = await listAll(world.client);
    const before = world.sim.requests.length;

    const outcomes = await world.client.suspend(items.slice(0, 50).map(toRef));
    expect(outcomes.every((o) => o.kind === 'ok' && o.status === 'PAUSED')).toBe(true);
    const posts = world.sim.requests.slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ method: 'POST', path: '/v25.0/' });
    const ops = batchOps(posts[0]!.body);
    expect(ops).toHaveLength(50);
    expect(ops[0]).toEqual({ method: 'POST', relative_url: `v25.0/${items[0]!.externalId}`, body: 'status=PAUSED' });

    await expect(world.client.suspend(items.map(toRef))).rejects.toMatchObject({ code: 'invalid_request' });
    expect(world.sim.requests).toHaveLength(before + 1);
  });

  it('reports a partially failed batch item by item: throttled, null (did not complete), done', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => world.sim.world.addCampaign({ name: `P${i}` }));
    const items = await listAll(world.client);
    world.sim.world.injectBatchItemFault(ids[1]!, { kind: 'throttled' });
    world.sim.world.injectBatchItemFault(ids[2]!, { kind: 'incomplete', applied: false });
    world.sim.world.injectBatchItemFault(ids[3]!, { kind: 'incomplete', applied: true });

    const outcomes = await world.client.suspend(items.map(toRef));
    expect(outcomes.map((o) => o.externalId)).toEqual(items.map((i) => i.externalId));
    expect(errorOf(outcomes, ids[1]!)).toMatchObject({ code: 'rate_limited', retryable: true, ambiguous: false, vendorCode: '613/1487742', retryAfterMs: 7 * 60_000 });
    expect(errorOf(outcomes, ids[2]!)).toMatchObject({ code: 'timeout', retryable: true, ambiguous: true });
    expect(errorOf(outcomes, ids[3]!)).toMatchObject({ code: 'timeout', retryable: true, ambiguous: true });
    for (const id of [ids[0]!, ids[4]!]) expect(outcomes.find((o) => o.externalId === id)).toEqual({ kind: 'ok', externalId: id, status: 'PAUSED' });
    expect(world.sim.world.campaign(ids[1]!)!.status).toBe('ACTIVE');
    expect(world.sim.world.campaign(ids[2]!)!.status).toBe('ACTIVE');
    expect(world.sim.world.campaign(ids[3]!)!.status).toBe('PAUSED'); // ambiguous indeed: it applied

    // the core retries the failed ones: pausing is idempotent
    const retry = await world.client.suspend(items.filter((i) => [ids[1], ids[2], ids[3]].includes(i.externalId)).map(toRef));
    expect(retry.every((o) => o.kind === 'ok')).toBe(true);
    expect(world.sim.state().filter((r) => r.live)).toEqual([]);
  });

  it('refuses items that are not campaigns by id, without a request', async () => {
    const id = world.sim.world.addCampaign();
    const [item] = await listAll(world.client);
    const before = world.sim.requests.length;
    const outcomes = await world.client.suspend([
      { ...toRef(item!), externalId: '12/../act_1' },
      { ...toRef(item!), objectType: 'adset' },
    ]);
    expect(outcomes.map((o) => o.kind === 'error' && o.error.code)).toEqual(['invalid_request', 'invalid_request']);
    expect(world.sim.requests).toHaveLength(before);
    expect(world.sim.world.campaign(id)!.status).toBe('ACTIVE');
  });
});

describe('meta-ads restore', () => {
  const world = useMetaWorld();

  it('re-activates with status=ACTIVE in one batch and keeps content intact', async () => {
    const ids = [world.sim.world.addCampaign({ daily_budget: '4200' }), world.sim.world.addCampaign({ lifetime_budget: '90000' })];
    const items = await listAll(world.client);
    const before = world.sim.state();
    await world.client.suspend(items.map(toRef));
    const start = world.sim.requests.length;
    const outcomes = await world.client.restore(items.map((i) => toRestore(i)));
    expect(outcomes).toEqual(items.map((i) => ({ kind: 'ok', externalId: i.externalId, status: 'ACTIVE' })));
    expect(items.map((i) => i.externalId).sort()).toEqual([...ids].sort());
    const requests = world.sim.requests.slice(start);
    expect(requests).toHaveLength(1);
    expect(batchOps(requests[0]!.body).map((op) => op.body)).toEqual(['status=ACTIVE', 'status=ACTIVE']);
    expect(world.sim.state()).toEqual(before);
  });

  it('after a possible earlier restore (mayExist), reads first and writes only what is not back', async () => {
    const [a, b] = [world.sim.world.addCampaign({ name: 'A' }), world.sim.world.addCampaign({ name: 'B' })];
    const items = await listAll(world.client);
    await world.client.suspend(items.map(toRef));
    world.sim.world.setCampaignStatus(a, 'ACTIVE'); // the earlier restore of A landed before a crash
    const start = world.sim.requests.length;
    const outcomes = await world.client.restore(items.map((i) => toRestore(i, true)));
    expect(outcomes.find((o) => o.externalId === a)).toEqual({ kind: 'ok', externalId: a, status: 'ACTIVE', note: 'already ACTIVE; nothing written' });
    expect(outcomes.find((o) => o.externalId === b)).toEqual({ kind: 'ok', externalId: b, status: 'ACTIVE' });
    const writes = world.sim.requests.slice(start).filter((r) => r.method === 'POST');
    expect(writes.flatMap((r) => batchOps(r.body)).map((op) => op.relative_url)).toEqual([`v25.0/${b}`]);
  });

  it('never writes ARCHIVED or DELETED, and never re-activates what someone archived or deleted', async () => {
    const [archived, deleted, fine] = [world.sim.world.addCampaign(), world.sim.world.addCampaign(), world.sim.world.addCampaign()];
    const items = await listAll(world.client);
    await world.client.suspend(items.map(toRef));
    world.sim.world.setCampaignStatus(archived, 'ARCHIVED');
    world.sim.world.setCampaignStatus(deleted, 'DELETED');
    const start = world.sim.requests.length;

    const recovered = await world.client.restore(items.map((i) => toRestore(i, true)));
    expect(errorOf(recovered, archived)).toMatchObject({ code: 'invalid_state', retryable: false });
    expect(errorOf(recovered, deleted)).toMatchObject({ code: 'invalid_state', retryable: false });
    expect(recovered.find((o) => o.externalId === fine)).toMatchObject({ kind: 'ok', status: 'ACTIVE' });

    // a plain restore lets Graph refuse it: still an error, still nothing changed
    const plain = await world.client.restore(items.filter((i) => i.externalId === archived).map((i) => toRestore(i)));
    expect(plain[0]).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });

    // a tampered snapshot asking for ARCHIVED is refused before any request
    const tampered = items.find((i) => i.externalId === fine)!;
    const beforeTamper = world.sim.requests.length;
    const refused = await world.client.restore([{ ...toRestore(tampered), snapshot: { ...tampered.snapshot, status: 'ARCHIVED' } }]);
    expect(refused[0]).toMatchObject({ kind: 'error', error: { code: 'invalid_request' } });
    expect(world.sim.requests).toHaveLength(beforeTamper);

    const written = world.sim.requests.filter((r) => r.method === 'POST').flatMap((r) => batchOps(r.body));
    expect(written.length).toBeGreaterThan(0);
    for (const op of written) expect(['status=PAUSED', 'status=ACTIVE']).toContain(op.body);
    expect(world.sim.requests.slice(start).some((r) => r.method === 'POST' && r.body.includes(deleted))).toBe(false);
    expect(world.sim.world.campaign(archived)!.status).toBe('ARCHIVED');
    expect(world.sim.world.campaign(deleted)!.status).toBe('DELETED');
  });

  it('notes that a campaign whose stop time passed while paused will not deliver', async () => {
    const id = world.sim.world.addCampaign({ stop_time: new Date(world.clock.now().getTime() + DAY) });
    const items = await listAll(world.client);
    await world.client.suspend(items.map(toRef));
    world.clock.advance(2 * DAY);
    const [outcome] = await world.client.restore(items.map((i) => toRestore(i)));
    expect(outcome).toEqual({ kind: 'ok', externalId: id, status: 'ACTIVE', note: 'its stop time has passed: Meta will not deliver it' });
    expect(world.sim.state()[0]).toMatchObject({ status: 'ACTIVE', live: false });
  });
});

describe('meta-ads simulator updates', () => {
  const world = useMetaWorld();

  const post = (id: string, params: Record<string, string>) =>
    fetch(`${BASE_URL}/v25.0/${id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params),
    });

  it('lets a person change budget and schedule through the API: drift the adapter sees', async () => {
    const id = world.sim.world.addCampaign({ daily_budget: '5000' });
    const [item] = await listAll(world.client);
    const response = await post(id, { daily_budget: '7500', stop_time: '2026-12-24T18:00:00-0800' });
    expect(await response.json()).toEqual({ success: true });
    expect(world.sim.world.campaign(id)).toMatchObject({ daily_budget: '7500', stop_time: '2026-12-25T02:00:00+0000', status: 'ACTIVE' });
    const [seen] = await world.client.inspect([toRef(item!)]);
    expect(seen!.fingerprint).not.toBe(item!.fingerprint);
  });

  it('answers bad updates as Graph does, and keeps ARCHIVED and DELETED final', async () => {
    const id = world.sim.world.addCampaign();
    for (const params of [{ status: 'STOPPED' } as Record<string, string>, { daily_budget: '-5' }, { bid_strategy: 'CHEAPEST' }, { special_ad_categories: '["PETS"]' }, { unrelated: 'x' }]) {
      const response = await post(id, params);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 100, type: 'OAuthException' } });
    }
    world.sim.world.setCampaignStatus(id, 'ARCHIVED');
    expect((await post(id, { status: 'ACTIVE' })).status).toBe(400);
    expect((await post(id, { daily_budget: '100' })).status).toBe(400);
    expect((await post(id, { name: 'renamed' })).status).toBe(200);
    expect((await post(id, { status: 'DELETED' })).status).toBe(200);
    expect((await post(id, { status: 'PAUSED' })).status).toBe(400);
    expect(world.sim.world.campaign(id)).toMatchObject({ status: 'DELETED', name: 'renamed' });
  });
});

describe('meta-ads inspect', () => {
  const world = useMetaWorld();

  it('reads up to 50 ids in one request', async () => {
    for (let i = 0; i < 50; i++) world.sim.world.addCampaign();
    const items = await listAll(world.client);
    const start = world.sim.requests.length;
    const seen = await world.client.inspect(items.map(toRef));
    expect(seen.every((o) => o.found && o.live && o.status === 'ACTIVE')).toBe(true);
    const reads = world.sim.requests.slice(start);
    expect(reads).toHaveLength(1);
    expect(reads[0]!.path).toBe('/v25.0/');
    expect(new URLSearchParams(reads[0]!.query).get('ids')!.split(',')).toHaveLength(50);
  });

  it('falls back to one read per id when Graph rejects a missing id, and reports it not found', async () => {
    const live = world.sim.world.addCampaign({ name: 'still here' });
    const gone = world.sim.world.addCampaign({ name: 'deleted by a person' });
    const items = await listAll(world.client);
    world.sim.world.setCampaignStatus(gone, 'DELETED');
    const refs = [...items.map(toRef), { ...toRef(items[0]!), externalId: '999999999999' }];
    const seen = await world.client.inspect(refs);
    expect(seen.find((o) => o.externalId === live)).toMatchObject({ found: true, live: true, status: 'ACTIVE' });
    expect(seen.find((o) => o.externalId === gone)).toMatchObject({ found: true, live: false, status: 'DELETED' });
    expect(seen.find((o) => o.externalId === '999999999999')).toEqual({
      externalId: '999999999999', found: false, live: false, status: null, fingerprint: null, scheduledAt: null,
    });
    const reads = world.sim.requests.filter((r) => r.method === 'GET' && !r.path.endsWith('/campaigns'));
    expect(reads[0]!.path).toBe('/v25.0/'); // the multiple-id read Graph refused
    expect(reads.slice(1).map((r) => r.path).sort()).toEqual([`/v25.0/${live}`, `/v25.0/${gone}`, '/v25.0/999999999999'].sort());
  });
});

describe('meta-ads throttling signals', () => {
  const world = useMetaWorld();

  const cases: Array<[ThrottleSignal, { vendorCode?: string; httpStatus: number; retryAfterMs?: number }]> = [
    ['buc', { vendorCode: '80004', httpStatus: 400, retryAfterMs: 7 * MINUTE }],
    // the points limit's own answer: blocked for the standard tier's 60 s (X-Ad-Account-Usage)
    ['points', { vendorCode: '17/2446079', httpStatus: 400, retryAfterMs: 60_000 }],
    ['ad-account', { vendorCode: '613/1487742', httpStatus: 400 }],
    ['user', { vendorCode: '17/2446079', httpStatus: 400 }],
    ['app', { vendorCode: '4', httpStatus: 400 }],
    ['http-429', { httpStatus: 429 }],
  ];

  for (const [signal, expected] of cases) {
    it(`maps ${signal} to a retryable rate_limited error, on reads and on the batch write`, async () => {
      world.sim.world.addCampaign({ name: 'one' });
      const items = await listAll(world.client);
      world.sim.faults.inject({ kind: 'rate-limit', variant: signal, times: 2 });

      const onList = await listAll(world.client).catch((e: unknown) => e);
      expect(onList).toBeInstanceOf(AdapterError);
      const onWrite = await world.client.suspend(items.map(toRef));
      for (const failure of [onList, onWrite]) {
        const info = failureOf(failure);
        expect(info).toMatchObject({ code: 'rate_limited', retryable: true, ambiguous: false, httpStatus: expected.httpStatus });
        expect(info.vendorCode).toBe(expected.vendorCode);
        expect(info.retryAfterMs).toBe(expected.retryAfterMs);
      }
      expect(world.sim.world.campaign(items[0]!.externalId)!.status).toBe('ACTIVE');
    });
  }
});

describe('meta-ads Business Use Case budget (enforceLimits)', () => {
  const world = useMetaWorld({ enforceLimits: true });

  it('throttles the batch items over the hourly budget with 80004 and the time to regain access', async () => {
    for (let i = 0; i < 10; i++) world.sim.world.addCampaign({ name: `B${i}` });
    world.sim.world.setCallBudget(6);
    const items = await listAll(world.client); // 1 call
    world.clock.advance(15 * MINUTE);
    const outcomes = await world.client.suspend(items.map(toRef)); // 5 pass, 5 throttled
    const errors = outcomes.filter((o): o is Extract<Outcome, { kind: 'error' }> => o.kind === 'error');
    expect(outcomes.filter((o) => o.kind === 'ok')).toHaveLength(5);
    expect(errors).toHaveLength(5);
    for (const { error } of errors) {
      // the oldest call in the window (the listing) leaves it 45 minutes from now
      expect(error).toMatchObject({ code: 'rate_limited', retryable: true, vendorCode: '80004', retryAfterMs: 45 * MINUTE });
    }
    await expect(listAll(world.client)).rejects.toMatchObject({ code: 'rate_limited', retryAfterMs: 45 * MINUTE });

    world.clock.advance(HOUR);
    const retried = await world.client.suspend(errors.map((e) => toRef(items.find((i) => i.externalId === e.externalId)!)));
    expect(retried.every((o) => o.kind === 'ok')).toBe(true);
    expect(world.sim.state().filter((r) => r.live)).toEqual([]);
  });
});

describe('meta-ads credentials and server errors', () => {
  const world = useMetaWorld();

  it('reports an expired token (190/463) as unauthorized, never retryable, without the token', async () => {
    world.sim.world.expireToken(TOKEN);
    const failure = (await world.client.checkCredentials().catch((e: unknown) => e)) as AdapterError;
    expect(failure.toInfo()).toMatchObject({ code: 'unauthorized', retryable: false, vendorCode: '190/463', httpStatus: 400 });
    expect(failure.message).toContain('Session has expired');
    expect(failure.message + JSON.stringify(failure)).not.toContain(TOKEN);
  });

  it('checks credentials against the first ad account, the token in a Bearer header, never in the URL', async () => {
    const seen: string[] = [];
    world.server.use(http.get(`${BASE_URL}/*`, ({ request }) => void seen.push(request.headers.get('authorization') ?? '')));
    await expect(world.client.checkCredentials()).resolves.toBeUndefined();
    expect(world.sim.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v25.0/act_1000000001' });
    expect(world.sim.requests.at(-1)!.query).not.toContain('access_token');
    expect(seen).toEqual([`Bearer ${TOKEN}`]);
  });

  it('marks a 5xx on a read retryable and not ambiguous, on the batch write ambiguous', async () => {
    world.sim.world.addCampaign();
    const items = await listAll(world.client);
    world.sim.faults.inject({ kind: 'server-error', times: 2 });
    await expect(listAll(world.client)).rejects.toMatchObject({ code: 'server_error', isRetryable: true, ambiguous: false, httpStatus: 500 });
    expect(failureOf(await world.client.suspend(items.map(toRef)))).toMatchObject({ code: 'server_error', retryable: true, ambiguous: true });
  });

  it('treats a connection reset on the batch write as possibly applied', async () => {
    world.sim.world.addCampaign();
    const items = await listAll(world.client);
    world.sim.faults.inject({ kind: 'reset', method: 'POST' });
    expect(failureOf(await world.client.suspend(items.map(toRef)))).toMatchObject({ code: 'network', ambiguous: true });
  });
});

describe('meta-ads error mapping', () => {
  // The signals through the kit's client, as a batch element is read (failureOf): no request.
  const client = createVendorClient({ timeoutMs: 1_000, clock: new ManualClock() }, metaVendor('standard'), { auth: auth.formToken('s3cr3t-token') });
  const map = (httpStatus: number, error: Record<string, unknown> | null, headers: Record<string, string> = {}, write = false) =>
    client.failureOf({ status: httpStatus, headers, data: error && { error } }, { operation: 'POST /v25.0/{campaign_id}', method: write ? 'POST' : 'GET', write })!.toInfo();

  it.each([
    [4, 'rate_limited'],
    [17, 'rate_limited'],
    [32, 'rate_limited'],
    [613, 'rate_limited'],
    [80000, 'rate_limited'],
    [80004, 'rate_limited'],
    [80014, 'rate_limited'],
    [190, 'unauthorized'],
    [10, 'forbidden'],
    [200, 'forbidden'],
    [294, 'forbidden'],
    [100, 'invalid_request'],
    [102, 'unauthorized'],
    [368, 'forbidden'],
    [803, 'not_found'],
    [1, 'server_error'],
    [2, 'server_error'],
  ])('code %i → %s', (code, expected) => {
    expect(map(400, { code, message: 'm' }).code).toBe(expected);
  });

  it('treats is_transient as a retryable server error, ambiguous only on writes', () => {
    expect(map(400, { code: 1234, is_transient: true })).toMatchObject({ code: 'server_error', retryable: true, ambiguous: false });
    expect(map(400, { code: 1234, is_transient: true }, {}, true)).toMatchObject({ ambiguous: true });
    expect(map(503, null, {}, true)).toMatchObject({ code: 'server_error', ambiguous: true });
  });

  it('keeps credentials and token-looking strings out of messages', () => {
    const info = map(400, { code: 190, message: 'bad token s3cr3t-token EAABwzLixnjYBAAbcdefghijklmnop1234 access_token=abc' });
    expect(info.message).not.toMatch(/s3cr3t|EAABwz|access_token=abc/);
  });

  it('reads the wait from X-Business-Use-Case-Usage (minutes) and X-Ad-Account-Usage (seconds)', () => {
    const buc = JSON.stringify({
      '111': [{ type: 'ads_management', call_count: 100, total_cputime: 20, total_time: 20, estimated_time_to_regain_access: 19 }],
      '222': [{ type: 'ads_insights', call_count: 40, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 0 }],
    });
    expect(throttleRetryAfterMs({ 'x-business-use-case-usage': buc })).toBe(19 * MINUTE);
    expect(throttleRetryAfterMs({ 'x-ad-account-usage': '{"acc_id_util_pct":100,"reset_time_duration":90}' })).toBe(90_000);
    expect(throttleRetryAfterMs({ 'x-business-use-case-usage': 'not json' })).toBeUndefined();
    expect(map(400, { code: 80004 }, { 'x-business-use-case-usage': buc }).retryAfterMs).toBe(19 * MINUTE);
    expect(map(429, null, { 'retry-after': '30' }).retryAfterMs).toBe(30_000);
  });
});
