// meta-ads and Meta's per-ad-account points limit: what each access tier allows (60 or 9,000
// points per 300 s; a read 1, a write 3), bulk sizes that follow the tier, pacing that never
// sends a request over the limit, and the simulator's own signal and BLOCK when a request is.
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import { Pacer } from '../../adapters/kit/pacer.js';
import { metaAds, metaVendor } from '../../adapters/meta-ads/adapter.js';
import { ACCESS_TIERS, type AccessTier } from '../../adapters/meta-ads/adapter-settings.js';
import { createMetaAdsSimulator, type MetaAdsSimulator } from '../../adapters/meta-ads/simulator.js';
import type { AdapterClient, LimitWait, Outcome } from '../../adapters/types.js';
import { ManualClock } from '../support/clock.js';
import { routeToSimulator, useMsw } from '../support/msw.js';
import { listAll, toRef } from './live-items.js';

const BASE_URL = 'https://graph.facebook.com';
const TOKEN = 'EAAGlimitsToken00000000000000000001';
const A = 'act_2000000001';
const B = 'act_2000000002';

const errorsOf = (outcomes: Outcome[]) => outcomes.flatMap((o) => (o.kind === 'error' ? [o.error] : []));

describe('meta-ads access tiers', () => {
  it('paces each ad account to its tier: 60 or 9,000 points per 300 s, a read 1 and a write 3', () => {
    for (const [tier, points] of [['development', 60], ['standard', 9_000]] as const) {
      const bucket = metaVendor(tier).buckets['points'];
      expect(bucket).toMatchObject({ kind: 'window', unit: 'point', limit: points, windowMs: 300_000 });
      expect(bucket && 'reason' in bucket && bucket.reason).toContain(`${points.toLocaleString('en')} per 300 s`);
    }
    expect(ACCESS_TIERS.development).toMatchObject({ blockMs: 300_000, headerValue: 'development_access' });
    expect(ACCESS_TIERS.standard).toMatchObject({ blockMs: 60_000, headerValue: 'standard_access' });
  });

  it('sizes its calls by the tier: a batch of 50 writes (150 points) can never fit the development window', async () => {
    expect(metaAds.settingsSchema.parse({})).toMatchObject({ accessTier: 'standard' });
    expect(metaAds.bulkFor!(metaAds.settingsSchema.parse({}))).toEqual({ suspend: 50, restore: 50, inspect: 50 });
    const development = metaAds.bulkFor!(metaAds.settingsSchema.parse({ accessTier: 'development' }));
    expect(development.suspend * 3).toBeLessThanOrEqual(60);
    expect(development.inspect).toBeLessThanOrEqual(60);
    const pacer = new Pacer({ buckets: metaVendor('development').buckets, maxWaitMs: 0 });
    await expect(pacer.run({ points: { amount: 150, key: A } }, async () => 'sent')).rejects.toMatchObject({ code: 'invalid_request' });
  });
});

