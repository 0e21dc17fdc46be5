// The pacer's forecast, for platforms with small quotas: how many requests go before the first
// wait, and when the last of a given number could leave, from what the windows already hold.
import { describe, expect, it } from 'vitest';
import { bucket } from '../../../adapters/kit/buckets.js';
import { Pacer } from '../../../adapters/kit/pacer.js';
import { VirtualTime } from './virtual-time.js';

const MINUTE = 60_000;

describe('pacer forecast', () => {
  const quota = () => ({
    window: bucket.requests(4, 15 * MINUTE, { reason: '4 per 15 min' }),
    daily: bucket.daily(10, { reason: '10 a day' }),
  });

  it('says everything fits now when the windows have room', () => {
    const pacer = new Pacer({ buckets: quota(), time: new VirtualTime() });
    expect(pacer.forecast(3)).toEqual({ allowedNow: 4, waitMs: 0 });
  });

  it('counts what was sent, and walks the windows forward for the rest', async () => {
    const time = new VirtualTime();
    const pacer = new Pacer({ buckets: quota(), time, maxWaitMs: 0 });
    await pacer.run(undefined, async () => undefined);
    time.advance(MINUTE);
    await pacer.run(undefined, async () => undefined);
    // 2 sent (at 0 and 1 min): 2 more fit now; the 3rd and 4th wait for the first two to leave
    // the 15-minute window (at 15 and 16 min from the start, i.e. 14 and 15 min from now).
    expect(pacer.forecast(4)).toEqual({ allowedNow: 2, waitMs: 15 * MINUTE });
    // 8 more than the daily 10 allows: the 9th waits for the day to pass from the first send.
    expect(pacer.forecast(9).waitMs).toBe(24 * 60 * MINUTE - MINUTE);
  });

  it('ignores point buckets and in-flight caps, and reports no limit when there is none', () => {
    const pacer = new Pacer({
      buckets: { points: bucket.points(60, 300_000, { reason: 'points' }), inFlight: bucket.inFlight(2, { reason: '2 in flight' }) },
      time: new VirtualTime(),
    });
    expect(pacer.forecast(1000)).toEqual({ allowedNow: Number.MAX_SAFE_INTEGER, waitMs: 0 });
  });
});
