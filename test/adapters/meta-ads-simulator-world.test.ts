// The Meta simulator's world: exported as JSON and loaded back whole (the app's settings
// included), its sandbox state outside the fault layer, and answers in time that does not grow
// with the number of campaigns it holds.
import { describe, expect, it } from 'vitest';
import { createMetaAdsSimulator, type MetaAdsSimulator } from '../../adapters/meta-ads/simulator.js';
import type { JsonValue } from '../../adapters/types.js';
import { ManualClock } from '../support/clock.js';

const BASE = 'https://graph.facebook.com';
const TOKEN = 'EAAGworldToken00000000000000000001';
const ACCOUNT = 'act_4000000001';

const make = (clock: ManualClock, extra: { world?: JsonValue; seed?: 'sandbox' | 'empty' } = {}): MetaAdsSimulator =>
  createMetaAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: [ACCOUNT], seed: extra.seed ?? 'empty', ...(extra.world !== undefined && { world: extra.world }) });

const call = (sim: MetaAdsSimulator, method: string, path: string, form?: Record<string, string>) =>
  sim.fetch(
    new Request(`${BASE}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(form && { 'content-type': 'application/x-www-form-urlencoded' }) },
      ...(form && { body: new URLSearchParams(form) }),
    }),
  );

describe('meta-ads simulator world', () => {
  it('exports its whole world as JSON and loads it back: campaigns, accounts, the app and id counters', async () => {
    const clock = new ManualClock();
    const sim = make(clock, { seed: 'sandbox' });
    const live = sim.state().find((r) => r.live)!;
    expect((await call(sim, 'POST', `/v25.0/${live.id}`, { status: 'PAUSED' })).status).toBe(200);
    sim.world.setAccessTier('development');
    sim.world.setRequireAppSecret(true);
    sim.world.setCallBudget(42);

    const saved = JSON.parse(JSON.stringify(sim.exportWorld())) as JsonValue;
    const loaded = make(clock, { seed: 'sandbox', world: saved });
    expect(loaded.state()).toEqual(sim.state());
    expect(loaded.world.app).toEqual({ accessTier: 'development', requireAppSecret: true, callBudgetPerHour: 42 });
    expect(loaded.world.account(ACCOUNT)!.name).toBe('Acme — EU');
    const added = loaded.world.addCampaign();
    expect(sim.state().map((r) => r.id)).not.toContain(added);
    expect(BigInt(added)).toBeGreaterThan(sim.state().map((r) => BigInt(r.id)).reduce((a, b) => (a > b ? a : b)));
  });

  it('loads a world saved before the app had settings, with the defaults', () => {
    const sim = make(new ManualClock(), { seed: 'sandbox' });
    const { app: _app, ...older } = sim.exportWorld() as Record<string, JsonValue>;
    expect(make(new ManualClock(), { world: older }).world.app).toEqual({ accessTier: 'standard', requireAppSecret: false, callBudgetPerHour: null });
  });

  it('refuses to load what is not a Meta world', () => {
    expect(() => make(new ManualClock(), { world: { campaigns: 'nope' } })).toThrow();
  });

  it('shows its state outside the fault layer: no auth, no faults, not recorded', async () => {
    const sim = make(new ManualClock(), { seed: 'sandbox' });
    sim.faults.inject({ kind: 'server-error', times: Infinity });
    const response = await sim.fetch(new Request(`${BASE}/__sandbox/state`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(sim.state());
    expect(sim.requests).toEqual([]);
  });

  it('answers listings, reads, updates and batches in time that does not grow with the world', async () => {
    const clock = new ManualClock();
    const timePerRequest = async (size: number): Promise<number> => {
      const sim = make(clock);
      // Mostly campaigns people paused or archived: a listing of the live ones must not read them.
      for (let i = 0; i < size; i++) sim.world.addCampaign({ status: i % 10 === 0 ? 'ACTIVE' : i % 3 === 0 ? 'ARCHIVED' : 'PAUSED', name: `C${i}` });
      const active = sim.state().filter((r) => r.live).slice(0, 20).map((r) => r.id);
      const listing = `/v25.0/${ACCOUNT}/campaigns?fields=id,status&effective_status=${encodeURIComponent('["ACTIVE","IN_PROCESS","WITH_ISSUES"]')}&limit=25`;
      const began = performance.now();
      for (const id of active) {
        const page = (await (await call(sim, 'GET', listing)).json()) as { paging?: { cursors: { after: string } } };
        await call(sim, 'GET', `${listing}&after=${page.paging!.cursors.after}`);
        await call(sim, 'GET', `/v25.0/?ids=${id}&fields=id,status`);
        await call(sim, 'POST', `/v25.0/${id}`, { status: 'PAUSED' });
        await call(sim, 'POST', '/v25.0/', { batch: JSON.stringify([{ method: 'POST', relative_url: `v25.0/${id}`, body: 'status=ACTIVE' }]) });
      }
      return (performance.now() - began) / (active.length * 5);
    };
    await timePerRequest(500); // warm up
    const small = await timePerRequest(1_000);
    const large = await timePerRequest(40_000);
    // A scan of every campaign per request would make the large world ~40 times slower.
    expect(large / small).toBeLessThan(8);
  }, 60_000);
});
