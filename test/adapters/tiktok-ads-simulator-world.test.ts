// The TikTok simulator's world: the sandbox seed (deterministic, distinct per brand's advertiser,
// every state the adapter must tell apart), exported as JSON and loaded back whole, its state
// outside the fault layer, and a saved world that is not TikTok's refused.
import { describe, expect, it } from 'vitest';
import { createTiktokAdsSimulator, type TiktokAdsSimulator } from '../../adapters/tiktok-ads/simulator.js';
import type { JsonValue } from '../../adapters/types.js';
import { ManualClock } from '../support/clock.js';
import { BASE_URL, TOKEN } from './tiktok-ads-fixture.js';

// the advertisers of the default config's acme and globex connections
const ACME = '7301000000000000001';
const GLOBEX = '7302000000000000003';

const make = (accountIds: string[], extra: { world?: JsonValue; seed?: 'sandbox' | 'empty' } = {}): TiktokAdsSimulator =>
  createTiktokAdsSimulator({ clock: new ManualClock(), credentials: { accessToken: TOKEN }, accountIds, seed: extra.seed ?? 'sandbox', ...(extra.world !== undefined && { world: extra.world }) });

const names = (sim: TiktokAdsSimulator) => sim.state().map((s) => sim.world.campaign(s.id)!.campaign_name);

describe('tiktok-ads simulator world', () => {
  it('seeds a brand week: running campaigns, some out of budget, paused by people, deleted — the same every time', () => {
    const acme = make([ACME]);
    expect(make([ACME]).state()).toEqual(acme.state());
    const statuses = acme.state().map((s) => s.status);
    expect(statuses.filter((s) => s === 'ENABLE').length).toBeGreaterThanOrEqual(5);
    expect(statuses).toContain('DISABLE');
    expect(statuses).toContain('DELETE');
    const campaigns = acme.state().map((s) => acme.world.campaign(s.id)!);
    expect(campaigns.some((c) => c.operation_status === 'ENABLE' && c.budget_exceeded)).toBe(true);
    expect(campaigns.every((c) => c.advertiser_id === ACME)).toBe(true);
  });

  it('seeds different content for each brand connection (its advertiser)', () => {
    const acme = names(make([ACME]));
    const globex = names(make([GLOBEX]));
    expect(acme.filter((n) => globex.includes(n))).toEqual([]);
    expect(names(make([]))).toEqual(acme); // no advertiser configured: a fallback one, Acme's catalogue
  });

  it('exports its whole world as JSON and loads it back, changes and id counter included', async () => {
    const sim = make([ACME]);
    const live = sim.state().find((s) => s.live)!;
    const answer = await sim.fetch(
      new Request(`${BASE_URL}/open_api/v1.3/campaign/status/update/`, {
        method: 'POST',
        headers: { 'Access-Token': TOKEN, 'content-type': 'application/json' },
        body: JSON.stringify({ advertiser_id: ACME, campaign_ids: [live.id], operation_status: 'DISABLE' }),
      }),
    );
    expect(await answer.json()).toMatchObject({ code: 0 });
    const saved = JSON.parse(JSON.stringify(sim.exportWorld())) as JsonValue;
    const loaded = make([ACME], { world: saved });
    expect(loaded.state()).toEqual(sim.state());
    const added = loaded.world.addCampaign();
    expect(sim.state().map((s) => s.id)).not.toContain(added);
  });

  it('refuses to load what is not a TikTok world', () => {
    expect(() => make([ACME], { world: { campaigns: 'nope' } })).toThrow();
  });

  it('shows its state outside the fault layer: no auth, no faults, not recorded', async () => {
    const sim = make([ACME]);
    sim.faults.inject({ kind: 'server-error', times: Infinity });
    const response = await sim.fetch(new Request(`${BASE_URL}/__sandbox/state`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(sim.state());
    expect(sim.requests).toEqual([]);
  });
});
