// TikTok ads through the whole service, with the two connections the default config will carry
// (acme and globex, sandbox): a crisis pause scoped to a brand disables exactly that brand's
// enabled campaigns and resume puts the world back; a throttled TikTok is waited out, not failed;
// a campaign someone changed or deleted while suspended is reported and left alone.
import { afterEach, describe, expect, it } from 'vitest';
import type { TiktokAdsSimulator } from '../../adapters/tiktok-ads/simulator.js';
import type { Config } from '../../src/config/schema.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

/** The connection blocks proposed for config/default.json. */
export const TIKTOK_CONNECTIONS = [
  {
    id: 'tiktok-ads-acme',
    platform: 'tiktok-ads',
    name: 'Acme ad account (TikTok)',
    tags: ['brand:acme', 'region:global'],
    accountIds: ['7301000000000000001'],
    credentials: { accessToken: 'TIKTOK_ADS_ACME_ACCESS_TOKEN' },
    settings: { environment: 'production', rateLevel: 'basic', pageSize: 200 },
    sandbox: true,
  },
  {
    id: 'tiktok-ads-globex',
    platform: 'tiktok-ads',
    name: 'Globex ad account (TikTok)',
    tags: ['brand:globex', 'region:global'],
    accountIds: ['7302000000000000003'],
    credentials: { accessToken: 'TIKTOK_ADS_GLOBEX_ACCESS_TOKEN' },
    settings: { environment: 'production', rateLevel: 'basic', pageSize: 200 },
    sandbox: true,
  },
];

const withTiktok = (config: Config): Config => ({
  ...config,
  connections: [...config.connections, ...TIKTOK_CONNECTIONS.map((c) => ({ ...c, limits: { requestsPerSecond: 100_000 } }))] as Config['connections'],
});

describe('TikTok ads through the service', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  const sim = (id: string) => h.sandbox.simulators.get(id) as TiktokAdsSimulator;

  it("a crisis pause scoped to globex disables globex's enabled campaigns only; resume puts the world back", async () => {
    h = await startHarness(server, { config: withTiktok });
    const before = h.state();
    const live = before['tiktok-ads-globex']!.filter((r) => r.live).map((r) => r.id);
    expect(live.length).toBeGreaterThanOrEqual(4);

    const pause = await h.pause('crisis', { scope: { tags: ['brand:globex'] } });
    const items = await h.items(pause.id);
    expect(items.map((i) => i.externalId).sort()).toEqual([...live].sort());
    expect(items.every((i) => i.state === 'suspended' && i.connectionId === 'tiktok-ads-globex')).toBe(true);
    const during = h.state();
    expect(during['tiktok-ads-globex']!.filter((r) => r.live)).toEqual([]);
    expect(during['tiktok-ads-acme']).toEqual(before['tiktok-ads-acme']);
    for (const row of before['tiktok-ads-globex']!.filter((r) => !r.live)) expect(during['tiktok-ads-globex']).toContainEqual(row);

    const resumed = await h.resume(pause.id);
    expect(resumed.counts.byState.restored).toBe(live.length);
    expect(h.state()).toEqual(before);
  });

  it("waits out TikTok's throttle (40100 naming its per-minute limit) and finishes the pause", async () => {
    h = await startHarness(server, { config: withTiktok });
    sim('tiktok-ads-acme').faults.inject({ kind: 'rate-limit', variant: 'app-qpm', method: 'POST', times: 2 });
    const pause = await h.pause('crisis', { scope: { connections: ['tiktok-ads-acme'] } });
    expect(pause.counts.byState.suspended).toBeGreaterThan(0);
    expect(h.sleeps.filter((ms) => ms === 300_000)).toHaveLength(2);
    expect(h.state()['tiktok-ads-acme']!.filter((r) => r.live)).toEqual([]);
  });

  it('leaves alone, and reports, a campaign someone edited or deleted while suspended; one switched back on as it was counts as back', async () => {
    h = await startHarness(server, { config: withTiktok });
    const pause = await h.pause('crisis', { scope: { connections: ['tiktok-ads-acme'] } });
    const [enabled, edited, deleted, ...others] = (await h.items(pause.id)).map((i) => i.externalId as string);
    const world = sim('tiktok-ads-acme').world;
    world.setStatus(enabled!, 'ENABLE');
    world.editCampaign(edited!, { budget: 99_999 });
    world.setStatus(deleted!, 'DELETE');
    const editedBefore = world.campaign(edited!);
    await h.call('POST', `/v1/pauses/${pause.id}/resume?wait=true`, {});
    const items = new Map((await h.items(pause.id)).map((i) => [i.externalId, i]));
    expect(items.get(enabled)).toMatchObject({ state: 'restored' });
    expect(items.get(edited)!.state).toBe('drifted');
    expect(items.get(deleted)!.state).toBe('drifted');
    expect(world.campaign(edited!)).toEqual(editedBefore); // still DISABLE, budget as the person left it
    for (const id of others) expect(items.get(id)!.state).toBe('restored');
  });
});
