// facebook-pages: Meta's throttle signals (32, 80001, 4, 17, 613, HTTP 429) are read as
// rate_limited with the wait the usage headers announce; the core's retries wait them out and
// the pause goes on; one throttled element of a batch does not fail the others.
import { describe, expect, it } from 'vitest';
import type { ItemRef, Outcome } from '../../adapters/types.js';
import { retryBatch, type RetryPolicy } from '../../src/pauses/with-retries.js';
import { MINUTE } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { seedScheduled, setup } from './facebook-pages-fixture.js';
import { listAll, toRef } from './live-items.js';

const errorsOf = (outcomes: Outcome[]) => outcomes.flatMap((o) => (o.kind === 'error' ? [o.error] : []));

describe('facebook-pages rate limits', () => {
  const server = useMsw();

  it.each([
    ['page', 5 * MINUTE, '32'],
    ['buc', 5 * MINUTE, '80001'],
    ['app', undefined, '4'],
    ['user', undefined, '17'],
    ['window', undefined, '613'],
    ['http-429', undefined, undefined],
  ] as const)('reads the %s throttle as rate_limited, retryable, not ambiguous, and changes nothing', async (variant, wait, vendorCode) => {
    const { client, sim, clock } = setup(server);
    seedScheduled(sim, clock, 4);
    const refs = (await listAll(client, 'post')).map(toRef);
    const before = sim.state();
    sim.faults.inject({ kind: 'rate-limit', variant, method: 'POST' });
    const outcomes = await client.suspend(refs);
    expect(errorsOf(outcomes)).toHaveLength(4);
    for (const error of errorsOf(outcomes)) {
      expect(error).toMatchObject({ code: 'rate_limited', retryable: true, ambiguous: false });
      expect(error.retryAfterMs).toBe(wait);
      expect(error.vendorCode).toBe(vendorCode);
    }
    expect(sim.state()).toEqual(before);
  });

  it("waits out the Page's throttle for the time Meta announces, then suspends everything", async () => {
    const { client, sim, clock } = setup(server);
    seedScheduled(sim, clock, 6);
    const refs = (await listAll(client, 'post')).map(toRef);
    sim.faults.inject({ kind: 'rate-limit', variant: 'buc', method: 'POST', times: 2 });
    const waits: number[] = [];
    const policy: RetryPolicy = {
      retries: 0, // no ordinary retry: only the platform's own "come back in" may bring success
      backoffMs: 1_000,
      maxRetryWaitMs: 30 * MINUTE,
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    };
    const results = await retryBatch<ItemRef & { externalId: string }>(refs, (batch) => client.suspend(batch), policy, { idempotent: true });
    expect(results.map((r) => r.outcome.kind)).toEqual(refs.map(() => 'ok'));
    expect(waits).toEqual([5 * MINUTE, 5 * MINUTE]);
    expect(sim.state().filter((r) => r.live)).toEqual([]);
  });

  it('fails only the throttled element of a batch; the others are deleted', async () => {
    const { client, sim, clock } = setup(server);
    const ids = seedScheduled(sim, clock, 5);
    const refs = (await listAll(client, 'post')).map(toRef);
    sim.world.injectBatchItemFault(ids[2]!, { kind: 'throttled' });
    const outcomes = await client.suspend(refs);
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'error', 'ok', 'ok']);
    expect(errorsOf(outcomes)[0]).toMatchObject({ code: 'rate_limited', retryable: true, vendorCode: '32', retryAfterMs: 5 * MINUTE });
    expect(sim.state().filter((r) => r.live).map((r) => r.id)).toEqual([ids[2]]);
  });
});
