// The pacer: never more than a bucket allows in any window, never less when behind, costs and
// keys, in-flight caps, waits too long to wait, and waits reported once.
import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../../adapters/kit/adapter-error.js';
import { bucket } from '../../../adapters/kit/buckets.js';
import { Pacer, type HeldBack } from '../../../adapters/kit/pacer.js';
import { VirtualTime } from './virtual-time.js';

/** Most sends in any window of `windowMs` (a window is half-open: (t - windowMs, t]). */
function mostInAnyWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0; i < times.length; i++) {
    const inWindow = times.filter((t) => t > times[i]! - windowMs && t <= times[i]!).length;
    most = Math.max(most, inWindow);
  }
  return most;
}

describe('pacer', () => {
  it('never lets more than the limit into any window, and uses the whole limit', async () => {
    const time = new VirtualTime();
    const pacer = new Pacer({ buckets: { perSecond: bucket.perSecond(5, { reason: '5/s' }) }, time });
    const sent: number[] = [];
    await Promise.all(Array.from({ length: 23 }, () => pacer.run(undefined, async () => void sent.push(time.now()))));
    expect(sent).toHaveLength(23);
    expect(mostInAnyWindow(sent, 1000)).toBe(5);
    // 23 requests at 5 per second: the last leaves 4 seconds after the first, not later.
    expect(sent.at(-1)! - sent[0]!).toBe(4000);
  });

  it('catches up after a stall: as many go at once as the window allows, not one', async () => {
    const time = new VirtualTime();
    const pacer = new Pacer({ buckets: { perSecond: bucket.perSecond(5, { reason: '5/s' }) }, time });
    const sent: number[] = [];
    const run = () => pacer.run(undefined, async () => void sent.push(time.now()));
    await Promise.all(Array.from({ length: 5 }, run));
    // The event loop stalls for 1.7 s while five more wait: when it wakes, all five go together.
    time.stallNextSleep(700);
    await Promise.all(Array.from({ length: 5 }, run));
    expect(sent.slice(5)).toEqual([1700, 1700, 1700, 1700, 1700]);
    expect(mostInAnyWindow(sent, 1000)).toBe(5);
  });

  it('widens the window by the declared jitter margin', async () => {
    const time = new VirtualTime();
    const pacer = new Pacer({ buckets: { perSecond: bucket.perSecond(2, { reason: '2/s', jitterMs: 50 }) }, time });
    const sent: number[] = [];
    await Promise.all(Array.from({ length: 4 }, () => pacer.run(undefined, async () => void sent.push(time.now()))));
    expect(sent).toEqual([0, 0, 1050, 1050]);
  });

  it('charges points per key, and only to requests that name them', async () => {
    const time = new VirtualTime();
    const pacer = new Pacer({ buckets: { points: bucket.points(6, 10_000, { reason: '6 points / 10 s' }) }, time, maxWaitMs: 60_000 });
    const sent: string[] = [];
    const call = (label: string, charge?: { points: { amount: number; key: string } }) =>
      pacer.run(charge, async () => void sent.push(`${label}@${time.now()}`));
    await call('write-a', { points: { amount: 3, key: 'a' } });
    await call('write-a', { points: { amount: 3, key: 'a' } });
    await call('write-b', { points: { amount: 3, key: 'b' } }); // another account: its own points
    await call('free'); // not charged to the points bucket at all
    await call('write-a', { points: { amount: 3, key: 'a' } });
    expect(sent).toEqual(['write-a@0', 'write-a@0', 'write-b@0', 'free@0', 'write-a@10000']);
  });

  it('refuses at once a request that can never fit, and one that names an unknown bucket', async () => {
    const pacer = new Pacer({ buckets: { points: bucket.points(60, 300_000, { reason: "Meta's 60 points / 300 s" }) }, time: new VirtualTime() });
    const tooBig = await pacer.run({ points: 150 }, async () => 'sent').catch((e: unknown) => e);
    expect(tooBig).toBeInstanceOf(AdapterError);
    expect(tooBig).toMatchObject({ code: 'invalid_request', isRetryable: false });
    expect((tooBig as Error).message).toContain("Meta's 60 points / 300 s");
    await expect(pacer.run({ nowhere: 1 }, async () => 'sent')).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('does not wait longer than it may: the call fails rate_limited with the wait, never sent', async () => {
    const time = new VirtualTime();
    const pacer = new Pacer({ buckets: { daily: bucket.daily(2, { reason: 'the daily quota' }) }, time, maxWaitMs: 60_000 });
    let sends = 0;
    await pacer.run(undefined, async () => sends++);
    time.advance(1000);
    await pacer.run(undefined, async () => sends++);
    const held = await pacer.run(undefined, async () => sends++).catch((e: unknown) => e);
    expect(held).toMatchObject({ code: 'rate_limited', isRetryable: true, ambiguous: false, retryAfterMs: 86_400_000 - 1000 });
    expect(sends).toBe(2);
    time.advance(86_400_000);
    await pacer.run(undefined, async () => sends++);
    expect(sends).toBe(3);
  });

  it('reports a long wait once per episode, with its reason', async () => {
    const time = new VirtualTime();
    const waits: HeldBack[] = [];
    const pacer = new Pacer({
      buckets: { slow: bucket.requests(1, 5_000, { reason: 'one call per 5 s' }) },
      time,
      reportFromMs: 1_000,
      onHeldBack: (w) => waits.push(w),
    });
    await Promise.all(Array.from({ length: 3 }, () => pacer.run(undefined, async () => undefined)));
    // Two waits of 5 s, one after the other: each is its own episode.
    expect(waits).toEqual([
      { waitMs: 5000, reason: 'one call per 5 s' },
      { waitMs: 5000, reason: 'one call per 5 s' },
    ]);
  });

  it('reports a wait too long to wait as well: the core waits it out, and people see why', async () => {
    const time = new VirtualTime();
    const waits: HeldBack[] = [];
    const pacer = new Pacer({ buckets: { points: bucket.points(60, 300_000, { reason: '60 points / 300 s' }) }, time, maxWaitMs: 0, onHeldBack: (w) => waits.push(w) });
    await pacer.run({ points: 60 }, async () => undefined);
    const held = await pacer.run({ points: 3 }, async () => undefined).catch((e: unknown) => e);
    expect(held).toMatchObject({ code: 'rate_limited', retryAfterMs: 300_000 });
    expect(waits).toEqual([{ waitMs: 300_000, reason: '60 points / 300 s' }]);
  });

  it('caps requests in flight, passing each freed slot to the next in line', async () => {
    const pacer = new Pacer({ buckets: { inFlight: bucket.inFlight(2, { reason: '2 in flight' }) } });
    let inFlight = 0;
    let most = 0;
    const task = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    };
    await Promise.all(Array.from({ length: 9 }, () => pacer.run(undefined, task)));
    expect(most).toBe(2);
  });
});

describe('pacer on real time', () => {
  it('keeps a small window on a loaded machine, and sends a backlog together after an event-loop stall', async () => {
    const pacer = new Pacer({ buckets: { burst: bucket.requests(4, 120, { reason: '4 per 120 ms' }) } });
    const sent: number[] = [];
    const run = () => pacer.run(undefined, async () => void sent.push(performance.now()));
    const first = Array.from({ length: 8 }, run); // 4 now, 4 after 120 ms
    await Promise.all(first.slice(0, 4));
    // Block the event loop well past the window while four requests wait for their turn.
    const until = performance.now() + 250;
    while (performance.now() < until) {
      // a stall
    }
    await Promise.all(first);
    // All four waiting requests went in the same turn of the event loop after the stall.
    expect(sent.slice(4).every((t) => t >= until)).toBe(true);
    expect(sent[7]! - sent[4]!).toBeLessThan(20);
    await Promise.all(Array.from({ length: 8 }, run));
    // Pacing reads the same clock as these stamps (a microtask apart): allow 1 ms.
    for (let i = 0; i + 4 < sent.length; i++) expect(sent[i + 4]! - sent[i]!).toBeGreaterThanOrEqual(119);
  });
});
