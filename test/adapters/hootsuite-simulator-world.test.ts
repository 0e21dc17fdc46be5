// The Hootsuite simulator's world: exported as JSON and loaded back whole, and answering in time
// that does not grow with the number of messages it holds.
import { describe, expect, it } from 'vitest';
import { createHootsuiteSimulator, type HootsuiteSimulator } from '../../adapters/hootsuite/simulator.js';
import type { JsonValue } from '../../adapters/types.js';
import { DAY, HOUR, ManualClock, MINUTE } from '../support/clock.js';

const BASE = 'https://platform.hootsuite.com';
const TOKEN = 'hs-world-token-3310';
const FB = '115185509';

const make = (clock: ManualClock, extra: { world?: JsonValue; seed?: 'sandbox' | 'empty' } = {}): HootsuiteSimulator =>
  createHootsuiteSimulator({ clock, credentials: { accessToken: TOKEN }, accountIds: extra.seed === 'sandbox' ? [] : [FB], seed: extra.seed ?? 'empty', ...(extra.world !== undefined && { world: extra.world }) });

const call = (sim: HootsuiteSimulator, method: string, path: string, body?: unknown) =>
  sim.fetch(new Request(`${BASE}${path}`, { method, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) }));

describe('hootsuite simulator world', () => {
  it('exports its whole world as JSON and loads it back: messages, media, settings and id counters', async () => {
    const clock = new ManualClock();
    const sim = make(clock, { seed: 'sandbox' });
    const message = sim.world.messages().find((m) => m.state === 'SCHEDULED')!;
    expect((await call(sim, 'DELETE', `/v1/messages/${message.id}`)).status).toBe(200);
    sim.world.setPermission('LIMITED', message.socialProfile.id);
    sim.world.setScheduledLimit(500);
    const video = sim.world.addMedia({ mimeType: 'video/mp4' });

    const saved = JSON.parse(JSON.stringify(sim.exportWorld())) as JsonValue;
    const loaded = make(clock, { seed: 'sandbox', world: saved });
    expect(loaded.state()).toEqual(sim.state());
    expect(loaded.world.message(message.id)).toBeUndefined();
    expect(loaded.world.profiles()).toEqual(sim.world.profiles());
    // the settings came back: a create on that profile goes to approval, with the saved video
    const created = await call(loaded, 'POST', '/v1/messages', {
      text: 'Back again',
      socialProfileIds: [message.socialProfile.id],
      scheduledSendTime: new Date(clock.now().getTime() + DAY).toISOString().replace('.000Z', 'Z'),
      media: [{ id: video }],
    });
    const { data } = (await created.json()) as { data: Array<{ id: string; state: string }> };
    expect(data[0]!.state).toBe('PENDING_APPROVAL');
    // ids go on from where the saved world stopped, never reusing one
    expect(sim.world.messages().map((m) => m.id)).not.toContain(data[0]!.id);
    expect(Number(data[0]!.id)).toBeGreaterThan(Math.max(...sim.world.messages().map((m) => Number(m.id))));
    // time still passes in a loaded world
    clock.advance(70 * DAY);
    expect(loaded.state().filter((r) => r.live)).toEqual([]);
  });

  it('refuses to load what is not a Hootsuite world', () => {
    expect(() => make(new ManualClock(), { world: { messages: 'nope' } })).toThrow();
  });

  it('answers lists, reads, deletes and creates in time that does not grow with the world', async () => {
    const clock = new ManualClock();
    const timePerRequest = async (size: number): Promise<number> => {
      const sim = make(clock);
      const start = clock.now().getTime() + HOUR;
      for (let i = 0; i < size; i++) sim.world.addMessage({ profileId: FB, state: 'SCHEDULED', text: `Post ${i}`, scheduledSendTime: new Date(start + i * MINUTE).toISOString() });
      const ids = sim.world.messages().slice(0, 40).map((m) => m.id);
      const range = `startTime=${encodeURIComponent(new Date(start).toISOString())}&endTime=${encodeURIComponent(new Date(start + 7 * DAY).toISOString())}`;
      const began = performance.now();
      for (const id of ids) {
        await call(sim, 'GET', `/v1/messages?${range}&state=SCHEDULED&limit=100`);
        await call(sim, 'GET', `/v1/messages/${id}`);
        await call(sim, 'DELETE', `/v1/messages/${id}`);
        await call(sim, 'POST', '/v1/messages', { text: 'again', socialProfileIds: [FB], scheduledSendTime: new Date(start + 3 * DAY).toISOString().replace('.000Z', 'Z') });
      }
      return (performance.now() - began) / (ids.length * 4);
    };
    await timePerRequest(200); // warm up
    const small = await timePerRequest(500);
    const large = await timePerRequest(40_000);
    // A scan of every message per request would make the large world ~80 times slower.
    expect(large / small).toBeLessThan(8);
  }, 60_000);
});
