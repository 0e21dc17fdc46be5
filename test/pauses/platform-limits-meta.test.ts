// Meta's per-ad-account points limit through the whole service: a pause on a development-tier
// connection with more campaigns than one window allows waits for the window (the waiting items
// say so) and finishes with every campaign paused, never over the limit; a block Meta answers
// is waited out, not failed. The harness's sleep records each wait and moves the clock by it.
import { afterEach, describe, expect, it } from 'vitest';
import type { MetaAdsSimulator } from '../../adapters/meta-ads/simulator.js';
import type { Config } from '../../src/config/schema.js';
import { useMsw } from '../support/msw.js';
import { comparableWorld, startHarness, type Harness } from '../support/service.js';

const META = 'meta-ads-acme';
const ACCOUNT_DIGITS = '1000000001';

/** The default config, with Meta's connection on the development tier. */
const developmentTier = (config: Config): Config => ({
  ...config,
  connections: config.connections.map((c) => (c.id === META ? { ...c, settings: { accessTier: 'development' } } : c)),
});

interface MidWait {
  ms: number;
  /** the clock when the wait began */
  at: number;
  items: Array<Record<string, any>>;
  waiting: { until: string; reason: string } | null;
}

describe('Meta ads: the points limit of a development-tier app', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  /** A harness whose Meta app is on the development tier and holds `extra` more live campaigns. */
  async function start(extra: number, midWaits: MidWait[]): Promise<MetaAdsSimulator> {
    h = await startHarness(server, {
      enforceLimits: true,
      sleepAdvancesClock: true,
      config: developmentTier,
      // What a person sees while the service waits: the items and the connection say why.
      onSleep: async (ms) => {
        if (ms < 2_000 || midWaits.length >= 3) return;
        const pause = (await h.call('GET', '/v1/pauses')).body.data[0];
        const connection = (await h.call('GET', '/v1/connections')).body.data.find((c: { id: string }) => c.id === META);
        midWaits.push({ ms, at: h.clock.now().getTime(), items: await h.items(pause.id), waiting: connection.waiting });
      },
    });
    const meta = h.sandbox.simulators.get(META) as MetaAdsSimulator;
    meta.world.setAccessTier('development');
    for (let i = 0; i < extra; i++) meta.world.addCampaign({ name: `Always-on ${i}`, daily_budget: String(1_000 + i * 10) });
    return meta;
  }

  it('waits for the window instead of going over it, and pauses every campaign; resume puts them all back', async () => {
    const midWaits: MidWait[] = [];
    const meta = await start(35, midWaits);
    const before = h.state();
    const live = before[META]!.filter((r) => r.live).length;
    expect(live).toBe(45);
    const connection = (await h.call('GET', '/v1/connections')).body.data.find((c: { id: string }) => c.id === META);
    expect(connection.bulk).toEqual({ suspend: 10, restore: 10, inspect: 10 });

    const pause = await h.pause(2, { scope: { connections: [META] } });
    expect(pause.counts.byState.suspended).toBe(live);
    expect(pause.counts.total).toBe(live);
    expect(h.state()[META]!.filter((r) => r.live)).toEqual([]);
    // 45 campaigns: 135 points of writes, 60 per 300 s: the pause had to wait for windows to pass
    expect(h.sleeps.filter((ms) => ms >= 60_000).length).toBeGreaterThanOrEqual(2);
    expect(meta.world.limits.overLimit).toBe(0);

    expect(midWaits.length).toBeGreaterThan(0);
    const waitingItems = midWaits[0]!.items.filter((i) => i.waitingUntil !== null);
    expect(waitingItems.length).toBeGreaterThan(0);
    for (const item of waitingItems) {
      expect(item.note).toMatch(/^waiting for the platform's limit \(.*Meta's ad account points limit \(60 per 300 s, development \(Limited\) tier\)/);
      expect(Date.parse(item.waitingUntil)).toBe(midWaits[0]!.at + midWaits[0]!.ms);
    }
    expect(midWaits[0]!.waiting?.reason).toContain("Meta's ad account points limit");

    await h.resume(pause.id);
    expect(comparableWorld(h.state())[META]).toEqual(comparableWorld(before)[META]);
    expect(meta.world.limits.overLimit).toBe(0);
  });

  it('waits out a block Meta answers (someone else spent the window) instead of failing the items', async () => {
    const midWaits: MidWait[] = [];
    const meta = await start(10, midWaits);
    // Another app, or an earlier process of ours, has used 50 of the account's 60 points: our
    // pacer cannot know, so a batch goes over, and Meta blocks the account for 300 s.
    meta.world.limits.spend(ACCOUNT_DIGITS, 50);
    const pause = await h.pause(2, { scope: { connections: [META] } });
    expect(pause).toMatchObject({ state: 'active', complete: true });
    expect(pause.counts.byState.suspended).toBe(20);
    expect(h.state()[META]!.filter((r) => r.live)).toEqual([]);
    expect(meta.world.limits.overLimit).toBeGreaterThan(0);
    // the block's own time to regain access (X-Ad-Account-Usage), waited in full
    expect(h.sleeps).toContain(300_000);
    const blocked = midWaits.find((w) => w.ms === 300_000)!;
    expect(blocked.items.some((i) => i.waitingUntil !== null && /17\/2446079/.test(i.note))).toBe(true);
    const items = await h.items(pause.id);
    expect(items.every((i) => i.state === 'suspended' && i.lastError === null)).toBe(true);
  });
});
