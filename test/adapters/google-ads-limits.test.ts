// google-ads limits: RESOURCE_EXHAUSTED's retryDelay honoured (the core waits, the call goes
// through), the developer token's daily operations paced and forecast, and Google's own quota
// error when a client goes over it.
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../adapters/kit/adapter-error.js';
import type { ItemRef } from '../../adapters/types.js';
import { retryCall, type RetryPolicy } from '../../src/pauses/with-retries.js';
import { DAY } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { CUSTOMERS, setUp, type Setup } from './google-ads-fixture.js';
import { listAll, toRef } from './live-items.js';

describe('google-ads limits', () => {
  const server = useMsw();
  let t: Setup;
  let slept: number[];
  let policy: RetryPolicy;

  beforeEach(() => {
    t = setUp(server, { accessLevel: 'explorer' });
    for (const c of CUSTOMERS) t.sim.world.addCustomer(c);
    slept = [];
    // The core's retries, sleeping on the test clock: a wait is seen, and time passes.
    policy = { retries: 2, backoffMs: 1_000, maxRetryWaitMs: 2 * DAY, sleep: async (ms) => void (slept.push(ms), t.clock.advance(ms)) };
  });

  it.each([
    ['temporarily-exhausted', 17_000],
    ['daily-quota', 3_600_000],
  ] as const)('reads %s as rate_limited with its retryDelay, and the core waits it out', async (variant, wait) => {
    t.sim.world.addCampaign({ customerId: '1234567890', name: 'Live' });
    await t.client.checkCredentials();
    t.sim.faults.inject({ kind: 'rate-limit', variant, method: 'POST', path: /googleAds:search$/ });
    const error = await listAll(t.client, 'ad').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'rate_limited', isRetryable: true, ambiguous: false, retryAfterMs: wait, httpStatus: 429 });
    t.sim.faults.inject({ kind: 'rate-limit', variant, method: 'POST', path: /googleAds:search$/ });
    const items = await retryCall(() => listAll(t.client, 'ad'), policy, { idempotent: true });
    expect(items.map((i) => i.title)).toEqual(['Live']);
    expect(slept).toEqual([wait]);
  });

  it('paces mutates to the Explorer quota (2,880 operations a day): waits rather than being refused', async () => {
    for (let i = 0; i < 2_990; i++) t.sim.world.addCampaign({ customerId: '1234567890', name: `C${i}` });
    t.sim.world.setAccessLevel('explorer');
    const items = (await listAll(t.client, 'ad')).map(toRef); // 2 operations (one query per customer)
    expect(items.length).toBe(2_990);
    const batches: ItemRef[][] = [];
    for (let i = 0; i < items.length; i += 100) batches.push(items.slice(i, i + 100));
    for (const batch of batches.slice(0, 28)) expect((await t.client.suspend(batch)).every((o) => o.kind === 'ok')).toBe(true);
    // 2 + 2,800 spent: 100 more would pass 2,880. Held back before sending, with the wait.
    const held = await t.client.suspend(batches[28]!);
    expect(held.every((o) => o.kind === 'error' && o.error.code === 'rate_limited' && o.error.ambiguous === false && o.error.retryAfterMs === DAY)).toBe(true);
    expect(t.waits.at(-1)?.reason).toMatch(/Explorer access: 2,880 operations per 24 hours/);
    const mutates = t.sim.requests.filter((r) => r.path.endsWith('campaigns:mutate'));
    expect(mutates.length).toBe(28);
    // the core waits a day and the rest goes through
    const outcomes = await retryCall(async () => {
      const result = await t.client.suspend(batches[28]!);
      const error = result.find((o) => o.kind === 'error');
      if (error?.kind === 'error') throw new AdapterError(error.error);
      return result;
    }, policy, { idempotent: true });
    expect(outcomes.every((o) => o.kind === 'ok')).toBe(true);
    expect(slept).toEqual([DAY]);
  });

  it("answers a client that goes over the quota with Google's RESOURCE_EXHAUSTED and a retryDelay", async () => {
    for (let i = 0; i < 150; i++) t.sim.world.addCampaign({ customerId: '1234567890', name: `C${i}` });
    t.sim.world.setAccessLevel('explorer');
    const unpaced = t.connect({ accessLevel: 'standard' }); // misconfigured: believes it has no quota
    const items = (await listAll(unpaced, 'ad')).map(toRef);
    // spend the day's operations but for 50 (2 queries + 2,828 operations elsewhere)
    t.sim.world.spend(2_828);
    const outcomes = await unpaced.suspend(items.slice(0, 100));
    for (const o of outcomes) {
      expect(o).toMatchObject({ kind: 'error', error: { code: 'rate_limited', retryable: true, vendorCode: 'quotaError.RESOURCE_EXHAUSTED', retryAfterMs: DAY } });
    }
    expect(t.sim.state().every((r) => r.status === 'ENABLED')).toBe(true);
    expect((await unpaced.suspend(items.slice(0, 50))).every((o) => o.kind === 'ok')).toBe(true);
  });

  it('forecasts whether a pause fits the daily quota, and when it would finish', async () => {
    const quota = t.client.quota!;
    await expect(quota({ operation: 'suspend', items: 1_000 })).resolves.toMatchObject({ requests: 1_002, allowedNow: 2_880, fitsNow: true, finishesAt: t.clock.now() });
    const big = await quota({ operation: 'suspend', items: 6_000 });
    expect(big).toMatchObject({ requests: 6_002, allowedNow: 2_880, fitsNow: false, limits: expect.stringMatching(/2,880 operations per 24 hours/) });
    // 2,880 now, 2,880 a day later, the last 242 two days later
    expect(big.finishesAt.getTime()).toBe(t.clock.now().getTime() + 2 * DAY);
    // what has been spent counts: after a listing and 100 pauses, 2,778 are left
    for (let i = 0; i < 100; i++) t.sim.world.addCampaign({ customerId: '1234567890' });
    await t.client.suspend((await listAll(t.client, 'ad')).map(toRef));
    const after = await quota({ operation: 'restore', items: 2_778 });
    expect(after).toMatchObject({ requests: 2_778 + 3 * 2, allowedNow: 2_778, fitsNow: false });
    expect(after.finishesAt.getTime()).toBe(t.clock.now().getTime() + DAY);
    await expect(t.connect({ accessLevel: 'standard' }).quota!({ operation: 'suspend', items: 50_000 })).resolves.toMatchObject({ fitsNow: true });
  });
});
