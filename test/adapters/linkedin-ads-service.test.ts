// linkedin-ads in the whole service: the two sandbox connections the default config will hold
// (acme and globex, added here: config/default.json is the lead's), a pause at "crisis" that
// suspends their live campaigns and nothing else, drift reported, and a resume that puts the
// platform back as it was.
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { useMsw } from '../support/msw.js';
import { comparableWorld, startHarness, type Harness } from '../support/service.js';

const LINKEDIN = [
  { id: 'linkedin-ads-acme', brand: 'acme', account: '508100001', env: 'LINKEDIN_ADS_ACME_ACCESS_TOKEN' },
  { id: 'linkedin-ads-globex', brand: 'globex', account: '508200001', env: 'LINKEDIN_ADS_GLOBEX_ACCESS_TOKEN' },
];

const withLinkedIn = (config: Config): Config => ({
  ...config,
  connections: [
    ...config.connections,
    ...LINKEDIN.map((l) => ({
      ...config.connections[0]!,
      id: l.id,
      platform: 'linkedin-ads',
      name: `${l.brand} LinkedIn ads`,
      tags: [`brand:${l.brand}`],
      accountIds: [l.account],
      credentials: { accessToken: l.env },
      settings: { apiVersion: '202610', pageSize: 4 },
      sandbox: true,
      limits: { requestsPerSecond: 100_000 },
    })),
  ],
});

describe('linkedin-ads in the service', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('pauses only the live campaigns of the brand in scope, and resume puts the platform back', async () => {
    h = await startHarness(server, { config: withLinkedIn });
    const before = h.state();
    const live = before['linkedin-ads-acme']!.filter((r) => r.live).map((r) => r.id);
    expect(live.length).toBeGreaterThan(4);

    const pause = await h.pause('crisis', { scope: { tags: ['brand:acme'] } });
    const ads = await h.items(pause.id, '&connection=linkedin-ads-acme');
    expect(ads.map((i) => i.externalId).sort()).toEqual([...live].sort());
    const during = h.state();
    expect(during['linkedin-ads-acme']!.filter((r) => r.live)).toEqual([]);
    expect(during['linkedin-ads-globex']).toEqual(before['linkedin-ads-globex']);
    for (const row of before['linkedin-ads-acme']!.filter((r) => !r.live)) expect(during['linkedin-ads-acme']).toContainEqual(row);

    const resumed = await h.resume(pause.id);
    expect(resumed.state).toBe('resumed');
    expect(comparableWorld(h.state())['linkedin-ads-acme']).toEqual(comparableWorld(before)['linkedin-ads-acme']);
  });

  it('reports a campaign a person edited while paused as drifted, and leaves it alone', async () => {
    h = await startHarness(server, { config: withLinkedIn });
    const pause = await h.pause('crisis', { scope: { tags: ['brand:globex'] } });
    const [first] = await h.items(pause.id, '&connection=linkedin-ads-globex');
    const sim = h.sandbox.simulators.get('linkedin-ads-globex') as unknown as { world: { editCampaign(id: string, edit: unknown): void } };
    sim.world.editCampaign(first!.externalId, { dailyBudget: { amount: '1.00', currencyCode: 'EUR' } });
    const edited = h.state()['linkedin-ads-globex']!.find((r) => r.id === first!.externalId);

    const resumed = await h.resume(pause.id);
    expect(resumed.counts.byState.drifted).toBe(1);
    expect(h.state()['linkedin-ads-globex']!.find((r) => r.id === first!.externalId)).toEqual(edited);
  });
});
