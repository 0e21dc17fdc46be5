// tiktok-ads writes: partial failures per campaign (TikTok's 20001 and error_list), retries that
// find the work already done, lost answers, drift while suspended, restore exactness, throttling
// honoured (a wait, then success), pacing by the app's level, and DELETE never sent.
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ItemRef, LiveItem, Outcome } from '../../adapters/types.js';
import { withOverrides } from '../../adapters/kit/buckets.js';
import { tiktokVendor, type TiktokAdsSettings } from '../../adapters/tiktok-ads/adapter.js';
import { retryBatch } from '../../src/pauses/with-retries.js';
import { useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';
import { rig, SETTINGS, type Rig } from './tiktok-ads-fixture.js';

const restoreOf = (i: LiveItem) => ({ ...toRef(i), scheduledAt: null, mayExist: false });
const posts = (r: Rig) => r.sim.requests.filter((q) => q.method === 'POST');

describe('tiktok-ads writes', () => {
  const server = useMsw();
  let r: Rig;
  let items: LiveItem[];

  beforeEach(async () => {
    r = rig(server);
    for (let i = 0; i < 5; i++) r.sim.world.addCampaign({ campaign_name: `Campaign ${i}`, budget: 100 + i });
    items = await listAll(r.client, 'ad');
  });

  it('reports each campaign of a partly refused batch on its own (20001 + error_list), the rest done', async () => {
    const [gone, alreadyOff, ...rest] = items;
    r.sim.world.setStatus(gone!.externalId, 'DELETE'); // a person deleted it since the listing
    r.sim.world.setStatus(alreadyOff!.externalId, 'DISABLE'); // a person paused it since the listing
    const outcomes = await r.client.suspend(items.map(toRef));
    const byId = new Map(outcomes.map((o) => [o.externalId, o]));
    expect(byId.get(gone!.externalId)).toMatchObject({ kind: 'error', error: { code: 'not_found', retryable: false, ambiguous: false } });
    expect(byId.get(alreadyOff!.externalId)).toMatchObject({ kind: 'ok', status: 'DISABLE', note: expect.stringMatching(/already DISABLE/) });
    for (const item of rest) expect(byId.get(item.externalId)).toEqual({ kind: 'ok', externalId: item.externalId, status: 'DISABLE' });
    // one status update for the five, then one read-back of the two TikTok refused
    expect(r.sim.requests.slice(-2).map((q) => `${q.method} ${q.path}`)).toEqual(['POST /open_api/v1.3/campaign/status/update/', 'GET /open_api/v1.3/campaign/get/']);
    expect(JSON.parse(new URLSearchParams(r.sim.requests.at(-1)!.query).get('filtering')!)).toEqual({ campaign_ids: [gone!.externalId, alreadyOff!.externalId], primary_status: 'STATUS_ALL' });
  });

  it('a repeated suspend or restore finds the work done: ok, nothing changed twice', async () => {
    await r.client.suspend(items.map(toRef));
    const again = await r.client.suspend(items.map(toRef));
    expect(again.every((o) => o.kind === 'ok' && o.note?.includes('already DISABLE'))).toBe(true);
    await r.client.restore(items.map(restoreOf));
    const before = r.sim.state();
    const twice = await r.client.restore(items.map(restoreOf));
    expect(twice.every((o) => o.kind === 'ok' && o.status === 'ENABLE')).toBe(true);
    expect(r.sim.state()).toEqual(before);
  });

  it('a lost answer to a status update is possibly applied; the retry confirms it by reading back', async () => {
    r.sim.faults.inject({ kind: 'server-error', method: 'POST', applied: true });
    const [lost] = await r.client.suspend([toRef(items[0]!)]);
    expect(lost).toMatchObject({ kind: 'error', error: { code: 'server_error', retryable: true, ambiguous: true } });
    expect(r.sim.world.campaign(items[0]!.externalId)!.operation_status).toBe('DISABLE');
    const [retried] = await r.client.suspend([toRef(items[0]!)]);
    expect(retried).toMatchObject({ kind: 'ok', status: 'DISABLE' });
  });

  it('puts back exactly what it suspended: status and content, nothing else touched', async () => {
    const untouched = r.sim.world.addCampaign({ campaign_name: 'Paused by a person', operation_status: 'DISABLE' });
    const before = r.sim.state();
    await r.client.suspend(items.map(toRef));
    expect(r.sim.state().filter((s) => s.live)).toEqual([]);
    const restored = await r.client.restore(items.map(restoreOf));
    expect(restored.map((o) => o.kind)).toEqual(items.map(() => 'ok'));
    expect(r.sim.state()).toEqual(before);
    expect(r.sim.world.campaign(untouched)!.operation_status).toBe('DISABLE');
  });

  it('sees drift while suspended: edited, switched back on by a person, deleted', async () => {
    await r.client.suspend(items.map(toRef));
    const [edited, enabled, deleted, same] = items;
    r.sim.world.editCampaign(edited!.externalId, { budget: 5000 });
    r.sim.world.setStatus(enabled!.externalId, 'ENABLE');
    r.sim.world.setStatus(deleted!.externalId, 'DELETE');
    const seen = new Map((await r.client.inspect(items.map(toRef))).map((o) => [o.externalId, o]));
    expect(seen.get(edited!.externalId)).toMatchObject({ found: true, live: false, status: 'DISABLE' });
    expect(seen.get(edited!.externalId)!.fingerprint).not.toBe(edited!.fingerprint);
    expect(seen.get(enabled!.externalId)).toMatchObject({ found: true, live: true, status: 'ENABLE', fingerprint: enabled!.fingerprint });
    expect(seen.get(deleted!.externalId)).toMatchObject({ found: false, live: false });
    expect(seen.get(same!.externalId)).toMatchObject({ found: true, live: false, status: 'DISABLE', fingerprint: same!.fingerprint });
  });

  it('restores each campaign to its own snapshot status, one call per status when a batch mixes them', async () => {
    await r.client.suspend(items.map(toRef));
    r.sim.world.setStatus(items[1]!.externalId, 'ENABLE'); // switched on by a person meanwhile
    const keepOff = { ...toRef(items[1]!), snapshot: { ...items[1]!.snapshot, operationStatus: 'DISABLE' } };
    const outcomes = await r.client.restore([restoreOf(items[0]!), { ...keepOff, scheduledAt: null, mayExist: false }]);
    expect(outcomes.map((o) => o.kind === 'ok' && o.status)).toEqual(['ENABLE', 'DISABLE']);
    expect(r.sim.world.campaign(items[0]!.externalId)!.operation_status).toBe('ENABLE');
    expect(r.sim.world.campaign(items[1]!.externalId)!.operation_status).toBe('DISABLE');
    expect(posts(r).slice(-2).map((q) => (JSON.parse(q.body) as { operation_status: string }).operation_status).sort()).toEqual(['DISABLE', 'ENABLE']);
  });

  it('never sends DELETE, whatever a snapshot says, and refuses what is not its own before any request', async () => {
    const forged: ItemRef = { ...toRef(items[0]!), snapshot: { ...items[0]!.snapshot, operationStatus: 'DELETE' } };
    const notOurs: ItemRef = { ...toRef(items[1]!), objectType: 'adgroup' };
    const badId: ItemRef = { ...toRef(items[2]!), externalId: '12/../34' };
    const sent = r.sim.requests.length;
    const outcomes = await r.client.restore([forged, notOurs, badId].map((i) => ({ ...i, scheduledAt: null, mayExist: false })));
    expect(outcomes.map((o) => o.kind === 'error' && o.error.code)).toEqual(['invalid_request', 'invalid_request', 'invalid_request']);
    expect(r.sim.requests.length).toBe(sent);
    expect(posts(r).map((q) => q.body).join()).not.toContain('DELETE');
  });

  it("honours TikTok's throttle: 40100 is a retryable wait of TikTok's own length, and the core's retry then succeeds", async () => {
    const variants: Array<[string, number]> = [['app-qps', 1_000], ['app-qpm', 300_000], ['advertiser-qps', 1_000]];
    for (const [variant, wait] of variants) {
      r.sim.faults.inject({ kind: 'rate-limit', variant });
      const [outcome] = await r.client.suspend([toRef(items[0]!)]);
      expect(outcome).toMatchObject({ kind: 'error', error: { code: 'rate_limited', retryable: true, ambiguous: false, retryAfterMs: wait } });
    }
    r.sim.faults.inject({ kind: 'rate-limit', variant: 'http-429' });
    await expect(r.client.checkCredentials()).rejects.toMatchObject({ code: 'rate_limited', isRetryable: true });
    expect(r.sim.world.campaign(items[0]!.externalId)!.operation_status).toBe('ENABLE');

    r.sim.faults.inject({ kind: 'rate-limit', variant: 'app-qpm', times: 2 });
    const slept: number[] = [];
    const policy = { retries: 0, backoffMs: 1, maxRetryWaitMs: 3_600_000, sleep: async (ms: number) => void slept.push(ms) };
    const results = await retryBatch(items.map(toRef), (batch) => r.client.suspend(batch), policy, { idempotent: true });
    expect(slept).toEqual([300_000, 300_000]);
    expect(results.map((x) => (x.outcome as Outcome).kind)).toEqual(items.map(() => 'ok'));
  });

  it("paces to the app's limits by level and environment (per second, minute, day), the connection's rate overriding the first", () => {
    const spec = (settings: Partial<TiktokAdsSettings>) => withOverrides(tiktokVendor({ ...SETTINGS, ...settings }).buckets, undefined);
    expect(spec({})).toMatchObject({ perSecond: { limit: 10, windowMs: 1_000 }, perMinute: { limit: 600, windowMs: 60_000 }, daily: { limit: 864_000 } });
    expect(spec({ rateLevel: 'ultimate' })).toMatchObject({ perSecond: { limit: 50 }, perMinute: { limit: 3_000 }, daily: { limit: 4_320_000 } });
    expect(spec({ environment: 'sandbox', rateLevel: 'ultimate' })).toMatchObject({ perSecond: { limit: 1 }, perMinute: { limit: 30 }, daily: { limit: 1_000 } });
    const shared = withOverrides(tiktokVendor(SETTINGS).buckets, { requestsPerSecond: 5 });
    expect(Object.keys(shared).sort()).toEqual(['configuredRequestsPerSecond', 'daily', 'perMinute']);
    expect(tiktokVendor({ ...SETTINGS, environment: 'sandbox' }).baseUrl).toBe('https://sandbox-ads.tiktok.com');
  });

  it('confirms an answer without campaign_list by reading back, and reports what did not switch', async () => {
    r = rig(server);
    const ids = [r.sim.world.addCampaign({ campaign_name: 'One' }), r.sim.world.addCampaign({ campaign_name: 'Two' })];
    const items = await listAll(r.client, 'ad');
    // An answer in an older shape: code 0, `data: {}`; TikTok switched only the first.
    server.use(
      http.post('https://business-api.tiktok.com/open_api/v1.3/campaign/status/update/', () => {
        r.sim.world.setStatus(ids[0]!, 'DISABLE');
        return HttpResponse.json({ code: 0, message: 'OK', request_id: '2026', data: {} });
      }),
    );
    const outcomes = new Map((await r.client.suspend(items.map(toRef))).map((o) => [o.externalId, o]));
    expect(outcomes.get(ids[0]!)).toMatchObject({ kind: 'ok', status: 'DISABLE', note: 'confirmed by reading back' });
    expect(outcomes.get(ids[1]!)).toMatchObject({ kind: 'error', error: { code: 'invalid_state', retryable: false } });
  });
});
