// SendGrid through the whole service: a red-alert pause of one brand unschedules exactly its live
// Single Sends (the other brand's account is untouched), and the resume puts each back at its
// send_at — except those people changed meanwhile (edited, scheduled again), which the core
// judges drift and leaves alone. The connections are the ones proposed for config/default.json.
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_LISTS } from '../../adapters/sendgrid/seed.js';
import type { SendGridSimulator } from '../../adapters/sendgrid/simulator.js';
import type { Config } from '../../src/config/schema.js';
import { DAY } from '../support/clock.js';
import { useMsw } from '../support/msw.js';
import { startHarness, type Harness } from '../support/service.js';

const ACME = 'sendgrid-acme';
const GLOBEX = 'sendgrid-globex';

const withSendGrid = (config: Config): Config => ({
  ...config,
  connections: [
    ...config.connections,
    ...(['acme', 'globex'] as const).map((brand) => ({
      id: `sendgrid-${brand}`,
      platform: 'sendgrid',
      name: `${brand === 'acme' ? 'Acme' : 'Globex'} marketing emails (SendGrid)`,
      tags: [`brand:${brand}`],
      accountIds: [...SANDBOX_LISTS[brand]],
      credentials: { apiKey: `SENDGRID_${brand.toUpperCase()}_API_KEY` },
      // Small pages so the pause walks page tokens.
      settings: { region: 'global', pageSize: 2 },
      sandbox: true,
      limits: { requestsPerSecond: 100_000 },
    })),
  ],
});

describe('sendgrid through the service', () => {
  const server = useMsw();
  let h: Harness;
  afterEach(() => h?.close());

  it('pauses one brand’s scheduled Single Sends and puts back all but those people changed', async () => {
    h = await startHarness(server, { config: withSendGrid });
    const acme = h.sandbox.simulators.get(ACME) as SendGridSimulator;
    const before = { acme: h.state()[ACME]!, globex: h.state()[GLOBEX]! };
    const liveBefore = before.acme.filter((s) => s.live);
    expect(liveBefore.length).toBeGreaterThanOrEqual(5);

    const pause = await h.pause(3, { scope: { connections: [ACME] } });
    const items = await h.items(pause.id);
    expect(items.map((i) => i.externalId).sort()).toEqual(liveBefore.map((s) => s.id).sort());
    expect(new Set(items.map((i) => i.suspendedStatus))).toEqual(new Set(['draft']));
    expect(h.state()[ACME]!.filter((s) => s.live)).toEqual([]);
    expect(h.state()[GLOBEX]).toEqual(before.globex);

    // People, in SendGrid's app, while the Single Sends are suspended:
    const [edited, rescheduled] = items.map((i) => i.externalId as string);
    acme.world.edit(edited!, { subject: 'A subject nobody approved' });
    const later = new Date(h.clock.now().getTime() + 10 * DAY).toISOString();
    acme.world.setSchedule(acme.world.get(rescheduled!)!, 'scheduled', later);

    const resumed = await h.resume(pause.id);
    expect(resumed.counts.byState.drifted).toBe(2);
    expect(resumed.counts.byState.restored).toBe(items.length - 2);
    const after = h.state()[ACME]!;
    for (const row of before.acme.filter((s) => s.id !== edited && s.id !== rescheduled)) expect(after).toContainEqual(row);
    expect(after.find((s) => s.id === edited)).toMatchObject({ status: 'draft', live: false });
    expect(after.find((s) => s.id === rescheduled)).toMatchObject({ status: 'scheduled', scheduledAt: later });
    expect(h.state()[GLOBEX]).toEqual(before.globex);
  });
});
