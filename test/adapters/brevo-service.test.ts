// brevo in the whole service: the two sandbox connections the default config will hold (acme and
// globex, added here: config/default.json is the lead's), a pause at "red-alert" that suspends
// the brand's scheduled campaigns and nothing else, drift reported, and a resume that puts the
// platform back as it was (same ids, same times).
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { useMsw } from '../support/msw.js';
import { comparableWorld, startHarness, type Harness } from '../support/service.js';

const BREVO = [
  { id: 'brevo-acme', brand: 'acme', env: 'BREVO_ACME_API_KEY' },
  { id: 'brevo-globex', brand: 'globex', env: 'BREVO_GLOBEX_API_KEY' },
];

const withBrevo = (config: Config): Config => ({
  ...config,
  connections: [
    ...config.connections,
    ...BREVO.map((b) => ({
      ...config.connections[0]!,
      id: b.id,
      platform: 'brevo',
      name: `${b.brand} newsletters (Brevo)`,
      tags: [`brand:${b.brand}`],
      accountIds: [],
      credentials: { apiKey: b.env },
      settings: { pageSize: 2, rateLimitTier: 'general' },
      sandbox: true,
      limits: { requestsPerSecond: 100_000 },
    })),
  ],
});

describe('brevo in the service', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('suspends only the scheduled campaigns of the brand in scope, and resume puts them back', async () => {
    h = await startHarness(server, { config: withBrevo });
    const before = h.state();
    const live = before['brevo-acme']!.filter((r) => r.live).map((r) => r.id);
    expect(live.length).toBeGreaterThan(2);

    const pause = await h.pause('red-alert', { scope: { tags: ['brand:acme'] } });
    const emails = await h.items(pause.id, '&connection=brevo-acme');
    expect(emails.map((i) => i.externalId).sort()).toEqual([...live].sort());
    const during = h.state();
    expect(during['brevo-acme']!.filter((r) => r.live)).toEqual([]);
    expect(during['brevo-globex']).toEqual(before['brevo-globex']);
    // the campaign a person had suspended, drafts and sent ones: untouched
    for (const row of before['brevo-acme']!.filter((r) => !r.live)) expect(during['brevo-acme']).toContainEqual(row);

    const resumed = await h.resume(pause.id);
    expect(resumed.state).toBe('resumed');
    expect(comparableWorld(h.state())['brevo-acme']).toEqual(comparableWorld(before)['brevo-acme']);
  });

  it('reports a campaign a person edited while suspended as drifted, and leaves it alone', async () => {
    h = await startHarness(server, { config: withBrevo });
    const pause = await h.pause('red-alert', { scope: { tags: ['brand:globex'] } });
    const [first] = await h.items(pause.id, '&connection=brevo-globex');
    const sim = h.sandbox.simulators.get('brevo-globex') as unknown as { world: { edit(id: number, change: { subject: string }): void } };
    sim.world.edit(Number(first!.externalId), { subject: 'Edited during the crisis' });
    const edited = h.state()['brevo-globex']!.find((r) => r.id === first!.externalId);

    const resumed = await h.resume(pause.id);
    expect(resumed.counts.byState.drifted).toBe(1);
    expect(h.state()['brevo-globex']!.find((r) => r.id === first!.externalId)).toEqual(edited);
  });
});
