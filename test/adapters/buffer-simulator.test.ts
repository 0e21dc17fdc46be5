// The Buffer simulator's sandbox seed and world: each sandbox connection (its organization) gets
// its own brand's week, the same every time; live posts plus what must stay untouched; the world
// round-trips through its export; time sends what is due unless a person paused the queue.
import { describe, expect, it } from 'vitest';
import { ACME_ORG, GLOBEX_ORG } from '../../adapters/buffer/seed.js';
import { createBufferSimulator } from '../../adapters/buffer/simulator.js';
import { DAY, ManualClock } from '../support/clock.js';

const sandbox = (org: string, clock = new ManualClock()) => createBufferSimulator({ clock, credentials: { apiKey: 'buf_sandbox_not_a_secret' }, accountIds: [org], seed: 'sandbox' });

describe('buffer simulator', () => {
  it('seeds a distinct, deterministic week per connection, with posts that must stay untouched', () => {
    const acme = sandbox(ACME_ORG);
    const globex = sandbox(GLOBEX_ORG);
    expect(sandbox(ACME_ORG).state()).toEqual(acme.state());
    const ids = (s: typeof acme) => new Set(s.state().map((r) => r.id));
    expect([...ids(acme)].filter((id) => ids(globex).has(id))).toEqual([]);
    expect(acme.state().map((r) => r.fingerprint)).not.toEqual(globex.state().map((r) => r.fingerprint));
    for (const sim of [acme, globex]) {
      const rows = sim.state();
      expect(rows.filter((r) => r.live)).toHaveLength(14);
      const statuses = rows.filter((r) => !r.live).map((r) => r.status).sort();
      // sent ×3, drafts ×2, one awaiting approval, two scheduled on a queue a person paused
      expect(statuses).toEqual(['draft', 'draft', 'needs_approval', 'scheduled', 'scheduled', 'sent', 'sent', 'sent']);
      const now = new ManualClock().now().getTime();
      for (const r of rows.filter((x) => x.live)) expect(Date.parse(r.scheduledAt!)).toBeGreaterThanOrEqual(now + 2 * 3_600_000);
    }
    expect(globex.world.channelsOf(GLOBEX_ORG).map((c) => c.service)).toContain('threads');
  });

  it('sends what is due as time passes, except on a paused queue, and loads its export back whole', () => {
    const clock = new ManualClock();
    const sim = sandbox(ACME_ORG, clock);
    clock.advance(8 * DAY);
    const rows = sim.state();
    expect(rows.filter((r) => r.live)).toEqual([]);
    expect(rows.filter((r) => r.status === 'scheduled')).toHaveLength(2);
    const loaded = createBufferSimulator({ clock, credentials: {}, accountIds: [ACME_ORG], seed: 'sandbox', world: sim.exportWorld() });
    expect(loaded.state()).toEqual(rows);
  });
});