describe('meta-ads points limit against the simulator', () => {
  const server = useMsw();
  let clock: ManualClock;
  let sim: MetaAdsSimulator;
  let waits: LimitWait[];

  const connect = (tier: AccessTier): AdapterClient =>
    metaAds.connect({
      connectionId: 'meta-limits',
      accountIds: [A, B],
      settings: metaAds.settingsSchema.parse({ accessTier: tier }),
      credentials: { accessToken: TOKEN },
      timeoutMs: 2_000,
      clock,
      onWait: (w) => waits.push(w),
    });

  const make = (tier: AccessTier, enforceLimits = true) => {
    sim = createMetaAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [A, B], seed: 'empty', enforceLimits });
    sim.world.setAccessTier(tier);
    routeToSimulator(server, BASE_URL, sim);
  };

  beforeEach(() => {
    clock = new ManualClock();
    waits = [];
  });

  it('on the development tier, holds back what would go over 60 points and sends nothing over the limit', async () => {
    make('development');
    for (let i = 0; i < 25; i++) sim.world.addCampaign({ account: A, name: `A${i}` });
    const client = connect('development');
    const items = (await listAll(client, 'ad')).map(toRef); // 1 point on A, 1 on B
    expect(items).toHaveLength(25);

    const first = await client.suspend(items.slice(0, 10)); // 30 points: 31 on A
    expect(errorsOf(first)).toEqual([]);
    const sent = sim.requests.length;
    const second = await client.suspend(items.slice(10, 20)); // 30 more would make 61
    expect(sim.requests).toHaveLength(sent); // never sent
    const held = errorsOf(second);
    expect(held).toHaveLength(10);
    for (const error of held) {
      expect(error).toMatchObject({ code: 'rate_limited', retryable: true, ambiguous: false });
      // until the listing's point leaves the window (300 s, and the 2 s of margin we keep)
      expect(error.retryAfterMs).toBe(302_000);
      expect(error.message).toContain("Meta's ad account points limit (60 per 300 s");
    }
    expect(waits).toHaveLength(1);
    expect(waits[0]!.reason).toContain('points limit');
    expect(waits[0]!.until.getTime()).toBe(clock.now().getTime() + 302_000);

    // Another account's points are its own: B's campaigns go at once.
    const onB = sim.world.addCampaign({ account: B, name: 'B0' });
    const bItems = (await listAll(client, 'ad')).filter((i) => i.externalId === onB).map(toRef);
    expect(errorsOf(await client.suspend(bItems))).toEqual([]);

    clock.advance(302_000);
    expect(errorsOf(await client.suspend(items.slice(10, 20)))).toEqual([]);
    expect(sim.world.limits.overLimit).toBe(0);
  });

  it('answers a request over the limit with 17/2446079, the time to regain access, and a BLOCK of the tier', async () => {
    make('development');
    const ids = Array.from({ length: 5 }, (_, i) => sim.world.addCampaign({ account: A, name: `C${i}` }));
    const client = connect('development');
    const items = (await listAll(client, 'ad')).map(toRef);
    // Someone else (another app, an earlier process of ours) spent the window: our pacer cannot know.
    sim.world.limits.spend('2000000001', 58);

    // Each write of the batch counts on its own: the first goes over (59 + 3), the rest meet the block.
    const blocked = errorsOf(await client.suspend(items));
    expect(blocked).toHaveLength(5);
    for (const error of blocked) expect(error).toMatchObject({ code: 'rate_limited', retryable: true, vendorCode: '17/2446079', retryAfterMs: 300_000 });
    expect(sim.world.limits.overLimit).toBe(5);
    for (const id of ids) expect(sim.world.campaign(id)!.status).toBe('ACTIVE');

    // Blocked for 300 s, reads too, however cheap; the wait left shrinks as time passes.
    clock.advance(100_000);
    const during = await client.inspect(items.slice(0, 1)).catch((e: unknown) => e);
    expect(during).toBeInstanceOf(AdapterError);
    expect(during).toMatchObject({ code: 'rate_limited', retryAfterMs: 200_000, vendorCode: '17/2446079' });

    clock.advance(200_000);
    expect(errorsOf(await client.suspend(items))).toEqual([]);
    expect(sim.state().filter((r) => r.live)).toEqual([]);
  });

  it('blocks a standard-tier account for 60 s', async () => {
    make('standard');
    sim.world.addCampaign({ account: A });
    const client = connect('standard');
    const items = (await listAll(client, 'ad')).map(toRef);
    sim.world.limits.spend('2000000001', 9_000);
    expect(errorsOf(await client.suspend(items))[0]).toMatchObject({ code: 'rate_limited', vendorCode: '17/2446079', retryAfterMs: 60_000 });
  });

  it('says in X-Ad-Account-Usage how much of the score is used, when it resets, and the tier', async () => {
    make('development');
    const id = sim.world.addCampaign({ account: A });
    const read = () => sim.fetch(new Request(`${BASE_URL}/v25.0/${id}?fields=id,status`, { headers: { authorization: `Bearer ${TOKEN}` } }));
    const usage = async () => JSON.parse((await read()).headers.get('x-ad-account-usage')!) as Record<string, unknown>;
    expect(await usage()).toEqual({ acc_id_util_pct: 1.67, reset_time_duration: 300, ads_api_access_tier: 'development_access' });
    clock.advance(100_000);
    expect(await usage()).toEqual({ acc_id_util_pct: 3.33, reset_time_duration: 300, ads_api_access_tier: 'development_access' });
    const buc = JSON.parse((await read()).headers.get('x-business-use-case-usage')!) as Record<string, Array<Record<string, unknown>>>;
    expect(buc['2000000001']![0]).toMatchObject({ type: 'ads_management', estimated_time_to_regain_access: 0, ads_api_access_tier: 'development_access' });
  });

  it('only counts what goes over the limit when it does not enforce limits', async () => {
    make('development', false);
    sim.world.addCampaign({ account: A });
    const client = connect('development');
    const items = (await listAll(client, 'ad')).map(toRef);
    sim.world.limits.spend('2000000001', 60);
    expect(errorsOf(await client.suspend(items))).toEqual([]);
    expect(sim.world.limits.overLimit).toBe(1);
  });
});
