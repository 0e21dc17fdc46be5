// The LinkedIn Ads simulator's world: sandbox seeds distinct per connection and deterministic,
// saved and loaded whole, its state outside the fault layer, and search pages that read only
// what they return however large the world.
import { describe, expect, it } from 'vitest';
import { linkedInAds } from '../../adapters/linkedin-ads/adapter.js';
import { createLinkedInAdsSimulator } from '../../adapters/linkedin-ads/simulator.js';
import type { SimulatorOptions } from '../../adapters/kit/simulator/types.js';
import { ManualClock } from '../support/clock.js';

const TOKEN = 'AQVfakeLinkedInTokenForWorld00000000006';
const BASE = 'https://api.linkedin.com';
const ACME = ['508100001'];
const GLOBEX = ['508200001'];

const make = (clock: ManualClock, over: Partial<SimulatorOptions> = {}) =>
  createLinkedInAdsSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: ACME, seed: 'empty', ...over });

const call = (sim: ReturnType<typeof make>, path: string) =>
  sim.fetch(new Request(`${BASE}${path}`, { headers: { Authorization: `Bearer ${TOKEN}`, 'LinkedIn-Version': '202610', 'X-Restli-Protocol-Version': '2.0.0' } }));

describe('linkedin-ads simulator world', () => {
  it('seeds a realistic week per connection: distinct content for acme and globex, the same each time', () => {
    const clock = new ManualClock();
    const acme = make(clock, { seed: 'sandbox' });
    const again = make(clock, { seed: 'sandbox' });
    const globex = make(clock, { seed: 'sandbox', accountIds: GLOBEX });
    expect(again.state()).toEqual(acme.state());
    const fingerprints = (rows: ReturnType<typeof acme.state>) => new Set(rows.map((r) => r.fingerprint));
    const shared = [...fingerprints(acme.state())].filter((f) => fingerprints(globex.state()).has(f));
    expect(shared).toEqual([]);
    for (const sim of [acme, globex]) {
      const rows = sim.state();
      expect(rows.filter((r) => r.live).length).toBeGreaterThanOrEqual(5);
      // what must stay untouched: people's pauses, drafts, finished, and ACTIVE past its end
      expect(rows.filter((r) => !r.live).map((r) => r.status)).toEqual(expect.arrayContaining(['PAUSED', 'DRAFT']));
      expect(rows.some((r) => !r.live && ['COMPLETED', 'CANCELED', 'ARCHIVED'].includes(r.status))).toBe(true);
    }
    expect(acme.state().some((r) => r.status === 'ACTIVE' && !r.live)).toBe(true);
    expect(globex.world.account(GLOBEX[0]!)!.currency).toBe('EUR');
  });

  it('loads an exported world whole, and refuses data it cannot read', () => {
    const clock = new ManualClock();
    const sim = make(clock, { seed: 'sandbox' });
    const id = sim.state()[0]!.id;
    sim.world.setCampaignStatus(id, 'PAUSED');
    const loaded = make(clock, { world: JSON.parse(JSON.stringify(sim.exportWorld())) });
    expect(loaded.state()).toEqual(sim.state());
    expect(loaded.world.campaign(id)).toEqual(sim.world.campaign(id));
    expect(() => make(clock, { world: { accounts: [], campaigns: [{ id: 'x' }], nextId: 1 } })).toThrow();
  });

  it('shows its state outside the fault layer: no auth, no faults, not recorded', async () => {
    const sim = make(new ManualClock(), { seed: 'sandbox' });
    sim.faults.inject({ kind: 'server-error', times: Infinity });
    const response = await sim.fetch(new Request(`${BASE}/__sandbox/state`));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(sim.state());
    expect(sim.requests).toEqual([]);
  });

  it('reads only the page it answers, however many campaigns people paused or archived', async () => {
    const sim = make(new ManualClock());
    for (let i = 0; i < 20_000; i++) sim.world.addCampaign({ name: `C${i}`, status: i % 100 === 0 ? 'ACTIVE' : i % 3 === 0 ? 'ARCHIVED' : 'PAUSED' });
    const path = `/rest/adAccounts/${ACME[0]}/adCampaigns?q=search&search=(status:(values:List(ACTIVE)))&pageSize=25`;
    const first = (await (await call(sim, path)).json()) as { elements: Array<{ id: number; status: string }>; metadata: { nextPageToken?: string } };
    expect(first.elements).toHaveLength(25);
    expect(first.elements.every((c) => c.status === 'ACTIVE')).toBe(true);
    expect(sim.world.lastPageReads).toBeLessThanOrEqual(26);
    const second = (await (await call(sim, `${path}&pageToken=${encodeURIComponent(first.metadata.nextPageToken!)}`)).json()) as typeof first;
    expect(second.elements[0]!.id).toBeGreaterThan(first.elements.at(-1)!.id);
    expect(sim.world.lastPageReads).toBeLessThanOrEqual(26);
  });

  it('is what the adapter loads on demand', async () => {
    expect(await linkedInAds.loadSimulator()).toBe(createLinkedInAdsSimulator);
  });
});
