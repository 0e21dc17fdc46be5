// Buffer's tiny quotas through the whole service: a pause's dry run says, per Buffer connection,
// how many requests the pause needs, how many the quotas allow now and when it would finish;
// the pause itself then goes on as the 15-minute window allows — the items that wait say what
// for — and finishes with every post suspended, never over Buffer's limit; resume puts them back.
import { afterEach, describe, expect, it } from 'vitest';
import { ACME_ORG } from '../../adapters/buffer/seed.js';
import type { BufferSimulator } from '../../adapters/buffer/simulator.js';
import type { Config } from '../../src/config/schema.js';
import { useMsw } from '../support/msw.js';
import { comparableWorld, startHarness, type Harness } from '../support/service.js';

const BUFFER = 'buffer-acme';
const MINUTE = 60_000;

/** The default config plus Acme's Buffer connection, as the lead will wire it (Team plan). */
const withBuffer = (config: Config): Config => ({
  ...config,
  connections: [
    ...config.connections,
    { id: BUFFER, platform: 'buffer', name: 'Acme social channels (Buffer)', tags: ['brand:acme', 'region:global'], accountIds: [ACME_ORG], credentials: { apiKey: 'BUFFER_ACME_API_KEY' }, settings: { plan: 'team' }, sandbox: true },
  ],
});

describe('Buffer: a pause larger than the quotas allow at once', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('forecasts it in the dry run, then waits for the window instead of failing, and restores every post', async () => {
    const midWaits: Array<{ ms: number; at: number; items: Array<Record<string, any>> }> = [];
    h = await startHarness(server, {
      enforceLimits: true,
      sleepAdvancesClock: true,
      config: withBuffer,
      onSleep: async (ms) => {
        if (ms < 60_000 || midWaits.length >= 1) return;
        const pause = (await h.call('GET', '/v1/pauses')).body.data[0];
        midWaits.push({ ms, at: h.clock.now().getTime(), items: await h.items(pause.id, '&state=planned') });
      },
    });
    const sim = h.sandbox.simulators.get(BUFFER) as BufferSimulator;
    sim.world.plan = 'team';
    // 2,000 more live posts than the seeded week: 21 listing requests and 81 deletes of 25.
    const channel = sim.world.channelsOf(ACME_ORG).find((c) => c.service === 'linkedin')!;
    const now = h.clock.now().getTime();
    for (let i = 0; i < 2_000; i++) {
      sim.world.addPost({ channelId: channel.id, text: `Evergreen post ${i}`, schedulingType: 'automatic', assets: [], status: 'scheduled', dueAt: new Date(now + 3 * 60 * MINUTE + i * MINUTE).toISOString() });
    }
    const before = h.state();
    const live = before[BUFFER]!.filter((r) => r.live).length;
    expect(live).toBe(2_014);

    const dry = await h.call('POST', '/v1/pauses', { severity: 1, reason: 'test crisis', scope: { connections: [BUFFER] }, dryRun: true });
    expect(dry.status).toBe(200);
    const [forecast] = dry.body.plan.quotas;
    // the dry run's own listing spent 1 channels read + 21 pages of the window's 100
    expect(forecast).toEqual({
      connectionId: BUFFER,
      requests: 1 + 21 + 81,
      allowedNow: 100 - 22,
      fitsNow: false,
      finishesAt: new Date(now + 15 * MINUTE).toISOString(),
      limits: 'Buffer (Team plan): 100 requests per 15 minutes, 500 per 24 hours, 15,000 per 30 days',
    });

    const pause = await h.pause(1, { scope: { connections: [BUFFER] } });
    expect(pause).toMatchObject({ state: 'active', complete: true });
    expect(pause.counts.byState.suspended).toBe(live);
    expect(h.state()[BUFFER]!.filter((r) => r.live)).toEqual([]);
    expect(sim.limits.overLimit).toBe(0);
    // it waited for the 15-minute window, and the waiting items said so
    expect(h.sleeps.some((ms) => ms > 10 * MINUTE && ms <= 15 * MINUTE)).toBe(true);
    const waiting = midWaits[0]!.items.filter((i) => i.waitingUntil !== null);
    expect(waiting.length).toBeGreaterThan(0);
    for (const item of waiting) expect(item.note).toContain("Buffer's 100 requests per 15 minutes");

    await h.resume(pause.id);
    expect(comparableWorld(h.state(), [BUFFER])[BUFFER]).toEqual(comparableWorld(before, [BUFFER])[BUFFER]);
    expect(sim.limits.overLimit).toBe(0);
  }, 120_000);
});
